/**
 * What a message says: the letters read from the outbox, their wording and variables, their mail templates, the
 * owner's previews and test sends.
 */
package jp.joren.reminders.letters;
