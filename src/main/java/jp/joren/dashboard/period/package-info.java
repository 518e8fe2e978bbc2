/**
 * A period the owner chooses and its figures: the buyers and their movement against the period before, the sales
 * by cell, tier and town, as set-based queries.
 */
package jp.joren.dashboard.period;
