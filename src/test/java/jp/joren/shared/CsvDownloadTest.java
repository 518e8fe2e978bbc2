package jp.joren.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A failed export is never a file that looks complete. */
class CsvDownloadTest {

    private final CsvDownload download = new CsvDownload(messages());

    @Test
    void aFailureBeforeAnyRowLeftIsAnErrorNotAnAttachment() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThatThrownBy(() -> download.send(response, "customers.csv", out -> {
            ExcelCsvWriter csv = new ExcelCsvWriter(out);
            csv.row("会員番号", "お名前");
            throw new IllegalStateException("bad SQL");
        })).hasMessage("bad SQL");

        assertThat(response.isCommitted()).isFalse();
        assertThat(response.getHeader("Content-Disposition")).isNull();
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void aFailureAfterRowsLeftEndsTheFileWithAVisibleLine() throws IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThatThrownBy(() -> download.send(response, "customers.csv", out -> {
            ExcelCsvWriter csv = new ExcelCsvWriter(out);
            for (int i = 0; i < 20_000; i++) {
                csv.row("C" + i, "お客様 " + i);
            }
            throw new IllegalStateException("connection lost");
        })).hasMessage("connection lost");

        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("C0,お客様 0").endsWith("\r\nINCOMPLETE\r\n");
        assertThat(response.getHeader("Content-Disposition")).contains("customers.csv");
    }

    @Test
    void aWholeFileIsSentAsIs() throws IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();

        download.send(response, "顧客.csv", out -> new ExcelCsvWriter(out).row("a", "b").flush());

        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFa,b\r\n");
        assertThat(response.getContentType()).startsWith("text/csv");
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        messages.addMessage("csv.incomplete", java.util.Locale.getDefault(), "INCOMPLETE");
        return messages;
    }
}
