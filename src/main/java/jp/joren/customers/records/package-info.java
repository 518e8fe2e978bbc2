/** A customer's records kept right: merging duplicates (and undoing it), archiving, retiring, and the customer's own data on request. */
package jp.joren.customers.records;
