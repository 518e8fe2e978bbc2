package jp.joren.catalog;

/**
 * A product as the counter picks it.
 *
 * @param modelId    the product model's id when the product is a durable model (buying it registers it to
 *                   the customer), else null
 * @param department a department (部門): sold at a price typed at the counter, {@code price} its default (0: none)
 */
public record ProductChoice(long id, String code, String name, long price, Long modelId, boolean sensitive,
                            boolean active, boolean department) {

    public boolean isModel() {
        return modelId != null;
    }
}
