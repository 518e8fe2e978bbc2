-- A version on each reminder rule and campaign, moved on only by a person's save (not by the night's
-- approvals or queueing), so that a second writer working from an older page is told, never silently
-- overwrites the wording another has just changed (optimistic locking, as V23 for customers and products).
alter table reminder_rule add column version bigint not null default 0;
alter table campaign add column version bigint not null default 0;
