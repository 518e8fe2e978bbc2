/**
 * LINE (issue 17): the shop's LINE official account (its credentials encrypted at rest), the webhook that
 * links a customer's LINE to their record by a one-time code and withdraws LINE consent when they block the
 * account, and the Messaging API client the reminders' outbox pushes through. Public: {@link jp.joren.line.LineAccounts}
 * (credentials, send hours), {@link jp.joren.line.LineFriends} (who is linked) and
 * {@link jp.joren.line.LineMessaging} (a push and its outcome).
 */
package jp.joren.line;
