package jp.joren.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One reading of a file's data rows ({@link CsvTable#rows}): each record read into its fields, and a row that
 * an unbalanced quote spoilt reported at its line, the reading begun again on the line after it.
 */
final class CsvRows {

    private final String text;
    private final ImportKind kind;
    private final Map<String, Integer> mapping;
    private final Consumer<ImportRow> row;
    private final Consumer<ImportProblem> problem;
    private final PhysicalLines lines;
    private long excelRow = 1;
    private boolean header = true;

    CsvRows(String text, ImportKind kind, Map<String, Integer> mapping, Consumer<ImportRow> row,
            Consumer<ImportProblem> problem) {
        this.text = text;
        this.kind = kind;
        this.mapping = mapping;
        this.row = row;
        this.problem = problem;
        this.lines = new PhysicalLines(text);
    }

    /** Reads the records from {@code from} on: where to read again after a spoilt row, or -1 at the end. */
    int from(int from) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(from)), CsvTable.EXCEL)) {
            Iterator<CSVRecord> records = parser.iterator();
            // where the next record starts, as far as single-line rows tell: where an open quote began
            int nextStart = from;
            if (header && records.hasNext()) {
                records.next();
                nextStart = lines.startOfLineAfter(0);
            }
            header = false;
            try {
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    excelRow++;
                    int recordStart = from + (int) record.getCharacterPosition();
                    if (swallowedLines(kind, mapping, record)) {
                        return unbalancedQuote(recordStart);
                    }
                    nextStart = lines.startOfLineAfter(recordStart);
                    read(kind, mapping, record, excelRow, row, problem);
                }
            } catch (UncheckedIOException | IllegalStateException endedInsideAQuote) {
                // the quote opened after the last good row never closed: report it, read on after its line
                excelRow++;
                return unbalancedQuote(nextStart);
            }
        } catch (IOException e) {
            problem.accept(new ImportProblem(-1, null, "import.problem.malformed", null));
        }
        return -1;
    }

    /** Reports the row whose quote starts at {@code start}; reading goes on at the line after it. */
    private int unbalancedQuote(int start) {
        problem.accept(new ImportProblem(excelRow, null, "import.problem.unbalancedQuote", firstLineOf(text, start)));
        row.accept(new ImportRow(excelRow, null));
        return lines.startOfLineAfter(start);
    }

    private static void read(ImportKind kind, Map<String, Integer> mapping, CSVRecord record, long line,
            Consumer<ImportRow> row, Consumer<ImportProblem> problem) {
        Map<String, Object> values = new HashMap<>();
        boolean readable = true;
        for (ImportField field : kind.fields()) {
            Integer column = mapping.get(field.key());
            String raw = column != null && column < record.size() ? record.get(column) : null;
            Cells.Read read = Cells.read(field, raw);
            if (read.problem() != null) {
                problem.accept(new ImportProblem(line, field.key(), read.problem(), raw, field.maxLength()));
                readable = false;
            } else if (read.value() == null && field.required()) {
                problem.accept(new ImportProblem(line, field.key(), "import.problem.required", raw));
                readable = false;
            } else if (read.value() != null) {
                values.put(field.key(), read.value());
            }
        }
        row.accept(new ImportRow(line, values, readable));
    }

    /** A line break inside a cell of a column that never holds one: a quote opened and closed rows later. */
    private static boolean swallowedLines(ImportKind kind, Map<String, Integer> mapping, CSVRecord record) {
        for (ImportField field : kind.fields()) {
            Integer column = mapping.get(field.key());
            if (column != null && column < record.size() && !field.freeText()) {
                String cell = record.get(column);
                if (cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String firstLineOf(String text, int start) {
        int end = start;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        String line = text.substring(Math.max(0, start), end);
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    /** Where each line of the text starts. */
    private static final class PhysicalLines {

        private final String text;

        PhysicalLines(String text) {
            this.text = text;
        }

        /** The offset of the line after the one holding {@code offset}, or the text's length. */
        int startOfLineAfter(int offset) {
            int next = text.indexOf('\n', Math.max(0, offset));
            return next < 0 ? text.length() : next + 1;
        }
    }
}
