package jp.joren.shared;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV that Excel opens correctly in Japan: UTF-8 with a byte order mark (without it Excel reads Shift_JIS),
 * CRLF line ends, RFC 4180 quoting. A cell that starts with = + - @ (or a tab or carriage return) is
 * neutralised with a leading apostrophe, so that a customer named "=HYPERLINK(…)" stays text in the
 * owner's spreadsheet (CSV injection).
 */
public final class ExcelCsvWriter {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** Excel's own dialect: commas, CRLF, a quote only where a cell needs one. */
    private final CSVPrinter printer;

    public ExcelCsvWriter(OutputStream stream) {
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        try {
            out.write(BYTE_ORDER_MARK);
            this.printer = new CSVPrinter(out, CSVFormat.EXCEL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ExcelCsvWriter row(List<?> cells) {
        try {
            printer.printRecord(cells.stream().map(ExcelCsvWriter::cell));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public ExcelCsvWriter row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    /** The cell's text, a formula's first character neutralised; a number stays a number. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && !(value instanceof Number) && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /**
     * Sends what is buffered. Not a close on every path: a failed export must not push its partial rows out,
     * see {@link CsvDownload}.
     */
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
