package jp.joren.dashboard.period;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.joren.segments.TradeAreaTier;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The trade area (商圏, DESIGN.md §5): tier 1 the shop's own neighbourhood towns, tier 3 customers who
 * came through the online shop, tier 4 through SNS, tier 2 everyone else who comes to the store. One row
 * per tier (town null) and one per tier and town: last night's counts beside a period's sales.
 */
@Repository
@RequiredArgsConstructor
public class TradeArea {

    private final JdbcClient jdbc;

    public record AreaFigures(int tier, String town, long customers, long active, long activeAtStart, long buyers,
            long visits, long amount) {

        public Double visitsPerBuyer() {
            return buyers == 0 ? null : (double) visits / buyers;
        }

        public Double amountPerVisit() {
            return visits == 0 ? null : (double) amount / visits;
        }

        public long activeChange() {
            return active - activeAtStart;
        }
    }

    /** Customers and active customers per tier and town: last night's figures, and those at the period's start. */
    public record AreaCounts(int tier, String town, long customers, long active, long activeAtStart) {
    }

    /** Buyers, visits and amount per tier and town in a period. */
    record AreaSales(int tier, String town, long buyers, long visits, long amount) {
    }

    /** The trade-area tier of a customer row {@code c}; {@code :towns} is the neighbourhood. */
    public static final String TIER = TradeAreaTier.of("c");

    public List<AreaCounts> counts(LocalDate snapshot, List<String> neighbourhood) {
        return jdbc.sql("""
                        select tier, town, grouping(town) = 1 as whole_tier, count(*) as customers,
                               count(*) filter (where not cp.lapsed) as active,
                               count(*) filter (where not s.lapsed) as active_at_start
                          from (select c.id, %s as tier, coalesce(nullif(trim(c.town), ''), '') as town
                                  from customer c where c.tenant_id = :shop and c.status = 'ACTIVE') c
                          left join customer_portfolio cp on cp.tenant_id = :shop and cp.customer_id = c.id
                          left join portfolio_snapshot s on s.tenant_id = :shop and s.customer_id = c.id and s.month = :snapshot
                         group by grouping sets ((tier), (tier, town))
                        """.formatted(TIER))
                .param("shop", CurrentTenant.require())
                .param("towns", neighbourhood.toArray(String[]::new))
                .param("snapshot", snapshot)
                .query((rs, row) -> new AreaCounts(rs.getInt("tier"), rs.getBoolean("whole_tier") ? null : rs.getString("town"),
                        rs.getLong("customers"), rs.getLong("active"), rs.getLong("active_at_start")))
                .list();
    }

    /** The two halves side by side, tiers first, then their towns by number of customers. */
    public static List<AreaFigures> figures(List<AreaCounts> counts, List<AreaSales> sales) {
        Map<String, AreaSales> salesByKey = new HashMap<>();
        sales.forEach(sale -> salesByKey.put(sale.tier() + "/" + sale.town(), sale));
        return counts.stream()
                .sorted(Comparator.comparingInt(AreaCounts::tier)
                        .thenComparing(count -> count.town() != null)
                        .thenComparing(AreaCounts::customers, Comparator.reverseOrder())
                        .thenComparing(count -> count.town() == null ? "" : count.town()))
                .map(count -> {
                    AreaSales sale = salesByKey.get(count.tier() + "/" + count.town());
                    return new AreaFigures(count.tier(), count.town(), count.customers(), count.active(),
                            count.activeAtStart(), sale == null ? 0 : sale.buyers(), sale == null ? 0 : sale.visits(),
                            sale == null ? 0 : sale.amount());
                })
                .toList();
    }
}
