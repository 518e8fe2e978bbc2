/**
 * What the products say: each product's measured rhythm, and the products and categories bought by the same
 * customers.
 */
@NullMarked
package jp.joren.dashboard.products;

import org.jspecify.annotations.NullMarked;
