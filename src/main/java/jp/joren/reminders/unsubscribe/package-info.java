/**
 * Who may be written to (consent and the suppression list, as SQL the queue, the senders and the postal list
 * share), and the unsubscribe link of every email with its test page.
 */
@NullMarked
package jp.joren.reminders.unsubscribe;

import org.jspecify.annotations.NullMarked;
