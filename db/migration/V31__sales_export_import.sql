-- A POS sales export in one file (issue 14): receipt lines that bring their customers and products with them.
--
-- The check keeps, beside the problems, what it will do without asking (lines skipped as cancellations or
-- returns, prices rounded to yen, walk-in receipts, receipts already registered); the run keeps what it
-- made (receipts, customers, products). A price in another currency is multiplied by the owner's factor.
alter table import_job drop constraint import_job_kind_check;
alter table import_job
    add constraint import_job_kind_check check (kind in ('CUSTOMERS', 'PRODUCTS', 'PURCHASES', 'SALES')),
    add column currency_factor numeric(14, 4) check (currency_factor > 0),
    add column warnings        jsonb not null default '[]',
    add column outcome         jsonb not null default '[]';

-- The products an import created, so that its undo removes exactly those (where no other receipt uses them).
alter table product
    add column import_id bigint,
    add foreign key (tenant_id, import_id) references import_job (tenant_id, id);
create index product_by_import on product (tenant_id, import_id) where import_id is not null;

-- The consents an import recorded, so that its undo puts back the consent of the customers it updated (the
-- entry goes when it is still the latest; one recorded since stays, and is named).
alter table consent
    add column import_id bigint,
    add foreign key (tenant_id, import_id) references import_job (tenant_id, id);
create index consent_by_import on consent (tenant_id, import_id) where import_id is not null;

-- A product import can be undone too: the products it changed, with their fields before and after (restored
-- where nobody edited them since); those it created carry its import_id above.
create table import_product_change (
    tenant_id  bigint not null references shop (id),
    import_id  bigint not null,
    product_id bigint not null,
    before     jsonb  not null,
    after      jsonb,
    primary key (tenant_id, import_id, product_id),
    foreign key (tenant_id, import_id) references import_job (tenant_id, id),
    foreign key (tenant_id, product_id) references product (tenant_id, id)
);
alter table import_product_change enable row level security;
create policy import_product_change_isolation on import_product_change
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());

-- A long import analyses the tables its foreign key checks, the item count trigger and its customer matching
-- read, each time it has doubled what it wrote: their plans, cached while the tables were small, otherwise
-- read whole tables per line. Only those tables, and never waiting: when another session holds them
-- (analysing them itself), its statistics will do. (The analysis's lock stays until the import commits; it blocks no reads or writes,
-- only another analysis of the same tables.)
create function analyze_tables_an_import_reads() returns void
    language plpgsql security definer set search_path = public set lock_timeout = '100ms'
as $$
begin
    analyze purchase, product, customer;
exception when lock_not_available then
    null;
end
$$;
revoke all on function analyze_tables_an_import_reads() from public;
grant execute on function analyze_tables_an_import_reads() to ${app_role};
