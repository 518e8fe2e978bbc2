/** The owner's customer list: filters, sort, CSV export, and filters saved under a name. */
package jp.joren.customers.list;
