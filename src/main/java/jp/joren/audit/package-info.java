/**
 * The audit log: every export of personal data, retirement, merge and correction of a sale, with who did
 * it and when, readable by the owner.
 */
package jp.joren.audit;
