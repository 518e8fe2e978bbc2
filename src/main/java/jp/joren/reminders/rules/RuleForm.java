package jp.joren.reminders.rules;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jp.joren.reminders.Offer;
import jp.joren.reminders.coupons.OfferFields;
import jp.joren.reminders.letters.LetterWriter;

/** The owner's form for one rule; it keeps what was typed when something is wrong. */
public class RuleForm extends OfferFields {

    private boolean enabled;
    @Min(0) @Max(365)
    private Integer timingDays;
    @Min(0) @Max(50)
    private int holdoutPercent = RuleSettings.DEFAULT_HOLDOUT_PERCENT;
    @Min(1) @Max(99)
    private Integer forecastBelowPercent;
    @Size(max = 200)
    private String subject;
    @Size(max = 5000)
    private String body;
    private boolean approveEachNight;
    /** The version of the rule the page was opened on (0: never saved). */
    private Long version;

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

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    /** The settings to save; wording equal to the default is stored as "the default", so it follows a new default. */
    RuleSettings toSettings(ReminderRule rule, LetterWriter writer) {
        Offer chosen = chosenOffer();
        String ownSubject = subject == null || subject.strip().equals(writer.defaultSubject(rule)) ? null : subject.strip();
        String ownBody = body == null || body.strip().equals(writer.defaultBody(rule).strip()) ? null : body.strip();
        return new RuleSettings(rule, enabled, rule.hasTiming() ? timingDays : null, holdoutPercent, chosen, ownSubject,
                ownBody, rule == ReminderRule.EARLY_LAPSE ? forecastBelowPercent : null, approveEachNight);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Integer getTimingDays() {
        return timingDays;
    }

    public void setTimingDays(Integer timingDays) {
        this.timingDays = timingDays;
    }

    public int getHoldoutPercent() {
        return holdoutPercent;
    }

    public void setHoldoutPercent(int holdoutPercent) {
        this.holdoutPercent = holdoutPercent;
    }

    public Integer getForecastBelowPercent() {
        return forecastBelowPercent;
    }

    public void setForecastBelowPercent(Integer forecastBelowPercent) {
        this.forecastBelowPercent = forecastBelowPercent;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public boolean isApproveEachNight() {
        return approveEachNight;
    }

    public void setApproveEachNight(boolean approveEachNight) {
        this.approveEachNight = approveEachNight;
    }
}
