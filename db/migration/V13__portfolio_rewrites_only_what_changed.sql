-- The night rewrote every customer's row each night only because the as-of date and the days since the
-- last visit change every day. Both now live once per shop: the night writes only the customers whose
-- visits, amount, expected interval or cell changed (ADR 0004), and a shop of 100,000 customers leaves a few
-- hundred dead rows a night instead of 100,000.
create table portfolio_classification (
    tenant_id     bigint      not null references shop (id),
    as_of         date        not null,
    classified_at timestamptz not null default now(),
    primary key (tenant_id)
);
alter table portfolio_classification enable row level security;
create policy portfolio_classification_isolation on portfolio_classification
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());

insert into portfolio_classification (tenant_id, as_of)
select tenant_id, max(as_of) from customer_portfolio group by tenant_id;

alter table customer_portfolio drop column as_of, drop column lapse_days;
