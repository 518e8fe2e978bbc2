/** A customer's page: details, consents, owned models, visits, portfolio cell and forecast, and what the counter records on it. */
@NullMarked
package jp.joren.customers.page;

import org.jspecify.annotations.NullMarked;
