/**
 * The owner's dashboard pages (the 10 questions, the trade area, the products, the customers behind a count) and
 * the dashboard of a period, assembled in one read-only transaction and remembered for the shop's day.
 */
package jp.joren.dashboard.pages;
