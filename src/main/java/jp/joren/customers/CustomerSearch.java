package jp.joren.customers;

import java.text.Normalizer;
import java.util.List;

import jp.joren.shared.Kana;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One search box for the counter. What the clerk typed decides where to look: an address with @ is an
 * email, digits are a phone number (four digits: its last four), kana is a reading, anything else a
 * name or member code. Exact matches come first, then whoever came most recently.
 */
@Service
@RequiredArgsConstructor
public class CustomerSearch {

    private static final int CANDIDATES = 50;

    private final JdbcClient jdbc;

    @Transactional(readOnly = true)
    public List<CustomerHit> search(String term, int limit) {
        String text = term == null ? "" : Normalizer.normalize(term, Normalizer.Form.NFKC).strip();
        Criterion criterion = criterion(text);
        if (criterion == null) {
            return List.of();
        }
        return jdbc.sql("""
                        -- The best candidates for what was typed, exact matches first, each with its last visit and number of visits
                        with hits as (
                            select c.id, c.code, c.name, c.name_kana, c.phone, c.email, c.status,
                                   (%s) as exact
                              from customer c
                             where c.tenant_id = :shop and c.status in ('ACTIVE', 'ARCHIVED') and (%s)
                             order by exact desc, c.id desc
                             limit :candidates)
                        select h.id, h.code, h.name, h.name_kana, h.phone, h.email, h.status,
                               v.last_visit, coalesce(v.visits, 0) as visits
                          from hits h
                          left join lateral (select max(p.business_date) as last_visit,
                                                    count(distinct p.business_date) as visits
                                               from completed_purchase p
                                              where p.tenant_id = :shop and p.customer_id = h.id) v on true
                         order by h.exact desc, v.last_visit desc nulls last, h.id desc
                         limit :limit
                        """.formatted(criterion.exact(), criterion.where()))
                .param("shop", CurrentTenant.require())
                .param("term", criterion.term())
                .param("candidates", CANDIDATES)
                .param("limit", limit)
                .query(CustomerHit.class).list();
    }

    private static Criterion criterion(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.contains("@")) {
            return prefix("c.email_key", "lower(trim(:term))", text);
        }
        String digits = text.replaceAll("[\\s()\\-+]", "");
        if (digits.matches("[0-9]+")) {
            if (digits.length() == 4) {
                return new Criterion("c.phone_last4 = :term", "true", digits);
            }
            return digits.length() < 4 ? null : prefix("c.phone_normalized", "phone_key(:term)", text);
        }
        if (Kana.looksLikeKana(text)) {
            return prefix("c.kana_key", "kana_key(:term)", text);
        }
        Criterion name = prefix("c.name_key", "name_key(:term)", text);
        Criterion code = prefix("c.code_key", "lower(:term)", text);
        return new Criterion("(" + name.where() + ") or (" + code.where() + ")",
                name.exact() + " or " + code.exact(), text);
    }

    /**
     * Keys that start with the term: a byte-wise range rather than LIKE, because row-level security lets
     * only leakproof operators on a column become index conditions (see prefix_end in V4).
     */
    private static Criterion prefix(String column, String key, String term) {
        return new Criterion(column + " ~>=~ " + key + " and " + column + " ~<~ prefix_end(" + key + ")",
                column + " = " + key, term);
    }

    /** Where to look and what counts as an exact match, for the term as typed. */
    private record Criterion(String where, String exact, String term) {
    }
}
