/**
 * The shop's customers: registration at the counter with consent, search as you type, the customer page
 * (contact, consent history, owned products and their due parts, purchase history), the list with
 * filters, duplicates, merge and retirement.
 * <p>
 * This package is what other features use: a customer's details and their one set of rules
 * ({@link jp.joren.customers.CustomerDetails}, {@link jp.joren.customers.CustomerRules}), the registry, the
 * consent ledger, owned products, the list's filter and saved segments, search. The pages live in their rooms:
 * {@code registration} (the counter's form and search), {@code page} (a customer's page), {@code list} (the
 * list, its export and saved segments) and {@code records} (merges, retirement and a customer's data).
 */
package jp.joren.customers;
