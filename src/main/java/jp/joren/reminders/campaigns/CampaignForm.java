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
import jp.joren.reminders.coupons.OfferFields;
import jp.joren.reminders.rules.RuleSettings;
import org.springframework.format.annotation.DateTimeFormat;

/** The owner's campaign form; it keeps what was typed when something is wrong. */
public class CampaignForm extends OfferFields {

    @NotBlank
    @Size(max = 100)
    private String name = "";
    /** The version of the campaign the page was opened on (null for a new one). */
    private Long version;
    @NotNull
    private Campaign.Kind kind = Campaign.Kind.EVERYONE;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate scheduledOn;
    @NotBlank
    @Size(max = 200)
    private String subject = "";
    @NotBlank
    @Size(max = 5000)
    private String body = "";
    @Min(0) @Max(50)
    private int holdoutPercent = RuleSettings.DEFAULT_HOLDOUT_PERCENT;
    private String segment = "";
    private String lapsed = "";
    private Long modelId;
    @Size(max = 40)
    private String productCode = "";
    @Size(max = 100)
    private String town = "";
    @Min(1) @Max(4)
    private Integer tier;
    @Min(0) @Max(3650)
    private Integer awayMinDays;
    @Min(0) @Max(3650)
    private Integer awayMaxDays;
    /** The saved segment of the customer list a SAVED campaign goes to. */
    private Long savedSegmentId;

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

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
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

    boolean hasSegmentFilter() {
        return !segment.isBlank() || !lapsed.isBlank() || modelId != null || !productCode.isBlank() || !town.isBlank()
                || tier != null || awayMinDays != null || awayMaxDays != null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public Campaign.Kind getKind() {
        return kind;
    }

    public void setKind(Campaign.Kind kind) {
        this.kind = kind;
    }

    public LocalDate getScheduledOn() {
        return scheduledOn;
    }

    public void setScheduledOn(LocalDate scheduledOn) {
        this.scheduledOn = scheduledOn;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject == null ? "" : subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body == null ? "" : body;
    }

    public int getHoldoutPercent() {
        return holdoutPercent;
    }

    public void setHoldoutPercent(int holdoutPercent) {
        this.holdoutPercent = holdoutPercent;
    }

    public String getSegment() {
        return segment;
    }

    public void setSegment(String segment) {
        this.segment = segment == null ? "" : segment;
    }

    public String getLapsed() {
        return lapsed;
    }

    public void setLapsed(String lapsed) {
        this.lapsed = lapsed == null ? "" : lapsed;
    }

    public Long getModelId() {
        return modelId;
    }

    public void setModelId(Long modelId) {
        this.modelId = modelId;
    }

    public String getProductCode() {
        return productCode;
    }

    public void setProductCode(String productCode) {
        this.productCode = productCode == null ? "" : productCode;
    }

    public String getTown() {
        return town;
    }

    public void setTown(String town) {
        this.town = town == null ? "" : town;
    }

    public Integer getTier() {
        return tier;
    }

    public void setTier(Integer tier) {
        this.tier = tier;
    }

    public Integer getAwayMinDays() {
        return awayMinDays;
    }

    public void setAwayMinDays(Integer awayMinDays) {
        this.awayMinDays = awayMinDays;
    }

    public Long getSavedSegmentId() {
        return savedSegmentId;
    }

    public void setSavedSegmentId(Long savedSegmentId) {
        this.savedSegmentId = savedSegmentId;
    }

    public Integer getAwayMaxDays() {
        return awayMaxDays;
    }

    public void setAwayMaxDays(Integer awayMaxDays) {
        this.awayMaxDays = awayMaxDays;
    }
}
