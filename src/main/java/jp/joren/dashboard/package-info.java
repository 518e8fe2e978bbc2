/**
 * The owner's dashboard: the "10 questions" of DESIGN.md §5 for a chosen period with their changes, the
 * portfolio and its movement, the sales equation with the buyers waterfall, the trade area; every count
 * opens the list of customers behind it, exportable as CSV.
 * <p>
 * No other feature uses the dashboard, so this package holds no types; it lives in its rooms: {@code pages},
 * {@code period}, {@code audience}, {@code portfolio} and {@code products}.
 */
@NullMarked
package jp.joren.dashboard;

import org.jspecify.annotations.NullMarked;
