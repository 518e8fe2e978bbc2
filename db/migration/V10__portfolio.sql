-- The customer portfolio (shared/DESIGN.md §4): thresholds per shop, each customer's current cell, the
-- numbers the cells were cut with, and a month-end snapshot of every customer's cell.

-- How a shop cuts its customers into cells. The presets fill the three day thresholds; AUTO derives them
-- every night from the shop's own gaps between visits. A null amount threshold means "multiplier × the
-- average visit amount of the trailing 365 days".
create table portfolio_policy (
    tenant_id          bigint      not null references shop (id),
    preset             text        not null default 'STANDARD'
                                   check (preset in ('STANDARD', 'MAIL_ORDER_ONE_OFF', 'AUTO', 'CUSTOM')),
    first_tenure_days  integer     not null default 90 check (first_tenure_days > 0),
    second_tenure_days integer     not null default 210,
    lapse_days         integer     not null default 240 check (lapse_days > 0),
    amount_threshold   bigint      check (amount_threshold > 0),
    amount_multiplier  numeric(4, 1) not null default 7 check (amount_multiplier > 0),
    neighbourhood_towns text[]     not null default '{}',
    updated_at         timestamptz not null default now(),
    primary key (tenant_id),
    check (second_tenure_days > first_tenure_days)
);
alter table portfolio_policy enable row level security;
create policy portfolio_policy_isolation on portfolio_policy
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());

-- The trade area reads each buyer's town and channel: from this index alone, not from the wide customer rows.
create index customer_area on customer (tenant_id, id) include (town, acquisition_channel, status);

-- Free samples and the like: never a visit, never an amount.
alter table product add column excluded_from_portfolio boolean not null default false;

-- The thresholds a classification used, and the shop figures they came from, per as-of date: the cells
-- of a month-end snapshot are explained by the basis of the same date.
create table portfolio_basis (
    tenant_id              bigint  not null references shop (id),
    as_of                  date    not null,
    first_tenure_days      integer not null,
    second_tenure_days     integer not null,
    lapse_days             integer not null,
    amount_threshold       bigint  not null,
    amount_is_fixed        boolean not null,
    visits_total           integer not null,
    visits_last_year       integer not null,
    visit_amount_last_year bigint,
    median_gap_days        integer,
    median_first_gap_days  integer,
    gap_p90_days           integer,
    computed_at            timestamptz not null default now(),
    primary key (tenant_id, as_of)
);
alter table portfolio_basis enable row level security;
create policy portfolio_basis_isolation on portfolio_basis
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());

-- Each customer's metrics and cell as of the shop's last classification ("as of d" = at the start of day d,
-- counting completed visits before d). Customers without a visit have no row. This table and the snapshots
-- are derived, rewritten by the night in bulk from customers that exist, and customers are never deleted
-- (they are retired or merged), so they carry no foreign key: its check per row was a third of the night.
create table customer_portfolio (
    tenant_id              bigint  not null,
    customer_id            bigint  not null,
    as_of                  date    not null,
    visits                 integer not null,
    first_visit            date    not null,
    second_visit           date,
    last_visit             date    not null,
    tenure_days            integer not null,
    lapse_days             integer not null,
    amount                 bigint  not null,
    expected_interval_days integer not null,
    segment                text    not null check (segment in ('FIRST', 'TODDLER', 'STEADY', 'TREND', 'LOYAL')),
    lapsed                 boolean not null,
    primary key (tenant_id, customer_id)
);
alter table customer_portfolio enable row level security;
create policy customer_portfolio_isolation on customer_portfolio
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());

-- Every customer's cell at the close of a month (classified as of the first day of the next month).
create table portfolio_snapshot (
    tenant_id   bigint  not null,
    month       date    not null check (extract(day from month) = 1),
    customer_id bigint  not null,
    visits      integer not null,
    amount      bigint  not null,
    segment     text    not null check (segment in ('FIRST', 'TODDLER', 'STEADY', 'TREND', 'LOYAL')),
    lapsed      boolean not null,
    primary key (tenant_id, month, customer_id)
);
alter table portfolio_snapshot enable row level security;
create policy portfolio_snapshot_isolation on portfolio_snapshot
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());

