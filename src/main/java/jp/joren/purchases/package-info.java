/**
 * Sales at the counter: registering a purchase in one screen (customer or walk-in, lines by product code),
 * the receipt page, and corrections — cancel, return and audited edits; nothing is deleted silently.
 */
package jp.joren.purchases;
