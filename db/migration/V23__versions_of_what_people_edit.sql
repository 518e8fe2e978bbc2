-- A version on each record a person edits, so that a second writer working from an older copy is told,
-- never silently overwrites (optimistic locking). Every update of the row moves it on, whether it comes
-- from a form, an import or a merge, so a form opened before any of them is caught.
create function bump_row_version() returns trigger language plpgsql as $$
begin
    new.version := old.version + 1;
    return new;
end
$$;

alter table customer add column version bigint not null default 0;
create trigger customer_version before update on customer
    for each row execute function bump_row_version();

alter table product add column version bigint not null default 0;
create trigger product_version before update on product
    for each row execute function bump_row_version();

alter table shop add column version bigint not null default 0;
create trigger shop_version before update on shop
    for each row execute function bump_row_version();
