/**
 * Reminders (DESIGN.md §6, §7): the rules the night queues, campaigns, the transactional outbox and its SMTP
 * sender, unsubscribe, coupons, the postal DM list, "did it work?" and today's list for staff. The frequency
 * cap and the follow-ups are also read here by the dashboard.
 */
package jp.joren.reminders;
