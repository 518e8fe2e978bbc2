package jp.joren.customers;

import jp.joren.segments.TradeAreaTier;

/**
 * The customer list's statement as a {@link CustomerFilter} spells it: conditions on the customer's own columns,
 * conditions on what is summed up per customer, the list's columns and its order. The parameters are those of
 * {@link CustomerList}.
 */
final class CustomerListQuery {

    /** A customer's current consent on a channel: GRANTED, PENDING or WITHDRAWN, or null if never asked (V38). */
    private static final String CURRENT_CONSENT = """
            (select k.state from current_consent k
              where k.tenant_id = :shop and k.tenant_id = c.tenant_id and k.customer_id = c.id and k.channel = '%s')""";

    /** Conditions on the customer's own columns. */
    static String customerConditions(CustomerFilter filter) {
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
            where.append(" and exists (select 1 from customer_portfolio cp where cp.tenant_id = :shop and cp.tenant_id = c.tenant_id and cp.customer_id = c.id")
                    .append(filter.getSegment() == null ? "" : " and cp.segment = :listSegment")
                    .append(filter.getStanding() == null ? "" : " and cp.lapsed = :listLapsed")
                    .append(")");
        }
        if (filter.getModelId() != null) {
            where.append(" ").append("""
                     and exists (select 1 from owned_product o
                                  where o.tenant_id = :shop and o.tenant_id = c.tenant_id and o.customer_id = c.id
                                    and o.product_model_id = :listModel and o.ended_at is null)""");
        }
        return where.toString();
    }

    /** Conditions on what is summed up per customer: visits and current consent. */
    static String summaryConditions(CustomerFilter filter) {
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
    static String select(CustomerFilter filter, String customers) {
        return """
                -- The list's columns for the customers selected: consent, visits, forecast and last night's cell
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
                      left join store s on s.tenant_id = :shop and s.tenant_id = c.tenant_id and s.id = c.store_id
                      left join customer_portfolio cp on cp.tenant_id = :shop and cp.tenant_id = c.tenant_id and cp.customer_id = c.id
                      left join customer_forecast f on f.tenant_id = :shop and f.tenant_id = c.tenant_id and f.customer_id = c.id
                      left join lateral (select count(distinct p.business_date) as visits,
                                                min(p.business_date) as first_visit, max(p.business_date) as last_visit,
                                                sum(p.total) as total_amount
                                           from completed_purchase p
                                          where p.tenant_id = :shop and p.tenant_id = c.tenant_id and p.customer_id = c.id) v on true
                     where c.tenant_id = :shop
                ) listed
                where %s
                """.formatted(CURRENT_CONSENT.formatted("EMAIL"), CURRENT_CONSENT.formatted("POSTAL"), customers,
                summaryConditions(filter));
    }

    static String order(CustomerFilter filter) {
        return switch (filter.getSort()) {
            case KANA -> " order by kana_key nulls last, id";
            case LAST_VISIT -> " order by last_visit desc nulls last, id";
            case VISITS -> " order by visits desc, id";
            case AMOUNT -> " order by total_amount desc, id";
            case VALUE_12M -> " order by expected_value12_months desc nulls last, id";
            case NEWEST -> " order by created_at desc, id desc";
        };
    }

    private CustomerListQuery() {
    }
}
