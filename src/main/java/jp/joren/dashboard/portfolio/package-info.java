/**
 * The portfolio as the dashboard reads it: its cells and their movement, the trend, the intervals, the cohorts,
 * the reach and the follow-ups.
 */
package jp.joren.dashboard.portfolio;
