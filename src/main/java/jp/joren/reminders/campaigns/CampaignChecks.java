package jp.joren.reminders.campaigns;

import java.util.List;
import java.util.Optional;

import jp.joren.customers.SavedSegments;
import jp.joren.reminders.letters.LetterWriter;
import jp.joren.reminders.outbox.OutboxQueries;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * What a campaign as typed must be before it is saved: wording with known variables only, a sender to write from,
 * an offer that holds, an audience that exists in this shop, and never a sensitive product choosing whom to write
 * to. Each problem is put beside its field.
 */
@Component
@RequiredArgsConstructor
class CampaignChecks {

    static final List<String> SEGMENTS = List.of("FIRST", "TODDLER", "STEADY", "TREND", "LOYAL");

    private final CampaignCatalog catalog;
    private final OutboxQueries outbox;
    private final SavedSegments savedSegments;

    /** The checked campaign's product, when it names one. */
    Optional<Long> check(CampaignForm form, BindingResult result) {
        for (String field : List.of("subject", "body")) {
            var unknown = LetterWriter.unknownVariables("subject".equals(field) ? form.getSubject() : form.getBody());
            if (!unknown.isEmpty()) {
                result.rejectValue(field, "reminders.rule.unknownVariables", new Object[] {String.join(", ", unknown)},
                        null);
            }
        }
        if (!outbox.senderComplete()) {
            result.reject("campaigns.senderIncomplete");
        }
        form.checkOffer(result);
        checkAudience(form, result);
        return form.getKind() == Campaign.Kind.SEGMENT ? productOf(form, result) : Optional.empty();
    }

    private void checkAudience(CampaignForm form, BindingResult result) {
        if (form.getKind() == Campaign.Kind.SAVED && (form.getSavedSegmentId() == null
                || savedSegments.find(form.getSavedSegmentId()).isEmpty())) {
            // none chosen, or one of another shop, or deleted since the page was opened
            result.rejectValue("savedSegmentId", "campaigns.savedSegmentMissing");
        }
        if (form.getKind() != Campaign.Kind.SEGMENT) {
            return;
        }
        if (!form.hasSegmentFilter()) {
            result.rejectValue("kind", "campaigns.segmentEmpty");
        }
        if (!form.getSegment().isBlank() && !SEGMENTS.contains(form.getSegment())) {
            result.rejectValue("segment", "campaigns.unknownSegment");
        }
        if (!form.getLapsed().isBlank() && !List.of("true", "false").contains(form.getLapsed())) {
            result.rejectValue("lapsed", "campaigns.unknownSegment");
        }
        if (form.getModelId() != null && !catalog.modelExists(form.getModelId())) {
            result.rejectValue("modelId", "campaigns.unknownModel");
        }
        if (form.getAwayMinDays() != null && form.getAwayMaxDays() != null
                && form.getAwayMinDays() > form.getAwayMaxDays()) {
            result.rejectValue("awayMaxDays", "campaigns.awayRange");
        }
    }

    private Optional<Long> productOf(CampaignForm form, BindingResult result) {
        if (form.getProductCode().isBlank()) {
            return Optional.empty();
        }
        Optional<CampaignCatalog.ProductRef> product = catalog.productByCode(form.getProductCode());
        if (product.isEmpty()) {
            result.rejectValue("productCode", "campaigns.unknownProduct");
        } else if (product.get().sensitive()) {
            // DESIGN.md §6: a sensitive product (medicine) never chooses whom to write to
            result.rejectValue("productCode", "campaigns.sensitiveProduct");
        }
        return product.filter(found -> !found.sensitive()).map(CampaignCatalog.ProductRef::id);
    }
}
