/**
 * People who log in: a shop's OWNER and its STAFF, their passwords, login throttling, login history and
 * language. Login is the one place that reads an account before its shop is known.
 */
@NullMarked
package jp.joren.accounts;

import org.jspecify.annotations.NullMarked;
