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

/**
 * CSV that Excel opens correctly in Japan: UTF-8 with a byte order mark (without it Excel reads Shift_JIS),
 * CRLF line ends, RFC 4180 quoting. A cell that starts with = + - @ (or a tab or carriage return) is
 * neutralised with a leading apostrophe, so that a customer named "=HYPERLINK(…)" stays text in the
 * owner's spreadsheet (CSV injection).
 */
public final class ExcelCsvWriter {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Writer out;

    public ExcelCsvWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        write(String.valueOf(BYTE_ORDER_MARK));
    }

    public ExcelCsvWriter row(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        write(line.append("\r\n").toString());
        return this;
    }

    public ExcelCsvWriter row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && !(value instanceof Number) && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends what is buffered. Not a close on every path: a failed export must not push its partial rows out,
     * see {@link CsvDownload}.
     */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
