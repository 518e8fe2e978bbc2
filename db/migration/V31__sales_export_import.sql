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
