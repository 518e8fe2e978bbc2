/**
 * The postal DM: the labels and postcards of the messages that go by post, and marking them posted.
 */
package jp.joren.reminders.postal;
