package jp.joren.forecast;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model of visits is chosen on the shop's own held-out half-year: a shop whose customers behave as
 * BG/NBD assumes gets BG/NBD, one whose customers behave as Pareto/NBD assumes gets Pareto/NBD.
 */
class ModelChoiceTest {

    private static final LocalDate CUTOFF = LocalDate.of(2026, 6, 1);
    private static final LocalDate UNTIL = CUTOFF.plusDays(Calibration.HOLDOUT_DAYS);

    @Test
    void aShopOfBgNbdCustomersIsForecastWithBgNbd() {
        List<List<SimulatedShop.Visit>> shop = SimulatedShop.customers(11, 3_000, 104, Calibration.HOLDOUT_DAYS - 1,
                new BgNbd(0.9, 6, 0.5, 3), new GammaGamma(4, 5, 4_000));
        ModelChoice choice = ModelChoice.on(heldOut(shop), CUTOFF, UNTIL);

        assertThat(choice.winner()).contains(VisitModelKind.BG_NBD);
        assertThat(choice.errorOf(VisitModelKind.BG_NBD)).isLessThan(choice.errorOf(VisitModelKind.PARETO_NBD));
    }

    @Test
    void aShopOfParetoNbdCustomersIsForecastWithParetoNbd() {
        List<List<SimulatedShop.Visit>> shop = SimulatedShop.paretoCustomers(12, 3_000, 104, Calibration.HOLDOUT_DAYS - 1,
                new ParetoNbd(0.9, 6, 0.6, 20));
        ModelChoice choice = ModelChoice.on(heldOut(shop), CUTOFF, UNTIL);

        assertThat(choice.winner()).contains(VisitModelKind.PARETO_NBD);
        assertThat(choice.errorOf(VisitModelKind.PARETO_NBD)).isLessThan(choice.errorOf(VisitModelKind.BG_NBD));
        assertThat(choice.calibrationOf(VisitModelKind.PARETO_NBD)).isPresent();
    }

    @Test
    void tooSmallAShopHasNoHoldOutCheckAndSaysWhy() {
        List<List<SimulatedShop.Visit>> shop = SimulatedShop.paretoCustomers(13, 50, 104, Calibration.HOLDOUT_DAYS - 1,
                new ParetoNbd(0.9, 6, 0.6, 20));
        ModelChoice choice = ModelChoice.on(heldOut(shop), CUTOFF, UNTIL);

        assertThat(choice.winner()).isEmpty();
        assertThat(choice.unreliable()).isEqualTo(ShopFit.Unreliable.TOO_FEW_CUSTOMERS);
    }

    private static List<ShopHistories.HeldOut> heldOut(List<List<SimulatedShop.Visit>> shop) {
        return shop.stream().filter(visits -> visits.stream().anyMatch(v -> v.day() < 0))
                .map(SimulatedShop::heldOut).toList();
    }
}
