-- Today's list (issue 18), made by each shop's night instead of computed on every opening: reading it is one
-- index range of one shop's rows, whatever the planner's statistics say. Clerks' actions update its rows in
-- place, so everyone sees who did what today; the counter deletes the items a purchase answers.
create table contact_item (
    tenant_id     bigint   not null,
    customer_id   bigint   not null,
    reason        text     not null check (reason in ('LOYAL_NOT_SEEN', 'PART_DUE', 'COUPON_EXPIRING', 'OVERDUE',
                                                      'BIRTHDAY', 'LAPSED_TOP')),
    occasion      text     not null,
    listed_on     date     not null,
    priority      smallint not null,
    -- the order within a priority: the longest overdue first, but of the lapsed the most recently lost
    rank_days     integer  not null,
    days          integer  not null,
    usual_days    integer,
    item_name     text,
    item_code     text,
    item_date     date,
    -- what answers the item at the counter: buying this part, using this coupon
    product_id    bigint,
    coupon_id     bigint,
    store_id      bigint,
    -- the customer's next visit (NextVisit) as of the night, for the reasons of absence
    last_visit    date,
    lapsed        boolean,
    expected_on   date,
    outcome       text check (outcome in ('DONE', 'CALLED', 'VOICEMAIL', 'NOT_NOW')),
    note          text,
    call_again_on date,
    acted_by      bigint,
    acted_at      timestamptz,
    primary key (tenant_id, customer_id, reason, occasion),
    check ((outcome is null) = (acted_by is null)),
    check ((outcome = 'VOICEMAIL') = (call_again_on is not null))
);
create index contact_item_order on contact_item (tenant_id, priority, rank_days, customer_id, reason, occasion);
alter table contact_item enable row level security;
create policy contact_item_isolation on contact_item
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());

-- "Called, got the voicemail": the item comes back on the day to call again, as "not now" does after a week.
alter table contact_task drop constraint contact_task_outcome_check;
alter table contact_task drop constraint contact_task_check;
alter table contact_task add constraint contact_task_outcome_check
    check (outcome in ('DONE', 'CALLED', 'VOICEMAIL', 'NOT_NOW'));
alter table contact_task add constraint contact_task_check
    check ((outcome in ('NOT_NOW', 'VOICEMAIL')) = (snoozed_until is not null));

-- Fresh statistics after a bulk write (issue 18). Autovacuum may be off or not yet round, and the planner
-- believes a table it never analysed is nearly empty: right after generating a demo shop or importing a file
-- its nested loops over "empty" tables took seconds to minutes. The runtime role owns no table and so may not
-- ANALYZE; this function, the owner's, analyses the tables bulk writes fill, and returns nothing.
create function analyze_after_bulk_write() returns void
    language plpgsql security definer set search_path = public
as $$
begin
    analyze customer, consent, product, purchase, purchase_line, owned_product, coupon;
end
$$;
revoke all on function analyze_after_bulk_write() from public;
grant execute on function analyze_after_bulk_write() to ${app_role};
