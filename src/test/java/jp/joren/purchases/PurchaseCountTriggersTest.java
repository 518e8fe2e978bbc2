package jp.joren.purchases;

import java.util.List;

import jp.joren.support.CitusCluster;
import jp.joren.support.JorenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receipt's item count and the month ends' stale mark are kept by the triggers each database runs best (V43): on
 * one server statement triggers with transition tables, one update per receipt and statement (row triggers made a
 * million-line sales import four times slower); on Citus the row triggers db/citus/distribute.sql puts in their
 * place, since a distributed table cannot have transition tables.
 */
@JorenIntegrationTest
class PurchaseCountTriggersTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void purchaseCountsAreKeptByStatementTriggersOnOneServerAndByRowTriggersOnCitus() {
        List<String> triggers = jdbc.sql("""
                        select d.trigger from (
                            select t.tgrelid::regclass || ' ' || t.tgname || ' '
                                   || case when t.tgtype & 1 = 1 then 'row' else 'statement' end as trigger
                              from pg_trigger t
                             where t.tgrelid in ('purchase'::regclass, 'purchase_line'::regclass)
                               and not t.tgisinternal and t.tgname <> 'purchase_marks_portfolio_stale_on_update') d
                         order by d.trigger collate "C"
                        """).query(String.class).list();
        if (CitusCluster.active()) {
            assertThat(triggers).containsExactly(
                    "purchase purchase_marks_portfolio_stale_on_delete row",
                    "purchase purchase_marks_portfolio_stale_on_insert row",
                    "purchase_line purchase_line_items row",
                    "purchase_line purchase_line_items_changed row");
        } else {
            assertThat(triggers).containsExactly(
                    "purchase purchase_added_marks_portfolio_stale statement",
                    "purchase purchase_removed_marks_portfolio_stale statement",
                    "purchase_line purchase_line_added statement",
                    "purchase_line purchase_line_changed statement",
                    "purchase_line purchase_line_removed statement");
        }
    }
}