-- Per month: how many customers each cell held, and how many moved from which cell to which (a customer
-- with no cell the month before comes from nowhere: from_segment is null). Summed when the snapshot is
-- taken, so that a year of trend is a few hundred rows to read.
create table portfolio_month_cell (
    tenant_id bigint  not null references shop (id),
    month     date    not null,
    segment   text    not null,
    lapsed    boolean not null,
    customers integer not null,
    amount    bigint  not null,
    primary key (tenant_id, month, segment, lapsed)
);
alter table portfolio_month_cell enable row level security;
create policy portfolio_month_cell_isolation on portfolio_month_cell
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());

create table portfolio_movement (
    tenant_id    bigint  not null references shop (id),
    month        date    not null,
    from_segment text,
    from_lapsed  boolean,
    to_segment   text    not null,
    to_lapsed    boolean not null,
    customers    integer not null
);
create index portfolio_movement_by_month on portfolio_movement (tenant_id, month);
alter table portfolio_movement enable row level security;
create policy portfolio_movement_isolation on portfolio_movement
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());

-- Runs started by the owner come beside the scheduled one of the day; the step shows a run's progress.
alter table nightly_run add column trigger text not null default 'SCHEDULED' check (trigger in ('SCHEDULED', 'MANUAL'));
alter table nightly_run add column step text;
alter table nightly_run add column started_by bigint;
drop index nightly_run_once_a_day;
create unique index nightly_run_once_a_day on nightly_run (tenant_id, business_date) where trigger = 'SCHEDULED';
create index nightly_run_recent on nightly_run (tenant_id, started_at desc);

-- A manual run must not count against the scheduled run's retries.
create or replace function shops_due_for_nightly_run(p_now timestamptz)
    returns table (tenant_id bigint, business_date date)
    language sql stable security definer set search_path = public
as $$
    select s.id, (p_now at time zone s.time_zone)::date
      from shop s
     where (p_now at time zone s.time_zone)::time >= s.nightly_run_at
       and not exists (select 1
                         from nightly_run r
                        where r.tenant_id = s.id
                          and r.trigger = 'SCHEDULED'
                          and r.business_date = (p_now at time zone s.time_zone)::date
                          and (r.status = 'SUCCEEDED' or r.attempts >= 3
                               or (r.status = 'RUNNING' and r.started_at > p_now - interval '1 hour')))
$$;

-- Items per receipt, for the sales equation (amount per visit = item price × items per visit) without
-- reading the lines of a period: kept by statement triggers on the lines, whoever writes them.
alter table purchase add column item_count integer not null default 0;
update purchase p set item_count = l.items
  from (select tenant_id, purchase_id, sum(quantity) as items from purchase_line group by tenant_id, purchase_id) l
 where p.tenant_id = l.tenant_id and p.id = l.purchase_id;

create function purchase_items_added() returns trigger language plpgsql as $$
begin
    update purchase p set item_count = p.item_count + n.items
      from (select tenant_id, purchase_id, sum(quantity) as items from added group by tenant_id, purchase_id) n
     where p.tenant_id = n.tenant_id and p.id = n.purchase_id;
    return null;
end $$;

create function purchase_items_removed() returns trigger language plpgsql as $$
begin
    update purchase p set item_count = p.item_count - o.items
      from (select tenant_id, purchase_id, sum(quantity) as items from removed group by tenant_id, purchase_id) o
     where p.tenant_id = o.tenant_id and p.id = o.purchase_id;
    return null;
end $$;

create function purchase_items_changed() returns trigger language plpgsql as $$
begin
    update purchase p set item_count = p.item_count + d.items
      from (select tenant_id, purchase_id, sum(items) as items
              from (select tenant_id, purchase_id, quantity as items from added
                    union all
                    select tenant_id, purchase_id, -quantity from removed) c
             group by tenant_id, purchase_id) d
     where p.tenant_id = d.tenant_id and p.id = d.purchase_id;
    return null;
end $$;

create trigger purchase_line_added after insert on purchase_line
    referencing new table as added for each statement execute function purchase_items_added();
create trigger purchase_line_removed after delete on purchase_line
    referencing old table as removed for each statement execute function purchase_items_removed();
create trigger purchase_line_changed after update on purchase_line
    referencing old table as removed new table as added for each statement execute function purchase_items_changed();
