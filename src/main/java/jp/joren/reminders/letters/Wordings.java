package jp.joren.reminders.letters;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import jp.joren.reminders.campaigns.Campaign;
import jp.joren.reminders.campaigns.Campaigns;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.reminders.rules.ReminderRules;
import jp.joren.reminders.rules.RuleSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Finds the wording and offer a message is written with: its rule's settings, or its campaign's. */
@Component
@RequiredArgsConstructor
public class Wordings {

    private final ReminderRules rules;
    private final Campaigns campaigns;

    /** For writing many letters in one transaction: each rule and campaign is read once. */
    public Function<Letter, RuleSettings> reader() {
        Map<ReminderRule, RuleSettings> ruleSettings = rules.all();
        Map<Long, RuleSettings> campaignSettings = new HashMap<>();
        return letter -> letter.campaignId() == null ? ruleSettings.get(letter.rule())
                : campaignSettings.computeIfAbsent(letter.campaignId(), id -> campaigns.find(id)
                        .map(Campaign::asSettings).orElseThrow());
    }
}
