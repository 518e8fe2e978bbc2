package jp.joren.reminders.rules;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jp.joren.reminders.Offer;
import jp.joren.reminders.coupons.OfferFields;
import jp.joren.reminders.letters.LetterWriter;
import lombok.Getter;
import lombok.Setter;

/** The owner's form for one rule; it keeps what was typed when something is wrong. */
public class RuleForm extends OfferFields {

    @Getter @Setter private boolean enabled;
    @Min(0) @Max(365)
    @Getter @Setter private Integer timingDays;
    @Min(0) @Max(50)
    @Getter @Setter private int holdoutPercent = RuleSettings.DEFAULT_HOLDOUT_PERCENT;
    @Min(1) @Max(99)
    @Getter @Setter private Integer forecastBelowPercent;
    @Size(max = 200)
    @Getter @Setter private String subject;
    @Size(max = 5000)
    @Getter @Setter private String body;
    @Getter @Setter private boolean approveEachNight;
    /** The version of the rule the page was opened on (0: never saved). */
    @Getter @Setter private Long version;

    static RuleForm of(RuleSettings settings, LetterWriter writer) {
        RuleForm form = new RuleForm();
        form.enabled = settings.enabled();
        form.timingDays = settings.rule().hasTiming() ? settings.timingOrDefault() : null;
        form.holdoutPercent = settings.holdoutPercent();
        form.forecastBelowPercent = settings.forecastBelowPercent();
        form.showOffer(settings.offer());
        form.subject = settings.subject() != null ? settings.subject() : writer.defaultSubject(settings.rule());
        form.body = settings.body() != null ? settings.body() : writer.defaultBody(settings.rule());
        form.approveEachNight = settings.approveEachNight();
        return form;
    }

    /** The fields as a person reads them, for the conflict box (keys name their labels). */
    Map<String, Object> snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("enabled", enabled ? "○" : "×");
        fields.put("approveEachNight", approveEachNight ? "○" : "×");
        fields.put("timingDays", timingDays == null ? "" : timingDays);
        fields.put("forecastBelowPercent", forecastBelowPercent == null ? "" : forecastBelowPercent);
        fields.put("holdoutPercent", holdoutPercent);
        fields.put("offer", offerSummary());
        fields.put("subject", subject);
        fields.put("body", body);
        return fields;
    }

    /** The settings to save; wording equal to the default is stored as "the default", so it follows a new default. */
    RuleSettings toSettings(ReminderRule rule, LetterWriter writer) {
        Offer chosen = chosenOffer();
        String ownSubject = subject == null || subject.strip().equals(writer.defaultSubject(rule)) ? null : subject.strip();
        String ownBody = body == null || body.strip().equals(writer.defaultBody(rule).strip()) ? null : body.strip();
        return new RuleSettings(rule, enabled, rule.hasTiming() ? timingDays : null, holdoutPercent, chosen, ownSubject,
                ownBody, rule == ReminderRule.EARLY_LAPSE ? forecastBelowPercent : null, approveEachNight);
    }
}
