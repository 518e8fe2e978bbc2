/**
 * The shop's customers: registration at the counter with consent, search as you type, the customer page
 * (contact, consent history, owned products and their due parts, purchase history), the list with
 * filters, duplicates, merge and retirement.
 */
package jp.joren.customers;
