package jp.joren.shared;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExcelCsvWriterTest {

    @Test
    void writesUtf8WithByteOrderMarkCrlfAndQuotesWhatNeedsQuoting() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ExcelCsvWriter(bytes).row("氏名", "メモ", "金額").row("山田, 花子", "「よく来る」\n\"常連\"", 1200)
                .row(null, "", -300).flush();
        byte[] written = bytes.toByteArray();
        assertThat(written).startsWith(0xEF - 256, 0xBB - 256, 0xBF - 256);
        // an empty first cell is quoted, so that a row of one empty cell is not an empty line; Excel reads it empty
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(
                "\uFEFF氏名,メモ,金額\r\n\"山田, 花子\",\"「よく来る」\n\"\"常連\"\"\",1200\r\n\"\",,-300\r\n");
    }

    @Test
    void cellsThatASpreadsheetWouldTakeForAFormulaAreNeutralised() {
        assertThat(ExcelCsvWriter.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(ExcelCsvWriter.cell("+81 90")).isEqualTo("'+81 90");
        assertThat(ExcelCsvWriter.cell("-5")).isEqualTo("'-5");
        assertThat(ExcelCsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ExcelCsvWriter.cell("\tx")).isEqualTo("'\tx");
        assertThat(ExcelCsvWriter.cell(-5)).isEqualTo("-5");
        assertThat(ExcelCsvWriter.cell("a=b")).isEqualTo("a=b");
    }
}
