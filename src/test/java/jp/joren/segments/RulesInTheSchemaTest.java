package jp.joren.segments;

import java.util.ArrayList;
import java.util.List;

import jp.joren.support.JorenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema's portfolio_segment and trade_area_tier (V40) are the rules every statement calls; the customer
 * page explains a cell with {@link Thresholds#cellOf}. The two say the same on every edge of the thresholds.
 */
@JorenIntegrationTest
class RulesInTheSchemaTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSchemasSegmentRuleIsTheOneTheCustomerPageExplains() {
        Thresholds thresholds = new Thresholds(90, 365, 240, 32_000);
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (int visits : new int[] {1, 2, 3, 26}) {
            for (long tenure : new long[] {0, 89, 90, 91, 364, 365, 366, 2_000}) {
                for (long amount : new long[] {0, 31_999, 32_000, 32_001, 5_000_000}) {
                    String inSchema = jdbc.sql("select portfolio_segment(:visits, :tenure, :amount, :first, :threshold, :second)")
                            .param("visits", visits).param("tenure", tenure).param("amount", amount)
                            .param("first", thresholds.firstTenureDays()).param("threshold", thresholds.amountThreshold())
                            .param("second", thresholds.secondTenureDays())
                            .query(String.class).single();
                    Segment explained = thresholds.segmentOf(visits, tenure, amount);
                    compared++;
                    if (!explained.name().equals(inSchema)) {
                        disagreements.add(visits + " visits, " + tenure + " days, ¥" + amount + ": " + inSchema + " / " + explained);
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(160);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void aCustomerFromTheListedTownsIsTheNeighbourhoodWhateverBroughtThem() {
        assertThat(tier("太子堂三丁目", "SNS")).isEqualTo(1);
        assertThat(tier("三宿一丁目", "WALK_IN")).isEqualTo(2);
        assertThat(tier(null, "WALK_IN")).isEqualTo(2);
        assertThat(tier("三宿一丁目", "ONLINE")).isEqualTo(3);
        assertThat(tier(null, "SNS")).isEqualTo(4);
    }

    private int tier(String town, String channel) {
        return jdbc.sql("select trade_area_tier(:town, :channel, :towns)")
                .param("town", town).param("channel", channel)
                .param("towns", new String[] {"太子堂三丁目", "太子堂四丁目"})
                .query(Integer.class).single();
    }
}
