/** The counter registers or corrects a customer on the customer form, warned of likely duplicates, and finds one by search. */
@NullMarked
package jp.joren.customers.registration;

import org.jspecify.annotations.NullMarked;
