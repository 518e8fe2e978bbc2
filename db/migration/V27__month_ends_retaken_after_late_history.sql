-- A purchase dated before a month end whose snapshot was taken (history imported after the first night, a
-- late entry, a correction, a cancellation, a merge moving receipts) makes that snapshot and every later one
-- stale: the dashboard would compare this month's buyers with a month start that never saw them. Every
-- change to purchase marks the earliest business date it touched, whoever writes it, and the next night
-- re-takes the month ends after that date (Portfolio.classify), then clears the mark it handled.
create table portfolio_stale (
    tenant_id bigint primary key references shop (id),
    since     date   not null
);
alter table portfolio_stale enable row level security;
create policy portfolio_stale_isolation on portfolio_stale
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());

-- Marks only what is older than the mark already there: a busy counter's sales of the day find the day's
-- mark (or an older one) and write nothing, so no sale waits on another's lock of this row.
create function mark_portfolio_stale() returns trigger language plpgsql as $$
begin
    insert into portfolio_stale as s (tenant_id, since)
    select c.tenant_id, min(c.business_date) from touched c
     where not exists (select 1 from portfolio_stale o
                        where o.tenant_id = c.tenant_id and o.since <= c.business_date)
     group by c.tenant_id
    on conflict (tenant_id) do update set since = excluded.since where excluded.since < s.since;
    return null;
end
$$;

create trigger purchase_marks_portfolio_stale_on_insert after insert on purchase
    referencing new table as touched for each statement execute function mark_portfolio_stale();
create trigger purchase_marks_portfolio_stale_on_delete after delete on purchase
    referencing old table as touched for each statement execute function mark_portfolio_stale();
-- an update moves a receipt from its old date (and customer, status) to its new one: both count
create trigger purchase_marks_portfolio_stale_on_update_old after update on purchase
    referencing old table as touched for each statement execute function mark_portfolio_stale();
create trigger purchase_marks_portfolio_stale_on_update_new after update on purchase
    referencing new table as touched for each statement execute function mark_portfolio_stale();
