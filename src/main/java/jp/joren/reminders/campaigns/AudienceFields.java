package jp.joren.reminders.campaigns;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jp.joren.reminders.coupons.OfferFields;

/**
 * Whom a campaign as typed writes to: a saved segment, or a segment's filters (portfolio cell, lapsed or not, a
 * product model or product bought, town, trade-area tier, days away). Their rules are {@link CampaignChecks}'.
 */
public abstract class AudienceFields extends OfferFields {

    String segment = "";
    String lapsed = "";
    Long modelId;
    @Size(max = 40)
    String productCode = "";
    @Size(max = 100)
    String town = "";
    @Min(1) @Max(4)
    Integer tier;
    @Min(0) @Max(3650)
    Integer awayMinDays;
    @Min(0) @Max(3650)
    Integer awayMaxDays;
    Long savedSegmentId;

    boolean hasSegmentFilter() {
        return !segment.isBlank() || !lapsed.isBlank() || modelId != null || !productCode.isBlank() || !town.isBlank()
                || tier != null || awayMinDays != null || awayMaxDays != null;
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
