package jp.joren.catalog;

/** A consumable part that fits a product model, with when it should be replaced. */
public record ModelPart(long modelId, long partId, long productId, String partNumber, String name, long price,
                        int replacementIntervalDays, int reminderLeadDays) {
}
