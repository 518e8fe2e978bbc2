/** The owner's customer list: filters, sort, CSV export, and filters saved under a name. */
@NullMarked
package jp.joren.customers.list;

import org.jspecify.annotations.NullMarked;
