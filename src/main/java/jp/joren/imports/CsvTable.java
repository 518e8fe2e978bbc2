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
            for (int column = 0; column < header.size(); column++) {
                if (field.matches(header.get(column)) && !mapping.containsValue(column)) {
                    mapping.put(field.key(), column);
                    break;
                }
            }
        }
        return mapping;
    }

    /**
     * Reads every data row into the mapped fields; cells that cannot be read become problems of that row.
     * A row that is cut short or malformed CSV stops the file with a problem at its line.
     */
    static void rows(String text, ImportKind kind, Map<String, Integer> mapping, Consumer<ImportRow> row,
            Consumer<ImportProblem> problem) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), EXCEL)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (records.hasNext()) {
                records.next();
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = record.getRecordNumber();
                Map<String, Object> values = new HashMap<>();
                boolean readable = true;
                for (ImportField field : kind.fields()) {
                    Integer column = mapping.get(field.key());
                    String raw = column != null && column < record.size() ? record.get(column) : null;
                    Cells.Read read = Cells.read(field.type(), raw);
                    if (read.problem() != null) {
                        problem.accept(new ImportProblem(line, field.key(), read.problem(), raw));
                        readable = false;
                    } else if (read.value() == null && field.required()) {
                        problem.accept(new ImportProblem(line, field.key(), "import.problem.required", raw));
                        readable = false;
                    } else if (read.value() != null) {
                        values.put(field.key(), read.value());
                    }
                }
                if (readable) {
                    row.accept(new ImportRow(line, values));
                } else {
                    row.accept(new ImportRow(line, null));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problem.accept(new ImportProblem(-1, null, "import.problem.malformed", e.getMessage()));
        }
    }
}
