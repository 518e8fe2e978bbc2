-- A completed purchase: a receipt that counts, in every figure, list and rule. A cancelled or returned one
-- counts nowhere (DESIGN §5). Readers say `from completed_purchase` instead of repeating the status test.
--
-- A plain view of one table is inlined by the planner: a reader's conditions reach purchase's indexes, and
-- the index-only scans of ADR 0004 stay what they were. With security_invoker, row-level security is the
-- reader's. Its columns are purchase's as of this migration; one added to purchase later is added here too.
create view completed_purchase with (security_invoker = true) as
select * from purchase where status = 'COMPLETED';
