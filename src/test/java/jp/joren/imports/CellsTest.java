package jp.joren.imports;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jp.joren.customers.CustomerFields;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cells of a shop's spreadsheet as people type them, Japanese era dates and full-width digits included. */
class CellsTest {

    private static final ImportField DAY = ImportField.optional("birthday", ImportField.Type.DATE);
    private static final ImportField AT = ImportField.optional("purchasedAt", ImportField.Type.DATE_TIME);
    private static final ImportField YEN = ImportField.optional("amount", ImportField.Type.YEN);
    private static final ImportField COUNT = ImportField.optional("quantity", ImportField.Type.COUNT);

    @Test
    void japaneseEraDatesOfACustomerLedgerAreTheirGregorianDays() {
        assertThat(day("昭和55年3月3日")).isEqualTo(LocalDate.of(1980, 3, 3));
        assertThat(day("昭和５５年３月３日")).isEqualTo(LocalDate.of(1980, 3, 3));
        assertThat(day("S55.3.3")).isEqualTo(LocalDate.of(1980, 3, 3));
        assertThat(day("s55/3/3")).isEqualTo(LocalDate.of(1980, 3, 3));
        assertThat(day("平成元年1月8日")).isEqualTo(LocalDate.of(1989, 1, 8));
        assertThat(day("H1/1/8")).isEqualTo(LocalDate.of(1989, 1, 8));
        assertThat(day("平成31年4月30日")).isEqualTo(LocalDate.of(2019, 4, 30));
        assertThat(day("令和6年5月1日")).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(day("R6-5-1")).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(day("大正15年12月1日")).isEqualTo(LocalDate.of(1926, 12, 1));
        assertThat(day("明治45年7月1日")).isEqualTo(LocalDate.of(1912, 7, 1));
        // a year the era never reached is a mistake
        assertThat(problem(DAY, "昭和65年1月1日")).isEqualTo("import.problem.badDate");
        assertThat(problem(DAY, "平成32年1月1日")).isEqualTo("import.problem.badDate");
        assertThat(problem(DAY, "昭和0年1月1日")).isEqualTo("import.problem.badDate");
    }

    @Test
    void the29thOfFebruaryIsADayOnlyInALeapYear() {
        assertThat(day("2024/2/29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(day("20240229")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(day("2000-02-29")).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(day("平成4年2月29日")).isEqualTo(LocalDate.of(1992, 2, 29));
        assertThat(problem(DAY, "2026/2/29")).isEqualTo("import.problem.badDate");
        assertThat(problem(DAY, "1900-02-29")).isEqualTo("import.problem.badDate");
        assertThat(problem(DAY, "令和5年2月29日")).isEqualTo("import.problem.badDate");
        assertThat(problem(DAY, "2026/4/31")).isEqualTo("import.problem.badDate");
        assertThat(problem(DAY, "2026/13/1")).isEqualTo("import.problem.badDate");
    }

    @Test
    void aDayHasATimeOfDayOnlyWhenOneIsWritten() {
        assertThat(Cells.read(AT, "2026/1/5 9:05").value()).isEqualTo(LocalDateTime.of(2026, 1, 5, 9, 5));
        assertThat(Cells.read(AT, "2026-01-05T14:30:15").value()).isEqualTo(LocalDateTime.of(2026, 1, 5, 14, 30, 15));
        assertThat(Cells.read(AT, "２０２６年１月５日　１４：３０").value()).isEqualTo(LocalDateTime.of(2026, 1, 5, 14, 30));
        assertThat(Cells.read(AT, "2026/1/5").value()).isEqualTo(LocalDateTime.of(2026, 1, 5, 12, 0));
        // a US export writes the month first and the year last
        assertThat(Cells.read(AT, "12/1/2010 8:26").value()).isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));
        assertThat(problem(AT, "2026/1/5 25:00")).isEqualTo("import.problem.badDate");
        assertThat(problem(AT, "昨日")).isEqualTo("import.problem.badDate");
    }

