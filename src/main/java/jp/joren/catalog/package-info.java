/**
 * What the shop sells: categories, products, durable product models and the consumable parts that fit
 * them. Other features read the catalog through {@link jp.joren.catalog.CatalogQueries}.
 */
@NullMarked
package jp.joren.catalog;

import org.jspecify.annotations.NullMarked;
