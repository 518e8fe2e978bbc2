/**
 * The customer portfolio (顧客ポートフォリオ, DESIGN.md §4): each night every customer's visits, tenure,
 * lapse and cumulative amount are recomputed with set-based SQL and cut into five groups × active/lapsed;
 * a snapshot at every month end keeps the movement between cells. The owner sets the thresholds.
 */
@NullMarked
package jp.joren.segments;

import org.jspecify.annotations.NullMarked;
