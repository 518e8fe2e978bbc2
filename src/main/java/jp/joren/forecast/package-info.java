/**
 * Each customer's forecast: the chance of still being a customer, the visits to expect in the next 90 days
 * and 12 months, the likely next visit and the value of the next 12 months. The BG/NBD model of visits and
 * the gamma-gamma model of spend per visit are fitted to each shop's own visits in its nightly run; a shop
 * whose history cannot support a fit is told so instead of shown numbers.
 */
package jp.joren.forecast;
