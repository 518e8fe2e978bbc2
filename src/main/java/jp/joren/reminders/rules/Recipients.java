package jp.joren.reminders.rules;

import java.time.LocalDate;
import java.util.List;

import jp.joren.customers.CustomerList;
import jp.joren.reminders.Offer;
import jp.joren.reminders.campaigns.Campaign;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whom one rule or one campaign addresses: its candidates' SQL and the parameters the queue binds to it. The
 * hold-out group is drawn per rule, and per campaign, so each has its own comparison. {@code activeFrom}
 * bounds a rule's occasions to those due from the day it was turned on (null: no bound); when
 * {@code awaitsApproval}, the messages that would go out wait for the owner instead.
 */
public record Recipients(ReminderRule rule, String candidates, Integer timingDays, Integer forecastBelowPercent,
        int holdoutPercent, boolean promotional, Offer offer, Campaign campaign, LocalDate activeFrom,
        boolean awaitsApproval, ChannelOrder channels, CustomerList.Match savedSegment) {

    static Recipients of(RuleSettings settings, RuleStart start) {
        return of(settings, start, ChannelOrder.DEFAULT);
    }

    public static Recipients of(RuleSettings settings, RuleStart start, ChannelOrder channels) {
        ReminderRule rule = settings.rule();
        return new Recipients(rule, ReminderCandidates.BY_RULE.get(rule), settings.timingOrDefault(),
                settings.forecastBelowPercent(), settings.holdoutPercent(), rule.promotional(), settings.offer(), null,
                start.activeFrom(), start.awaitsApproval(), channels, null);
    }

    /**
     * A campaign's audience; for one to a saved segment, {@code savedSegment} is the customer list's query of
     * that segment's customers (null: the segment is gone, and so is everyone in it).
     */
    public static Recipients of(Campaign campaign, ChannelOrder channels, CustomerList.Match savedSegment) {
        boolean saved = campaign.kind() == Campaign.Kind.SAVED;
        return new Recipients(ReminderRule.CAMPAIGN,
                saved ? ReminderCandidates.savedSegment(savedSegment == null ? null : savedSegment.sql())
                        : ReminderCandidates.CAMPAIGN,
                null, null, campaign.holdoutPercent(), campaign.kind() != Campaign.Kind.NOTE, campaign.offer(), campaign,
                null, !campaign.approved(), channels, saved ? savedSegment : null);
    }

    public Long campaignId() {
        return campaign == null ? null : campaign.id();
    }

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, LocalDate today,
            List<String> neighbourhood) {
        statement.param("today", today)
                .param("timing", timingDays == null ? 0 : timingDays)
                .param("forecastBelow", forecastBelowPercent)
                .param("rule", rule.name())
                .param("holdoutKey", campaign == null ? rule.name() : "CAMPAIGN:" + campaign.id())
                .param("holdout", holdoutPercent)
                .param("promotional", promotional)
                .param("campaign", campaignId())
                .param("activeFrom", activeFrom)
                .param("waiting", awaitsApproval ? "AWAITING_APPROVAL" : "QUEUED")
                .param("channels", channels.channels().toArray(String[]::new))
                .param("shop", CurrentTenant.require());
        if (campaign != null) {
            campaign.bindSegment(statement, neighbourhood);
        }
        if (savedSegment != null) {
            // the list's own parameters: list…, and shop and towns (the neighbourhood, bound where the filter has a tier)
            statement.params(savedSegment.parameters());
        }
        return statement;
    }
}
