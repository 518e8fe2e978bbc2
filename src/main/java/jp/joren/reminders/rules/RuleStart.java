package jp.joren.reminders.rules;

import java.time.LocalDate;

/**
 * Where a rule that is on starts from (issue 15): {@code activeFrom}, the shop's day it was turned on or its
 * timing last changed (null for a rule turned on before that was recorded), before which its occasions are
 * past and never queued; and whether its next messages wait for the owner's approval (its first night since it
 * was turned on, or every night when the owner asked so).
 */
public record RuleStart(LocalDate activeFrom, boolean awaitsApproval) {

    /** Any occasion in the rule's window: whom the rule would choose, for a preview. */
    static final RuleStart UNBOUNDED = new RuleStart(null, false);
}
