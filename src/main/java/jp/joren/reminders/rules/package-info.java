/**
 * The reminder rules and each shop's settings of them: the candidates a rule chooses, the channels it tries, the
 * day it starts from, and the batches that wait for the owner's approval.
 */
package jp.joren.reminders.rules;
