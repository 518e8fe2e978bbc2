package jp.joren.customers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jp.joren.segments.Portfolio;
import jp.joren.segments.TradeAreaTier;
import jp.joren.shared.LikePatterns;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's filtered customer list: one SQL statement whose conditions follow the filter; the same
 * statement pages the screen and streams the CSV export.
 */
@Service
@Transactional(readOnly = true)
public class CustomerList {

    public static final int PAGE_SIZE = 50;

    /** A customer's current consent on a channel: GRANTED, PENDING or WITHDRAWN, or null if never asked (V38). */
    private static final String CURRENT_CONSENT = """
            (select k.state from current_consent k
              where k.tenant_id = c.tenant_id and k.customer_id = c.id and k.channel = '%s')""";

    private final JdbcClient jdbc;
    private final Portfolio portfolio;

    CustomerList(JdbcClient jdbc, Portfolio portfolio) {
        this.jdbc = jdbc;
        this.portfolio = portfolio;
    }

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

    /** Conditions on the customer's own columns. */
    private static String customerConditions(CustomerFilter filter) {
        StringBuilder where = new StringBuilder(filter.isIncludeArchived()
                ? "c.status in ('ACTIVE', 'ARCHIVED')" : "c.status = 'ACTIVE'");
        if (!filter.getText().isEmpty()) {
            where.append(" ").append("""
                     and (c.kana_key like kana_key(:listTextPrefix) or c.name_key like name_key(:listTextPrefix)
                          or c.phone_normalized like '%' || phone_key(:listText) || '%' or lower(c.email) like :listTextContains
                          or lower(c.code) = lower(:listText) or lower(coalesce(c.notes, '')) like :listTextContains)""");
        }
        if (!filter.getTag().isEmpty()) {
            where.append(" and :listTag = any(c.tags)");
        }
        if (filter.getStoreId() != null) {
            where.append(" and c.store_id = :listStore");
        }
        if (filter.getChannel() != null) {
            where.append(" and c.acquisition_channel = :listChannel");
        }
        if (!filter.getTown().isEmpty()) {
            // a town and its 丁目: 太子堂 finds 太子堂三丁目 (a byte-wise range, ADR 0003)
            where.append(" and c.town ~>=~ :listTown and c.town ~<~ prefix_end(:listTown)");
        }
        if (filter.getTier() != null) {
            where.append(" and ").append(TradeAreaTier.of("c")).append(" = :listTier");
        }
        if (filter.getSegment() != null || filter.getStanding() != null) {
            where.append(" and exists (select 1 from customer_portfolio cp where cp.tenant_id = c.tenant_id and cp.customer_id = c.id")
                    .append(filter.getSegment() == null ? "" : " and cp.segment = :listSegment")
                    .append(filter.getStanding() == null ? "" : " and cp.lapsed = :listLapsed")
                    .append(")");
        }
        if (filter.getModelId() != null) {
            where.append(" ").append("""
                     and exists (select 1 from owned_product o
                                  where o.tenant_id = c.tenant_id and o.customer_id = c.id
                                    and o.product_model_id = :listModel and o.ended_at is null)""");
        }
        return where.toString();
    }

    /** Conditions on what is summed up per customer: visits and current consent. */
    private static String summaryConditions(CustomerFilter filter) {
        StringBuilder outer = new StringBuilder("true");
        if (filter.getLastVisitFrom() != null) {
            outer.append(" and last_visit >= :listFrom");
        }
        if (filter.getLastVisitTo() != null) {
            outer.append(" and last_visit <= :listTo");
        }
        if (filter.getActiveBelowPercent() != null) {
            outer.append(" and probability_active < :listActiveBelow");
        }
        if (filter.getConsent() != null) {
            outer.append(switch (filter.getConsent()) {
                case EMAIL -> " and email_consent = 'GRANTED'";
                case POSTAL -> " and postal_consent = 'GRANTED'";
                case EMAIL_NONE -> " and email_consent is distinct from 'GRANTED'";
                case NONE -> " and email_consent is distinct from 'GRANTED' and postal_consent is distinct from 'GRANTED'";
            });
        }
        return outer.toString();
    }

    /** The list's columns for the customers that {@code customers} (a query over customer c) selects. */
    private static String select(CustomerFilter filter, String customers) {
        return """
                select * from (
                    select c.id, c.code, c.name, c.name_kana, c.phone, c.email, c.postal_code, c.prefecture, c.city,
                           c.town, c.address_line, c.acquisition_channel, s.name as store_name,
                           array_to_string(c.tags, ',') as tags, c.status, c.kana_key, c.created_at,
                           %s as email_consent, %s as postal_consent,
                           coalesce(v.visits, 0) as visits, v.first_visit, v.last_visit,
                           coalesce(v.total_amount, 0) as total_amount,
                           f.probability_active, f.expected_value_12m as expected_value12_months,
                           cp.segment, cp.lapsed
                      from (%s) c
                      left join store s on s.tenant_id = c.tenant_id and s.id = c.store_id
                      left join customer_portfolio cp on cp.tenant_id = c.tenant_id and cp.customer_id = c.id
                      left join customer_forecast f on f.tenant_id = c.tenant_id and f.customer_id = c.id
                      left join lateral (select count(distinct p.business_date) as visits,
                                                min(p.business_date) as first_visit, max(p.business_date) as last_visit,
                                                sum(p.total) as total_amount
                                           from completed_purchase p
                                          where p.tenant_id = c.tenant_id and p.customer_id = c.id) v on true
                     where c.tenant_id = :shop
                ) listed
                where %s
                """.formatted(CURRENT_CONSENT.formatted("EMAIL"), CURRENT_CONSENT.formatted("POSTAL"), customers,
                summaryConditions(filter));
    }

    private static String order(CustomerFilter filter) {
        return switch (filter.getSort()) {
            case KANA -> " order by kana_key nulls last, id";
            case LAST_VISIT -> " order by last_visit desc nulls last, id";
            case VISITS -> " order by visits desc, id";
            case AMOUNT -> " order by total_amount desc, id";
            case VALUE_12M -> " order by expected_value12_months desc nulls last, id";
            case NEWEST -> " order by created_at desc, id desc";
        };
    }
}
