-- Issue 15: reminders the owner controls. A rule turned on sends no backlog of past occasions, and its
-- first night's messages wait for the owner to see and approve them.

-- active_from: the shop's day the rule was last turned on or its timing changed; occasions due before it
-- are past and never queued (null: turned on before issue 15, no bound).
-- approve_each_night: the owner approves every night's batch, not only the first.
-- first_batch_approved: the owner approved a batch since the rule was last turned on; until then each
-- night's messages wait (AWAITING_APPROVAL).
alter table reminder_rule
    add column active_from          date,
    add column approve_each_night   boolean not null default false,
    add column first_batch_approved boolean not null default false;
-- rules already on have been sending: their owner is not asked again
update reminder_rule set first_batch_approved = true where enabled;

-- AWAITING_APPROVAL: queued, but no sender or postal list takes it until the owner approves its batch
-- (then QUEUED) or discards it (then WITHDRAWN, reason DISCARDED).
alter table outbox_message drop constraint outbox_message_status_check;
alter table outbox_message add constraint outbox_message_status_check
    check (status in ('AWAITING_APPROVAL', 'QUEUED', 'HELD', 'SENDING', 'SENT', 'UNCONFIRMED', 'FAILED', 'WITHDRAWN'));
create index outbox_message_awaiting on outbox_message (tenant_id, rule) where status = 'AWAITING_APPROVAL';

-- approved_at: the owner approved the campaign as it is (editing it takes the approval back). Its messages are
-- queued on its day as QUEUED when approved, else AWAITING_APPROVAL. Campaigns planned before issue 15 wait
-- for approval too: nothing leaves before the owner has seen it.
alter table campaign add column approved_at timestamptz;

-- The birthday greeting (jp.joren.reminders.ReminderRule.BIRTHDAY): timing_days before the birthday.
alter table reminder_rule drop constraint reminder_rule_rule_check;
alter table reminder_rule add constraint reminder_rule_rule_check
    check (rule in ('PART_REPLACEMENT', 'CONSUMABLE_REPURCHASE', 'SECOND_VISIT', 'EARLY_LAPSE', 'WIN_BACK', 'LAST_CALL',
                    'TOP_THANKS', 'BIRTHDAY'));
