package jp.joren.customers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jp.joren.segments.Portfolio;
import jp.joren.shared.LikePatterns;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.joren.customers.CustomerListQuery.customerConditions;
import static jp.joren.customers.CustomerListQuery.order;
import static jp.joren.customers.CustomerListQuery.select;
import static jp.joren.customers.CustomerListQuery.summaryConditions;

/**
 * The owner's filtered customer list: one SQL statement whose conditions follow the filter; the same
 * statement pages the screen and streams the CSV export.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class CustomerList {

    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final Portfolio portfolio;

    public record Page(List<CustomerRow> rows, long total, int page) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    /**
     * One page of the list. Visits and consent are summed up for every customer only when a filter or the sort
     * needs them; otherwise the customers are counted and paged first and only the page's 50 are summed up.
     */
    public Page page(CustomerFilter filter) {
        boolean summariesNeeded = !summaryConditions(filter).equals("true")
                || !(filter.getSort() == CustomerFilter.Sort.KANA || filter.getSort() == CustomerFilter.Sort.NEWEST);
        String matching = "select c.* from customer c where c.tenant_id = :shop and " + customerConditions(filter);
        long total = statement(summariesNeeded ? "select count(*) from (" + select(filter, matching) + ") matching"
                : "select count(*) from (" + matching + ") matching", filter).query(Long.class).single();
        String sql = summariesNeeded
                ? select(filter, matching) + order(filter) + " limit :limit offset :offset"
                : select(filter, matching + order(filter) + " limit :limit offset :offset") + order(filter);
        List<CustomerRow> rows = statement(sql, filter)
                .param("limit", PAGE_SIZE)
                .param("offset", (long) filter.getPage() * PAGE_SIZE)
                .query(CustomerRow.class).list();
        return new Page(rows, total, filter.getPage());
    }

    /** Every matching customer in list order, one at a time (the export of a 100,000-customer shop). */
    public void each(CustomerFilter filter, Consumer<CustomerRow> row) {
        try (Stream<CustomerRow> rows = statement(select(filter, "select c.* from customer c where c.tenant_id = :shop and "
                + customerConditions(filter)) + order(filter), filter)
                .withFetchSize(1_000).query(CustomerRow.class).stream()) {
            rows.forEach(row);
        }
    }

    /** The towns (町・丁目) customers live in, for the town filter. */
    public List<String> towns() {
        return jdbc.sql("select distinct town from customer where tenant_id = ? and town is not null order by town")
                .param(CurrentTenant.require()).query(String.class).list();
    }

    /**
     * The customers this list shows for the filter, as a query of their ids (column {@code id}) with its
     * parameters, for another feature to select from (a campaign's audience), so that the conditions are spelt
     * once. The parameters are named {@code list…}, besides {@code shop} and {@code towns} (the shop's
     * neighbourhood), which mean the same in every statement.
     */
    public Match matching(CustomerFilter filter) {
        String customers = "select c.* from customer c where c.tenant_id = :shop and " + customerConditions(filter);
        String ids = summaryConditions(filter).equals("true")
                ? "select c.id from customer c where c.tenant_id = :shop and " + customerConditions(filter)
                : "select matched.id from (" + select(filter, customers) + ") matched";
        return new Match(ids, parameters(filter));
    }

    /** A query of customer ids and the parameters it needs. */
    public record Match(String sql, Map<String, Object> parameters) {
    }

    private JdbcClient.StatementSpec statement(String sql, CustomerFilter filter) {
        return jdbc.sql(sql).params(parameters(filter));
    }

    private Map<String, Object> parameters(CustomerFilter filter) {
        String text = filter.getText();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("listText", text);
        parameters.put("listTextPrefix", LikePatterns.escaped(text) + "%");
        parameters.put("listTextContains", LikePatterns.containing(text.toLowerCase()));
        parameters.put("listTag", filter.getTag());
        parameters.put("listStore", filter.getStoreId());
        parameters.put("listChannel", filter.getChannel() == null ? null : filter.getChannel().name());
        parameters.put("shop", CurrentTenant.require());
        parameters.put("listTown", filter.getTown());
        parameters.put("listSegment", filter.getSegment() == null ? null : filter.getSegment().name());
        parameters.put("listLapsed", filter.getStanding() == CustomerFilter.Standing.LAPSED);
        parameters.put("listTier", filter.getTier());
        parameters.put("towns", filter.getTier() == null ? new String[0]
                : portfolio.policy().neighbourhoodTowns().toArray(String[]::new));
        parameters.put("listModel", filter.getModelId());
        parameters.put("listFrom", filter.getLastVisitFrom());
        parameters.put("listTo", filter.getLastVisitTo());
        parameters.put("listActiveBelow",
                filter.getActiveBelowPercent() == null ? null : filter.getActiveBelowPercent() / 100.0);
        return parameters;
    }
}