    @Test
    void amountsAndQuantitiesStayWithinWhatASaleMayHold() {
        assertThat(Cells.read(YEN, "１，２００円").value()).isEqualTo(1_200L);
        assertThat(Cells.read(YEN, "99,999,999").value()).isEqualTo(99_999_999L);
        assertThat(problem(YEN, "100,000,000")).isEqualTo("import.problem.badAmount");
        assertThat(problem(YEN, "-1")).isEqualTo("import.problem.badAmount");
        assertThat(Cells.read(YEN, "0").value()).isEqualTo(0L);
        assertThat(Cells.read(COUNT, "３").value()).isEqualTo(3);
        assertThat(Cells.read(COUNT, "9999").value()).isEqualTo(9_999);
        assertThat(problem(COUNT, "10000")).isEqualTo("import.problem.badCount");
        assertThat(problem(COUNT, "0")).isEqualTo("import.problem.badCount");
        assertThat(Cells.read(YEN, "").value()).isNull();
        assertThat(Cells.read(YEN, "").problem()).isNull();
    }

    @Test
    void consentsAndChannelsAreReadFromTheWordsShopsUse() {
        ImportField flag = ImportField.optional("emailConsent", ImportField.Type.FLAG);
        assertThat(Cells.read(flag, "○").value()).isEqualTo(true);
        assertThat(Cells.read(flag, "希望しない").value()).isEqualTo(false);
        assertThat(Cells.read(flag, "不可").value()).isEqualTo(false);
        assertThat(Cells.read(flag, "YES").value()).isEqualTo(true);
        assertThat(problem(flag, "たぶん")).isEqualTo("import.problem.badFlag");

        ImportField channel = ImportField.optional("channel", ImportField.Type.CHANNEL);
        assertThat(Cells.read(channel, "Walk-in").value()).isEqualTo("WALK_IN");
        assertThat(Cells.read(channel, "インスタ").value()).isEqualTo("SNS");
        assertThat(Cells.read(channel, "REFERRAL").value()).isEqualTo("REFERRAL");
        assertThat(problem(channel, "テレビ")).isEqualTo("import.problem.badChannel");
    }

    @Test
    void aPhoneAndAReadingAreImportedAsTheCounterStoresThem() {
        ImportField phone = ImportField.optional("phone", ImportField.Type.TEXT).normalisedBy(CustomerFields::phone);
        ImportField kana = ImportField.optional("nameKana", ImportField.Type.TEXT).normalisedBy(CustomerFields::kana);
        assertThat(Cells.read(phone, "０９０－１２３４－５６７８").value()).isEqualTo("090-1234-5678");
        assertThat(Cells.read(kana, "やまだ　はなこ").value()).isEqualTo("ヤマダ ハナコ");
        assertThat(Cells.read(kana, "\u3000").value()).isNull();
        // a NUL cannot be stored, and a name does not break over lines (a note may)
        assertThat(problem(phone, "090\u00001234")).isEqualTo("import.problem.controlCharacter");
        ImportField name = ImportField.optional("name", ImportField.Type.TEXT);
        assertThat(problem(name, "山田\n花子")).isEqualTo("import.problem.lineBreak");
        assertThat(Cells.read(ImportField.optional("notes", ImportField.Type.TEXT), "一行目\n二行目").value())
                .isEqualTo("一行目\n二行目");
    }

    @Test
    void tagsAreSeparatedHoweverTheyAreTypedAndKeptOnce() {
        assertThat(ImportedFields.tags("常連, 包丁、贈答　常連")).isEqualTo("常連,包丁,贈答");
        assertThat(ImportedFields.tags("常連，包丁")).isEqualTo("常連,包丁");
        assertThat(ImportedFields.tags(" , ")).isEmpty();
    }

    private static LocalDate day(String text) {
        Cells.Read read = Cells.read(DAY, text);
        assertThat(read.problem()).as(text).isNull();
        return (LocalDate) read.value();
    }

    private static String problem(ImportField field, String text) {
        Cells.Read read = Cells.read(field, text);
        assertThat(read.value()).as(text).isNull();
        return read.problem();
    }
}
