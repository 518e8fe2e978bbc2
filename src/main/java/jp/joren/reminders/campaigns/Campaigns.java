package jp.joren.reminders.campaigns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jp.joren.reminders.Offer;
import jp.joren.reminders.rules.ChannelOrder;
import jp.joren.shared.EditConflict;
import jp.joren.shared.NotFoundException;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current shop's campaigns. */
@Repository
@RequiredArgsConstructor
public class Campaigns {

    /** The shop's campaigns, for a condition to follow with {@code and}. */
    private static final String SELECT = """
            select id, name, kind, scheduled_on, subject, body, holdout_percent, coupon_kind, coupon_value, coupon_cap,
                   coupon_valid_days, segment, lapsed, model_id, product_id, town, tier, away_min_days, away_max_days,
                   saved_segment_id, queued_at, approved_at
              from campaign
             where tenant_id = :shop""";

    private final JdbcClient jdbc;
    private final Clock clock;

    List<Campaign> ofYear(int year) {
        return jdbc.sql(SELECT + " and scheduled_on between :from and :to order by scheduled_on, id")
                .param("shop", CurrentTenant.require())
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year, 12, 31))
                .query(Campaigns::campaign).list();
    }

    /** The campaign, or the 404 page when this shop has none of that id. */
    public Campaign require(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("campaign", id));
    }

    public Optional<Campaign> find(long id) {
        return jdbc.sql(SELECT + " and id = :id").param("shop", CurrentTenant.require()).param("id", id)
                .query(Campaigns::campaign).optional();
    }

    /** Their day has come and their messages are not yet queued. */
    public List<Campaign> dueBy(LocalDate today) {
        return jdbc.sql(SELECT + " and scheduled_on <= :today and queued_at is null order by scheduled_on, id")
                .param("shop", CurrentTenant.require()).param("today", today).query(Campaigns::campaign).list();
    }

    /** The owner approved the campaign as it is now: on its day its messages go out by themselves. */
    void approve(long id, Instant now) {
        jdbc.sql("update campaign set approved_at = :now where tenant_id = :shop and id = :id")
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("shop", CurrentTenant.require())
                .param("id", id)
                .update();
    }

    /** The channels the campaign tries, in order. */
    public ChannelOrder channelOrder(long id) {
        return jdbc.sql("select channel_order from campaign where tenant_id = :shop and id = :id")
                .param("shop", CurrentTenant.require()).param("id", id)
                .query(String.class).optional().map(ChannelOrder::ofStored).orElse(ChannelOrder.DEFAULT);
    }

    /** The owner chose the campaign's channels; a campaign already queued keeps its messages as they are. */
    boolean saveChannelOrder(long id, ChannelOrder order) {
        return jdbc.sql("""
                        update campaign set channel_order = :order
                         where tenant_id = :shop and id = :id and queued_at is null""")
                .param("order", order.stored()).param("shop", CurrentTenant.require()).param("id", id)
                .update() == 1;
    }

    public void markQueued(long id) {
        jdbc.sql("update campaign set queued_at = :now where tenant_id = :shop and id = :id")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("shop", CurrentTenant.require())
                .param("id", id)
                .update();
    }

    /** Inserts a new campaign or changes one not yet queued. @return its id */
    long save(Campaign campaign) {
        return save(campaign, null);
    }

    /**
     * The same, as a person saves the campaign's page opened at {@code openedVersion} (null: whatever is saved).
     * @throws EditConflict when someone saved or queued it since that page was opened; nothing is written then
     */
    long save(Campaign campaign, Long openedVersion) {
        Offer offer = campaign.offer();
        JdbcClient.StatementSpec statement = jdbc.sql(campaign.id() == null ? """
                        insert into campaign (tenant_id, name, kind, scheduled_on, subject, body, holdout_percent,
                                              coupon_kind, coupon_value, coupon_cap, coupon_valid_days, segment, lapsed,
                                              model_id, product_id, town, tier, away_min_days, away_max_days,
                                              saved_segment_id)
                        values (app_current_tenant(), :name, :kind, :scheduledOn, :subject, :body, :holdout, :couponKind,
                                :couponValue, :couponCap, :couponValidDays, :segment, :lapsed, :model, :product, :town,
                                :tier, :awayMin, :awayMax, :savedSegment)
                        returning id""" : """
                        update campaign set name = :name, kind = :kind, scheduled_on = :scheduledOn, subject = :subject,
                               body = :body, holdout_percent = :holdout, coupon_kind = :couponKind,
                               coupon_value = :couponValue, coupon_cap = :couponCap, coupon_valid_days = :couponValidDays,
                               segment = :segment, lapsed = :lapsed, model_id = :model, product_id = :product, town = :town,
                               tier = :tier,
                               away_min_days = :awayMin, away_max_days = :awayMax, saved_segment_id = :savedSegment,
                               approved_at = null,
                               version = version + 1
                         where tenant_id = :shop and id = :id and queued_at is null
                           and (cast(:version as bigint) is null or version = :version)
                        returning id""")
                .param("id", campaign.id())
                .param("name", campaign.name())
                .param("kind", campaign.kind().name())
                .param("scheduledOn", campaign.scheduledOn())
                .param("subject", campaign.subject())
                .param("body", campaign.body())
                .param("holdout", campaign.holdoutPercent())
                .param("couponKind", offer == null ? null : offer.kind().name())
                .param("couponValue", offer == null ? null : offer.value())
                .param("couponCap", offer == null ? null : offer.capYen())
                .param("couponValidDays", offer == null ? null : offer.validDays())
                .param("segment", campaign.segment())
                .param("lapsed", campaign.lapsed())
                .param("model", campaign.modelId())
                .param("product", campaign.productId())
                .param("town", campaign.town())
                .param("tier", campaign.tier())
                .param("awayMin", campaign.awayMinDays())
                .param("awayMax", campaign.awayMaxDays())
                .param("savedSegment", campaign.savedSegmentId());
        if (campaign.id() != null) {
            statement = statement.param("shop", CurrentTenant.require()).param("version", openedVersion);
        }
        return statement.query(Long.class).optional().orElseThrow(EditConflict::new);
    }

    /** The version of the campaign as a person last saved it, for its page to send back. */
    long version(long id) {
        return jdbc.sql("select version from campaign where tenant_id = :shop and id = :id")
                .param("shop", CurrentTenant.require()).param("id", id).query(Long.class).single();
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        String couponKind = rs.getString("coupon_kind");
        Offer offer = couponKind == null ? null : new Offer(Offer.CouponKind.valueOf(couponKind), rs.getInt("coupon_value"),
                rs.getObject("coupon_cap", Long.class),
                rs.getObject("coupon_valid_days", Integer.class) == null ? 30 : rs.getInt("coupon_valid_days"));
        OffsetDateTime queuedAt = rs.getObject("queued_at", OffsetDateTime.class);
        OffsetDateTime approvedAt = rs.getObject("approved_at", OffsetDateTime.class);
        return new Campaign(rs.getLong("id"), rs.getString("name"), Campaign.Kind.valueOf(rs.getString("kind")),
                rs.getObject("scheduled_on", LocalDate.class), rs.getString("subject"), rs.getString("body"),
                rs.getInt("holdout_percent"), offer, rs.getString("segment"), rs.getObject("lapsed", Boolean.class),
                rs.getObject("model_id", Long.class), rs.getObject("product_id", Long.class), rs.getString("town"),
                rs.getObject("tier", Integer.class),
                rs.getObject("away_min_days", Integer.class), rs.getObject("away_max_days", Integer.class),
                rs.getObject("saved_segment_id", Long.class), queuedAt == null ? null : queuedAt.toInstant(), approvedAt == null ? null : approvedAt.toInstant());
    }
}
