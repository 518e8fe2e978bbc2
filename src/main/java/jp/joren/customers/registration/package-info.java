/** The counter registers or corrects a customer on the customer form, warned of likely duplicates, and finds one by search. */
package jp.joren.customers.registration;
