-- Each shop's forecast (issue 6): the BG/NBD model of visits and the gamma-gamma model of spend per visit,
-- refitted every night to the shop's own visits, and every customer's forecast from them.

-- The shop's last fit. A fit that is not reliable keeps its reason (and whatever parameters it reached, for
-- whoever investigates) and no customer gets numbers from it.
create table forecast_fit (
    tenant_id              bigint           not null references shop (id),
    fitted_on              date             not null,
    r                      double precision,
    alpha                  double precision,
    a                      double precision,
    b                      double precision,
    p                      double precision,
    q                      double precision,
    gamma                  double precision,
    log_likelihood         double precision,
    spend_log_likelihood   double precision,
    customers              integer          not null,
    repeat_customers       integer          not null,
    reliable               boolean          not null,
    reason                 text check (reason in ('TOO_FEW_CUSTOMERS', 'TOO_FEW_REPEAT_CUSTOMERS', 'NOT_CONVERGED',
                                                  'AT_BOUND', 'SPEND_NOT_FITTED')),
    fitted_at              timestamptz      not null default now(),
    primary key (tenant_id),
    check (reliable = (reason is null))
);
alter table forecast_fit enable row level security;
create policy forecast_fit_isolation on forecast_fit
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());

-- Every customer with a visit, as of the fit's date. Derived and rewritten by the night in bulk, like
-- customer_portfolio, so without a foreign key. Every row changes every night (the time since the last
-- visit grows), and only the key is indexed: with room left on each page the rewrite stays a heap-only
-- update instead of a new index entry per customer per night.
create table customer_forecast (
    tenant_id              bigint  not null,
    customer_id            bigint  not null,
    probability_active     real    not null check (probability_active between 0 and 1),
    expected_visits_90d    real    not null check (expected_visits_90d >= 0),
    expected_visits_12m    real    not null check (expected_visits_12m >= 0),
    expected_next_visit_on date    not null,
    expected_value_12m     bigint  not null check (expected_value_12m >= 0),
    primary key (tenant_id, customer_id)
) with (fillfactor = 50);
alter table customer_forecast enable row level security;
create policy customer_forecast_isolation on customer_forecast
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());

-- The shop's check of the model on its own recent past (refitted each night to the visits before the
-- hold-out): expected and actual visits in the hold-out, per number of repeat visits before it.
create table forecast_calibration (
    tenant_id       bigint           not null references shop (id),
    repeat_visits   integer          not null,
    holdout_from    date             not null,
    holdout_until   date             not null,
    customers       integer          not null,
    expected_visits double precision not null,
    actual_visits   bigint           not null,
    primary key (tenant_id, repeat_visits)
);
alter table forecast_calibration enable row level security;
create policy forecast_calibration_isolation on forecast_calibration
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
