/**
 * Today's list for staff: its page, and what a clerk did about an item of it.
 */
package jp.joren.reminders.today;
