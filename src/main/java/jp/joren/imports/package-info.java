/**
 * Moving data in and out as Excel writes it: CSV import of customers, products and purchases (preview,
 * column mapping, a report of every bad row, all-or-nothing or good rows only, progress) and CSV exports.
 */
package jp.joren.imports;
