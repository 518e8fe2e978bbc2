/**
 * What the products say: each product's measured rhythm, and the products and categories bought by the same
 * customers.
 */
package jp.joren.dashboard.products;
