package jp.joren.segments;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cell rule and the thresholds of DESIGN.md §4, at each boundary. */
class PortfolioRulesTest {

    private final Thresholds standard = new Thresholds(90, 210, 240, 70_000);

    @Test
    void oneVisitIsFirstTimeWhateverTheAmount() {
        assertThat(standard.cellOf(1, 0, 10, 500_000)).isEqualTo(new Cell(Segment.FIRST, false));
    }

    @Test
    void tenureBelowNinetyDaysIsToddlerAndExactlyNinetyIsNot() {
        assertThat(standard.cellOf(2, 89, 0, 500_000).segment()).isEqualTo(Segment.TODDLER);
        assertThat(standard.cellOf(2, 90, 0, 500_000).segment()).isEqualTo(Segment.TREND);
    }

    @Test
    void anAmountJustBelowTheThresholdIsSteadyAndExactlyTheThresholdIsNot() {
        assertThat(standard.cellOf(5, 300, 0, 69_999).segment()).isEqualTo(Segment.STEADY);
        assertThat(standard.cellOf(5, 300, 0, 70_000).segment()).isEqualTo(Segment.LOYAL);
    }

    @Test
    void tenureBelowTwoHundredTenDaysIsTrendAndExactlyTwoHundredTenIsLoyal() {
        assertThat(standard.cellOf(5, 209, 0, 70_000).segment()).isEqualTo(Segment.TREND);
        assertThat(standard.cellOf(5, 210, 0, 70_000).segment()).isEqualTo(Segment.LOYAL);
    }

    @Test
    void aCustomerIsLapsedFromExactlyTwoHundredFortyDaysOn() {
        assertThat(standard.cellOf(5, 300, 239, 70_000).lapsed()).isFalse();
        assertThat(standard.cellOf(5, 300, 240, 70_000)).isEqualTo(new Cell(Segment.LOYAL, true));
    }

    @Test
    void presetsSetTheDayThresholds() {
        ShopFigures figures = new ShopFigures(5_000, 2_000, 20_000_000, 40, 30, 200);
        assertThat(policy(Preset.STANDARD, null).resolve(figures))
                .isEqualTo(new Thresholds(90, 210, 240, 70_000));
        assertThat(policy(Preset.MAIL_ORDER_ONE_OFF, null).resolve(figures).lapseDays()).isEqualTo(400);
        // the owner's own numbers only count under CUSTOM
        PortfolioPolicy custom = new PortfolioPolicy(Preset.CUSTOM, 60, 150, 180, null, BigDecimal.valueOf(7), List.of());
        assertThat(custom.resolve(figures)).isEqualTo(new Thresholds(60, 150, 180, 70_000));
    }

    @Test
    void theAutomaticPresetLapsesAtTheNinetiethPercentileOfGapsClampedToNinetyTo365Days() {
        PortfolioPolicy auto = policy(Preset.AUTO, null);
        assertThat(auto.resolve(new ShopFigures(5_000, 2_000, 20_000_000, 40, 30, 200)))
                .isEqualTo(new Thresholds(75, 175, 200, 70_000));
        assertThat(auto.resolve(new ShopFigures(5_000, 2_000, 20_000_000, 10, 10, 30)).lapseDays()).isEqualTo(90);
        assertThat(auto.resolve(new ShopFigures(5_000, 2_000, 20_000_000, 300, 300, 700)))
                .isEqualTo(new Thresholds(137, 319, 365, 70_000));
    }

    @Test
    void theAmountThresholdIsSevenAverageVisitsRoundedToAThousandYen() {
        // 1,000 visits of ¥4,321 on average: 7 × 4,321 = 30,247 → ¥30,000
        assertThat(policy(Preset.STANDARD, null).amountThreshold(new ShopFigures(1_000, 1_000, 4_321_000, 30, 30, 90)))
                .isEqualTo(30_000);
        // 7 × 4,357.2 = 30,500.4 → ¥31,000 (half up)
        assertThat(policy(Preset.STANDARD, null).amountThreshold(new ShopFigures(1_000, 1_000, 4_357_200, 30, 30, 90)))
                .isEqualTo(31_000);
    }

    @Test
    void aShopWithFewerThanOneHundredVisitsGetsSeventyThousandYenUnlessTheOwnerFixedIt() {
        ShopFigures young = new ShopFigures(99, 99, 99 * 3_000, 30, 30, 90);
        assertThat(policy(Preset.STANDARD, null).amountThreshold(young)).isEqualTo(70_000);
        assertThat(policy(Preset.STANDARD, null).amountThreshold(new ShopFigures(100, 100, 100 * 3_000, 30, 30, 90)))
                .isEqualTo(21_000);
        assertThat(policy(Preset.STANDARD, 25_000L).amountThreshold(young)).isEqualTo(25_000);
    }

    @Test
    void cellsHaveCodesForLinks() {
        Cell cell = new Cell(Segment.LOYAL, true);
        assertThat(cell.code()).isEqualTo("LOYAL-LAPSED");
        assertThat(Cell.ofCode("LOYAL-LAPSED")).isEqualTo(cell);
        assertThat(Cell.ofCode("FIRST-ACTIVE")).isEqualTo(new Cell(Segment.FIRST, false));
    }

    private static PortfolioPolicy policy(Preset preset, Long fixedAmount) {
        return new PortfolioPolicy(preset, 90, 210, 240, fixedAmount, BigDecimal.valueOf(7), List.of());
    }
}
