/**
 * Reminders (DESIGN.md §6, §7): each shop's sending limits and the transactional outbox that the nightly
 * rules queue messages into. The frequency cap is read here for everyone who counts who can be reached.
 */
package jp.joren.reminders;
