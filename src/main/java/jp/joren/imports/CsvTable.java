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

    static final CSVFormat EXCEL = CSVFormat.EXCEL.builder().setIgnoreEmptyLines(true).get();

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
        CsvRows reading = new CsvRows(text, kind, mapping, row, problem);
        int from = 0;
        while (from < text.length()) {
            from = reading.from(from);
            if (from < 0) {
                return;
            }
        }
    }
}
