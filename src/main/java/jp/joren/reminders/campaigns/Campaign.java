package jp.joren.reminders.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.joren.reminders.Offer;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.reminders.rules.RuleSettings;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One campaign of the year: its day, kind, wording, offer and hold-out share, and for a segment campaign the
 * filters that choose its customers (null: not filtered by it). {@code queuedAt} is set once its messages
 * are in the outbox; {@code approvedAt} once the owner approved it as it is (its messages then go out on their
 * own, else they wait for approval).
 */
public record Campaign(Long id, String name, Kind kind, LocalDate scheduledOn, String subject, String body,
        int holdoutPercent, Offer offer, String segment, Boolean lapsed, Long modelId, Long productId, String town,
        Integer tier, Integer awayMinDays, Integer awayMaxDays, Long savedSegmentId, Instant queuedAt,
        Instant approvedAt) {

    /**
     * To everyone; to a chosen segment; a note that sells nothing (thanks, maintenance), outside the frequency cap;
     * to a segment saved from the customer list ({@code savedSegmentId}; null once deleted after it was sent).
     */
    public enum Kind { EVERYONE, SEGMENT, NOTE, SAVED }

    public boolean queued() {
        return queuedAt != null;
    }

    public boolean approved() {
        return approvedAt != null;
    }

    /** The segment's filters; a campaign to everyone (or a note) binds none of them. */
    public void bindSegment(JdbcClient.StatementSpec statement, List<String> neighbourhood) {
        boolean filtered = kind == Kind.SEGMENT;
        statement.param("scheduledOn", scheduledOn)
                .param("segment", filtered ? segment : null)
                .param("lapsed", filtered ? lapsed : null)
                .param("model", filtered ? modelId : null)
                .param("product", filtered ? productId : null)
                .param("town", filtered ? town : null)
                .param("tier", filtered ? tier : null)
                .param("towns", neighbourhood.toArray(String[]::new))
                .param("awayMin", filtered ? awayMinDays : null)
                .param("awayMax", filtered ? awayMaxDays : null);
    }

    /** The settings the letter writer and the sender need, as if the campaign were a rule of its own. */
    public RuleSettings asSettings() {
        return new RuleSettings(ReminderRule.CAMPAIGN, true, null, holdoutPercent, offer, subject, body);
    }
}
