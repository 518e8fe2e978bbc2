/**
 * The audit log: every export of personal data, retirement, merge and correction of a sale, with who did
 * it and when, readable by the owner.
 */
@NullMarked
package jp.joren.audit;

import org.jspecify.annotations.NullMarked;
