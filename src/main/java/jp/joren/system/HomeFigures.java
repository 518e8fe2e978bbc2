package jp.joren.system;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import jp.joren.reminders.PostalList;
import jp.joren.shared.Heartbeats;
import jp.joren.shops.ShopSettings;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The few numbers the home page greets a shop with. */
@Repository
@RequiredArgsConstructor
class HomeFigures {

    /** What the owner should look at: sends that failed, due in the last two weeks; imports that failed in 30 days. */
    record Figures(long customers, long purchasesLast30Days, long salesLast30Days, Optional<LastRun> lastNightlyRun,
                   long failedSends, long failedImports, int postalWaiting) {
    }

    record LastRun(LocalDate businessDate, String status, Integer customers) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PostalList postalList;
    private final ShopSettings shop;

    @Transactional(readOnly = true)
    Figures current() {
        int postalWaiting = postalList.waiting(shop.today()).size();
        // a run whose node stopped beating is interrupted, not running (as on the runs page)
        Optional<LastRun> lastRun = jdbc.sql("""
                        select business_date, customers,
                               case when status in ('WAITING', 'RUNNING') and heartbeat_at < :staleBefore
                                    then 'INTERRUPTED' else status end as status
                          from nightly_run
                         where tenant_id = :shop
                         order by business_date desc, started_at desc
                         limit 1""")
                .param("shop", CurrentTenant.require())
                .param("staleBefore", clock.instant().minus(Heartbeats.STALE).atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new LastRun(rs.getObject("business_date", LocalDate.class), rs.getString("status"),
                        (Integer) rs.getObject("customers")))
                .optional();
        return jdbc.sql("""
                        select (select count(*) from customer where tenant_id = :shop and status = 'ACTIVE') as customers,
                               (select count(*) from outbox_message
                                 where tenant_id = :shop and status = 'FAILED' and due_on >= :lately) as failed_sends,
                               (select count(*) from import_job
                                 where tenant_id = :shop and status = 'FAILED' and created_at >= :since) as failed_imports,
                               count(*) as purchases,
                               coalesce(sum(total), 0) as sales
                          from completed_purchase
                         where tenant_id = :shop
                           and purchased_at >= :since
                        """)
                .param("shop", CurrentTenant.require())
                .param("since", clock.instant().minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC))
                .param("lately", shop.today().minusDays(14))
                .query((rs, row) -> new Figures(rs.getLong("customers"), rs.getLong("purchases"), rs.getLong("sales"),
                        lastRun, rs.getLong("failed_sends"), rs.getLong("failed_imports"), postalWaiting))
                .single();
    }
}
