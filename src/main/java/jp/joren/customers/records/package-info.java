/** A customer's records kept right: merging duplicates (and undoing it), archiving, retiring, and the customer's own data on request. */
@NullMarked
package jp.joren.customers.records;

import org.jspecify.annotations.NullMarked;
