/**
 * "Did it work?": each rule's and each campaign's recipients against its hold-out group, and by channel.
 */
package jp.joren.reminders.results;
