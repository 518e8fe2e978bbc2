package jp.joren.imports;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvDecodingTest {

    private static final String TEXT = "氏名,フリガナ\r\n山田 花子,ヤマダ ハナコ\r\n";

    @Test
    void readsTheThreeEncodingsExcelWrites() {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);

        assertThat(CsvDecoding.decode(withBom)).get().satisfies(d -> {
            assertThat(d.encoding()).isEqualTo("UTF-8 (BOM)");
            assertThat(d.text()).isEqualTo(TEXT);
        });
        assertThat(CsvDecoding.decode(utf8)).get().extracting(CsvDecoding.Decoded::encoding).isEqualTo("UTF-8");
        assertThat(CsvDecoding.decode(TEXT.getBytes(CsvDecoding.CP932))).get().satisfies(d -> {
            assertThat(d.encoding()).isEqualTo("Shift_JIS (CP932)");
            assertThat(d.text()).isEqualTo(TEXT);
        });
    }

    @Test
    void refusesWhatExcelDoesNotWriteAsCsv() {
        assertThat(CsvDecoding.decode(TEXT.getBytes(StandardCharsets.UTF_16LE))).isEmpty();
        assertThat(CsvDecoding.decode(TEXT.getBytes(StandardCharsets.UTF_16))).isEmpty();
        assertThat(CsvDecoding.decode(new byte[] {0x50, 0x4B, 0x03, 0x04, 0x00, 0x14})).isEmpty();
    }

    @Test
    void readsDatesAndAmountsAsPeopleTypeThem() {
        assertThat(Cells.read(ImportField.optional("cell", ImportField.Type.DATE), "2026/1/5").value()).hasToString("2026-01-05");
        assertThat(Cells.read(ImportField.optional("cell", ImportField.Type.DATE), "２０２６年１月５日").value()).hasToString("2026-01-05");
        assertThat(Cells.read(ImportField.optional("cell", ImportField.Type.DATE), "20260105").value()).hasToString("2026-01-05");
        assertThat(Cells.read(ImportField.optional("cell", ImportField.Type.DATE), "2026/2/30").problem()).isEqualTo("import.problem.badDate");
        assertThat(Cells.read(ImportField.optional("cell", ImportField.Type.DATE_TIME), "2026-01-05 14:30").value()).hasToString("2026-01-05T14:30");
        assertThat(Cells.read(ImportField.optional("cell", ImportField.Type.YEN), "¥1,200").value()).isEqualTo(1200L);
        assertThat(Cells.read(ImportField.optional("cell", ImportField.Type.YEN), "abc").problem()).isEqualTo("import.problem.badAmount");
        assertThat(Cells.read(ImportField.optional("cell", ImportField.Type.FLAG), "○").value()).isEqualTo(true);
        assertThat(Cells.read(ImportField.optional("cell", ImportField.Type.CHANNEL), "紹介").value()).isEqualTo("REFERRAL");
        assertThat(Cells.read(ImportField.optional("cell", ImportField.Type.TEXT), "  ").value()).isNull();
    }
}
