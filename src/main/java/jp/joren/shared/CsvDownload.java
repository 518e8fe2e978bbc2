package jp.joren.shared;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Sends a CSV file so that a failure never passes for a complete file. Until the first bytes have left, a
 * failure becomes the ordinary error page: the attachment headers are withdrawn with the buffer. After that,
 * the file ends with a line saying it is incomplete, and the failure still ends the response, so the browser
 * reports the download as broken instead of saving a file that looks whole.
 */
@Component
@RequiredArgsConstructor
public class CsvDownload {

    /** What writes the file, typically an export service streaming rows through {@link ExcelCsvWriter}. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final MessageSource messages;

    public void send(HttpServletResponse response, String fileName, Body body) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        WatchedStream out = new WatchedStream(response.getOutputStream());
        try {
            body.writeTo(out);
        } catch (RuntimeException | IOException failure) {
            if (!out.used && !response.isCommitted()) {
                response.reset();
                throw failure;
            }
            String note = messages.getMessage("csv.incomplete", null, LocaleContextHolder.getLocale());
            out.write(("\r\n" + note + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw failure;
        }
    }

    /** Remembers whether anything reached the response. */
    private static final class WatchedStream extends FilterOutputStream {

        private boolean used;

        WatchedStream(OutputStream response) {
            super(response);
        }

        @Override
        public void write(int b) throws IOException {
            used = true;
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            used = true;
            out.write(bytes, offset, length);
        }
    }
}
