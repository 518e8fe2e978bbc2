package jp.joren.catalog;

/** A consumable part added to a model: a product sold by its part number, replaced every {@code intervalDays}. */
record NewPart(String partNumber, String name, long price, int intervalDays, int leadDays) {
}
