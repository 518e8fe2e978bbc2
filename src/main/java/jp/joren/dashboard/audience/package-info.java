/**
 * The customers behind a number of the dashboard: which audience, in which period and cell, their list and CSV,
 * and the addresses that open them.
 */
package jp.joren.dashboard.audience;
