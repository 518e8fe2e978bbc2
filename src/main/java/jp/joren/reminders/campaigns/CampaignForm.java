package jp.joren.reminders.campaigns;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.joren.reminders.Offer;
import jp.joren.reminders.rules.RuleSettings;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/** The owner's campaign form; it keeps what was typed when something is wrong. */
public class CampaignForm extends AudienceFields {

    @NotBlank
    @Size(max = 100)
    @Getter private String name = "";
    /** The version of the campaign the page was opened on (null for a new one). */
    @Getter @Setter private Long version;
    @NotNull
    @Getter @Setter private Campaign.Kind kind = Campaign.Kind.EVERYONE;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Getter @Setter private LocalDate scheduledOn;
    @NotBlank
    @Size(max = 200)
    @Getter private String subject = "";
    @NotBlank
    @Size(max = 5000)
    @Getter private String body = "";
    @Min(0) @Max(50)
    @Getter @Setter private int holdoutPercent = RuleSettings.DEFAULT_HOLDOUT_PERCENT;
    /** The saved segment of the customer list a SAVED campaign goes to. */

    static CampaignForm of(Campaign campaign, String productCode) {
        CampaignForm form = new CampaignForm();
        form.name = campaign.name();
        form.kind = campaign.kind();
        form.scheduledOn = campaign.scheduledOn();
        form.subject = campaign.subject();
        form.body = campaign.body();
        form.holdoutPercent = campaign.holdoutPercent();
        form.showOffer(campaign.offer());
        form.segment = campaign.segment() == null ? "" : campaign.segment();
        form.lapsed = campaign.lapsed() == null ? "" : campaign.lapsed().toString();
        form.modelId = campaign.modelId();
        form.productCode = productCode == null ? "" : productCode;
        form.town = campaign.town() == null ? "" : campaign.town();
        form.tier = campaign.tier();
        form.awayMinDays = campaign.awayMinDays();
        form.awayMaxDays = campaign.awayMaxDays();
        form.savedSegmentId = campaign.savedSegmentId();
        return form;
    }

    /** The fields as a person reads them, for the conflict box (keys name their labels). */
    Map<String, Object> snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("kind", kind);
        fields.put("scheduledOn", scheduledOn);
        fields.put("audience", String.join(" ", segment, lapsed, modelId == null ? "" : modelId.toString(), productCode,
                town, tier == null ? "" : tier.toString(), awayMinDays == null ? "" : awayMinDays.toString(),
                awayMaxDays == null ? "" : awayMaxDays.toString(),
                savedSegmentId == null ? "" : "#" + savedSegmentId).strip());
        fields.put("holdoutPercent", holdoutPercent);
        fields.put("offer", offerSummary());
        fields.put("subject", subject);
        fields.put("body", body);
        return fields;
    }

    /** The campaign to save; the segment's filters are kept only for a segment campaign. */
    Campaign toCampaign(Long id, Long productId) {
        boolean segmented = kind == Campaign.Kind.SEGMENT;
        // a note sells nothing, so it hands out no coupon
        Offer chosen = kind == Campaign.Kind.NOTE ? null : chosenOffer();
        return new Campaign(id, name.strip(), kind, scheduledOn, subject.strip(), body.strip(), holdoutPercent, chosen,
                segmented ? blankToNull(segment) : null,
                segmented && !lapsed.isBlank() ? Boolean.valueOf(lapsed) : null,
                segmented ? modelId : null, segmented ? productId : null, segmented ? blankToNull(town) : null,
                segmented ? tier : null, segmented ? awayMinDays : null, segmented ? awayMaxDays : null,
                kind == Campaign.Kind.SAVED ? savedSegmentId : null, null, null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public void setSubject(String subject) {
        this.subject = subject == null ? "" : subject;
    }

    public void setBody(String body) {
        this.body = body == null ? "" : body;
    }
}
