/**
 * Reminders (DESIGN.md §6, §7): the rules the night queues, campaigns, the transactional outbox and its SMTP
 * sender, unsubscribe, coupons, the postal DM list, "did it work?" and today's list for staff. The frequency
 * cap and the follow-ups are also read here by the dashboard.
 * <p>
 * This package is what other features use: the night's {@link jp.joren.reminders.ReminderQueue} and
 * {@link jp.joren.reminders.TodayListMaker}, the counter's {@link jp.joren.reminders.Coupons} and
 * {@link jp.joren.reminders.PurchaseExits}, the home page's {@link jp.joren.reminders.TodayList} and
 * {@link jp.joren.reminders.PostalList}, the dashboard's {@link jp.joren.reminders.ReminderPolicies} and
 * {@link jp.joren.reminders.FollowUpStep}. The rest lives in its rooms: {@code rules}, {@code campaigns},
 * {@code outbox}, {@code letters}, {@code coupons}, {@code postal}, {@code unsubscribe}, {@code results} and
 * {@code today}.
 */
package jp.joren.reminders;
