-- The counter looks product codes up ignoring case (a clerk types pc-100 for PC-100), so two products
-- whose codes differ only in case would be ambiguous; the database now refuses them, even when two people
-- save them at the same moment.
drop index product_code_key;
create unique index product_code_key on product (tenant_id, lower(code));
