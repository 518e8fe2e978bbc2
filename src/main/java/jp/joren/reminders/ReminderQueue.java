package jp.joren.reminders;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.joren.customers.CustomerList;
import jp.joren.customers.SavedSegments;
import jp.joren.reminders.campaigns.Campaign;
import jp.joren.reminders.campaigns.Campaigns;
import jp.joren.reminders.campaigns.Reach;
import jp.joren.reminders.coupons.MessageCoupons;
import jp.joren.reminders.letters.Letter;
import jp.joren.reminders.letters.Letters;
import jp.joren.reminders.rules.ChannelOrder;
import jp.joren.reminders.rules.Recipients;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.reminders.rules.ReminderRules;
import jp.joren.reminders.rules.RuleSettings;
import jp.joren.reminders.rules.RuleStart;
import jp.joren.segments.Portfolio;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The night's reminders (DESIGN.md §6): each enabled rule's customers, and each campaign's on its day, go
 * into the outbox once per occasion, each with its channel or the guard that holds it back, so the owner
 * sees why a customer hears nothing. Runs inside the shop's night transaction, after the portfolio is
 * classified.
 */
@Service
@RequiredArgsConstructor
public class ReminderQueue {

    private final JdbcClient jdbc;
    private final ReminderRules rules;
    private final PurchaseExits exits;
    private final Campaigns campaigns;
    private final Portfolio portfolio;
    private final SavedSegments savedSegments;
    private final MessageCoupons coupons;

    /** @return the messages each enabled rule and each campaign due added tonight, held ones included */
    public Map<ReminderRule, Integer> queue(LocalDate today) {
        exits.withdrawAnsweredByPurchases();
        Map<ReminderRule, Integer> queued = new EnumMap<>(ReminderRule.class);
        Map<ReminderRule, RuleStart> starts = rules.starts();
        Map<ReminderRule, ChannelOrder> channels = rules.channelOrders();
        for (RuleSettings settings : rules.all().values()) {
            if (settings.enabled()) {
                queued.put(settings.rule(), queue(Recipients.of(settings, starts.get(settings.rule()),
                        channels.get(settings.rule())), today));
            }
        }
        int campaignMessages = 0;
        for (Campaign campaign : campaigns.dueBy(today)) {
            campaignMessages += queue(recipients(campaign), today);
            campaigns.markQueued(campaign.id());
        }
        if (campaignMessages > 0) {
            queued.put(ReminderRule.CAMPAIGN, campaignMessages);
        }
        return queued;
    }

    /** Queues one campaign now, whatever its day, when the owner says so. @return its messages */
    public int queueNow(Campaign campaign, LocalDate today) {
        int added = queue(recipients(campaign), today);
        campaigns.markQueued(campaign.id());
        return added;
    }

    /** Who a campaign would reach today, after the same guards as the rules: the eligible count before sending. */
    public Reach reach(Campaign campaign, LocalDate today) {
        Recipients recipients = recipients(campaign);
        return recipients.bind(jdbc.sql(QueueStatements.COUNT.replace(QueueStatements.CANDIDATES, recipients.candidates())), today, neighbourhood())
                .query((rs, row) -> new Reach(rs.getInt("by_email"), rs.getInt("by_post"), rs.getInt("held_out"),
                        rs.getInt("unreachable"), rs.getInt("by_line")))
                .single();
    }

    /** One of the recipients of today, as their letter, for a preview before anything is queued. */
    public Optional<Letter> example(Recipients recipients, LocalDate today) {
        return recipients.bind(jdbc.sql(QueueStatements.EXAMPLE.replace(QueueStatements.CANDIDATES, recipients.candidates())), today, neighbourhood())
                .query(Letters::letter)
                .optional();
    }

    /** Whom the campaign addresses: for one to a saved segment, the customers the list shows for it today. */
    public Recipients recipients(Campaign campaign) {
        CustomerList.Match saved = campaign.kind() == Campaign.Kind.SAVED && campaign.savedSegmentId() != null
                ? savedSegments.matching(campaign.savedSegmentId()).orElse(null) : null;
        return Recipients.of(campaign, channelsOf(campaign), saved);
    }

    private ChannelOrder channelsOf(Campaign campaign) {
        return campaign.id() == null ? ChannelOrder.DEFAULT : campaigns.channelOrder(campaign.id());
    }

    /** The towns of the shop's first trade area, for a campaign chosen by tier. */
    private List<String> neighbourhood() {
        return portfolio.policy().neighbourhoodTowns();
    }

    private int queue(Recipients recipients, LocalDate today) {
        int added = recipients.bind(jdbc.sql(QueueStatements.QUEUE.replace(QueueStatements.CANDIDATES, recipients.candidates())), today, neighbourhood()).update();
        Offer offer = recipients.offer();
        if (offer != null && added > 0) {
            coupons.issueFor(recipients, offer, today);
        }
        return added;
    }
}
