/**
 * The transactional outbox and its senders: the jobs that send what is due by email (SMTP) and on LINE, shop by
 * shop; the owner's "send now"; the outbox pages and a customer's messages.
 */
package jp.joren.reminders.outbox;
