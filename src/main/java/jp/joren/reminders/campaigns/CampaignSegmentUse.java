package jp.joren.reminders.campaigns;

import java.util.List;

import jp.joren.customers.SavedSegmentUse;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Campaigns to a saved segment hold it: one not sent yet would lose its audience (deleting the segment is refused,
 * naming it), while one already sent has its messages in the outbox and only lets go of it.
 */
@Component
@RequiredArgsConstructor
class CampaignSegmentUse implements SavedSegmentUse {

    private final JdbcClient jdbc;

    @Override
    public List<String> needing(long segmentId) {
        return jdbc.sql("""
                        select name from campaign
                         where tenant_id = :shop and saved_segment_id = :segment and queued_at is null
                         order by scheduled_on, id""")
                .param("shop", CurrentTenant.require()).param("segment", segmentId)
                .query(String.class).list();
    }

    @Override
    public void release(long segmentId) {
        jdbc.sql("""
                        update campaign set saved_segment_id = null
                         where tenant_id = :shop and saved_segment_id = :segment and queued_at is not null""")
                .param("shop", CurrentTenant.require()).param("segment", segmentId)
                .update();
    }
}
