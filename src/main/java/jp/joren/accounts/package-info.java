/**
 * People who log in: a shop's OWNER and its STAFF, their passwords, login throttling, login history and
 * language. Login is the one place that reads an account before its shop is known.
 */
package jp.joren.accounts;
