-- Imports that never hurt existing customers (issue 14).
--
-- The check keeps, beside the problems, the existing customers the file would update or collides with
-- (a shared landline with another name is a conflict), and the owner's choice for each conflict row;
-- the run keeps what it did to each customer, so the import can be undone for 30 days like a merge.
alter table import_job
    add column matches   jsonb       not null default '[]',
    add column conflicts integer     not null default 0,
    add column decisions jsonb       not null default '{}',
    add column undone_at timestamptz,
    add column undone_by bigint,
    add foreign key (tenant_id, undone_by) references account (tenant_id, id);

-- One row per customer an import created or changed: the fields it changed, before and after (created:
-- the fields it wrote). Retiring the customer deletes their rows (they hold personal data).
create table import_customer_change (
    tenant_id   bigint  not null references shop (id),
    import_id   bigint  not null,
    customer_id bigint  not null,
    created     boolean not null,
    before      jsonb,
    after       jsonb   not null,
    primary key (tenant_id, import_id, customer_id),
    foreign key (tenant_id, import_id) references import_job (tenant_id, id),
    foreign key (tenant_id, customer_id) references customer (tenant_id, id)
);
create index import_customer_change_customer on import_customer_change (tenant_id, customer_id);
alter table import_customer_change enable row level security;
create policy import_customer_change_isolation on import_customer_change
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());

-- The receipts an import registered, so that its undo removes exactly those.
alter table purchase
    add column import_id bigint,
    add foreign key (tenant_id, import_id) references import_job (tenant_id, id);
create index purchase_by_import on purchase (tenant_id, import_id) where import_id is not null;
