package jp.joren.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The decoded file as Excel wrote it: a header row, then data rows read one at a time. */
final class CsvTable {

    private static final CSVFormat EXCEL = CSVFormat.EXCEL.builder().setIgnoreEmptyLines(true).get();

    private CsvTable() {
    }

    static List<String> header(String text) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), EXCEL)) {
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext() ? records.next().toList().stream().map(String::strip).toList() : List.of();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** The first rows after the header, for the preview. */
    static List<List<String>> firstRows(String text, int count) {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), EXCEL)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (records.hasNext()) {
                records.next();
            }
            while (records.hasNext() && rows.size() < count) {
                rows.add(records.next().toList());
            }
        } catch (IOException | UncheckedIOException e) {
            return rows;
        }
        return rows;
    }

    /** The header's guess of which column holds each field (field key → column index). */
    static Map<String, Integer> guessMapping(ImportKind kind, List<String> header) {
        Map<String, Integer> mapping = new HashMap<>();
        for (ImportField field : kind.fields()) {
            // the field's names in their order: a journal with both 商品コード and 商品ID maps the code
            for (String name : field.names()) {
                for (int column = 0; column < header.size() && !mapping.containsKey(field.key()); column++) {
                    if (ImportField.normalized(name).equals(ImportField.normalized(header.get(column)))
                            && !mapping.containsValue(column)) {
                        mapping.put(field.key(), column);
                    }
                }
            }
        }
        return mapping;
    }

    /**
     * Reads every data row into the mapped fields; cells that cannot be read become problems of that row, all
     * of them at once. A quote left open swallows the lines after it into one cell: such a row is reported at
     * its line and reading starts again on the next line, so the rows it swallowed are read as themselves.
     * Lines are counted as Excel shows rows (a cell with a line break stays on its row).
     */
    static void rows(String text, ImportKind kind, Map<String, Integer> mapping, Consumer<ImportRow> row,
            Consumer<ImportProblem> problem) {
        PhysicalLines lines = new PhysicalLines(text);
        long excelRow = 1;
        int from = 0;
        boolean header = true;
        while (from < text.length()) {
            int restartAt = -1;
            try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(from)), EXCEL)) {
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
                            problem.accept(new ImportProblem(excelRow, null, "import.problem.unbalancedQuote",
                                    firstLineOf(text, recordStart)));
                            row.accept(new ImportRow(excelRow, null));
                            restartAt = lines.startOfLineAfter(recordStart);
                            break;
                        }
                        nextStart = lines.startOfLineAfter(recordStart);
                        read(kind, mapping, record, excelRow, row, problem);
                    }
                } catch (UncheckedIOException | IllegalStateException endedInsideAQuote) {
                    // the quote opened after the last good row never closed: report it, read on after its line
                    excelRow++;
                    problem.accept(new ImportProblem(excelRow, null, "import.problem.unbalancedQuote",
                            firstLineOf(text, nextStart)));
                    row.accept(new ImportRow(excelRow, null));
                    restartAt = lines.startOfLineAfter(nextStart);
                }
            } catch (IOException e) {
                problem.accept(new ImportProblem(-1, null, "import.problem.malformed", null));
                return;
            }
            if (restartAt < 0) {
                return;
            }
            from = restartAt;
        }
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
