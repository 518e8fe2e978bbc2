package jp.joren.reminders.campaigns;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jp.joren.reminders.coupons.OfferFields;
import lombok.Getter;
import lombok.Setter;

/**
 * Whom a campaign as typed writes to: a saved segment, or a segment's filters (portfolio cell, lapsed or not, a
 * product model or product bought, town, trade-area tier, days away). Their rules are {@link CampaignChecks}'.
 */
public abstract class AudienceFields extends OfferFields {

    @Getter String segment = "";
    @Getter String lapsed = "";
    @Getter @Setter Long modelId;
    @Size(max = 40)
    @Getter String productCode = "";
    @Size(max = 100)
    @Getter String town = "";
    @Min(1) @Max(4)
    @Getter @Setter Integer tier;
    @Min(0) @Max(3650)
    @Getter @Setter Integer awayMinDays;
    @Min(0) @Max(3650)
    @Getter @Setter Integer awayMaxDays;
    @Getter @Setter Long savedSegmentId;

    boolean hasSegmentFilter() {
        return !segment.isBlank() || !lapsed.isBlank() || modelId != null || !productCode.isBlank() || !town.isBlank()
                || tier != null || awayMinDays != null || awayMaxDays != null;
    }

    public void setSegment(String segment) {
        this.segment = segment == null ? "" : segment;
    }

    public void setLapsed(String lapsed) {
        this.lapsed = lapsed == null ? "" : lapsed;
    }

    public void setProductCode(String productCode) {
        this.productCode = productCode == null ? "" : productCode;
    }

    public void setTown(String town) {
        this.town = town == null ? "" : town;
    }
}
