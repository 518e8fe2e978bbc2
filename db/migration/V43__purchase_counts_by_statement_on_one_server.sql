-- V41 moved purchase's derived counts (a receipt's item count, the month ends' stale mark) to row triggers,
-- because a distributed table cannot have statement triggers with transition tables. On one server that cost the
-- bulk writes dearly: a million-line sales import took 124 s instead of 46 s, each line an update of its receipt
-- (twenty a receipt) where the statement trigger made one per receipt and statement. On one server the statement
-- triggers come back; on Citus the row triggers stay: db/citus/distribute.sql puts them in place before it
-- distributes the tables (purchase_counts_by_row), and on a database already distributed this migration leaves
-- them. Either pair keeps the same counts.

-- A statement's lines move their receipts' item counts: one keyed update per receipt (V30).
create function purchase_items_added() returns trigger language plpgsql as $$
declare
    n record;
begin
    for n in select tenant_id, purchase_id, sum(quantity) as items from added group by tenant_id, purchase_id loop
        update purchase set item_count = item_count + n.items where tenant_id = n.tenant_id and id = n.purchase_id;
    end loop;
    return null;
end $$;

create function purchase_items_removed() returns trigger language plpgsql as $$
declare
    o record;
begin
    for o in select tenant_id, purchase_id, sum(quantity) as items from removed group by tenant_id, purchase_id loop
        update purchase set item_count = item_count - o.items where tenant_id = o.tenant_id and id = o.purchase_id;
    end loop;
    return null;
end $$;

create function purchase_items_changed() returns trigger language plpgsql as $$
declare
    d record;
begin
    for d in select tenant_id, purchase_id, sum(items) as items
               from (select tenant_id, purchase_id, quantity as items from added
                     union all
                     select tenant_id, purchase_id, -quantity from removed) c
              group by tenant_id, purchase_id
             having sum(items) <> 0 loop
        update purchase set item_count = item_count + d.items where tenant_id = d.tenant_id and id = d.purchase_id;
    end loop;
    return null;
end $$;

-- A statement's receipts mark the month ends stale from the earliest day among them (V27).
create function mark_portfolio_stale_by_statement() returns trigger language plpgsql as $$
declare
    t record;
begin
    for t in select tenant_id, min(business_date) as since from touched group by tenant_id loop
        perform mark_portfolio_stale_since(t.tenant_id, t.since, 'purchase');
    end loop;
    return null;
end $$;

create function purchase_counts_on_one_server() returns void language plpgsql as $$
begin
    drop trigger if exists purchase_line_items on purchase_line;
    drop trigger if exists purchase_line_items_changed on purchase_line;
    drop trigger if exists purchase_marks_portfolio_stale_on_insert on purchase;
    drop trigger if exists purchase_marks_portfolio_stale_on_delete on purchase;
    create trigger purchase_line_added after insert on purchase_line
        referencing new table as added for each statement execute function purchase_items_added();
    create trigger purchase_line_removed after delete on purchase_line
        referencing old table as removed for each statement execute function purchase_items_removed();
    create trigger purchase_line_changed after update on purchase_line
        referencing old table as removed new table as added for each statement execute function purchase_items_changed();
    create trigger purchase_added_marks_portfolio_stale after insert on purchase
        referencing new table as touched for each statement execute function mark_portfolio_stale_by_statement();
    create trigger purchase_removed_marks_portfolio_stale after delete on purchase
        referencing old table as touched for each statement execute function mark_portfolio_stale_by_statement();
end $$;

-- The row triggers of V41 and V42, for a table Citus distributes.
create function purchase_counts_by_row() returns void language plpgsql as $$
begin
    drop trigger if exists purchase_line_added on purchase_line;
    drop trigger if exists purchase_line_removed on purchase_line;
    drop trigger if exists purchase_line_changed on purchase_line;
    drop trigger if exists purchase_added_marks_portfolio_stale on purchase;
    drop trigger if exists purchase_removed_marks_portfolio_stale on purchase;
    drop trigger if exists purchase_line_items on purchase_line;
    drop trigger if exists purchase_line_items_changed on purchase_line;
    drop trigger if exists purchase_marks_portfolio_stale_on_insert on purchase;
    drop trigger if exists purchase_marks_portfolio_stale_on_delete on purchase;
    create trigger purchase_line_items after insert or delete on purchase_line
        for each row execute function purchase_items_moved();
    create trigger purchase_line_items_changed after update of quantity, purchase_id on purchase_line
        for each row when ((old.quantity, old.purchase_id) is distinct from (new.quantity, new.purchase_id))
        execute function purchase_items_moved();
    create trigger purchase_marks_portfolio_stale_on_insert after insert on purchase
        for each row execute function mark_portfolio_stale_by_receipt();
    create trigger purchase_marks_portfolio_stale_on_delete after delete on purchase
        for each row execute function mark_portfolio_stale_by_receipt();
end $$;

revoke all on function purchase_counts_on_one_server() from public;
revoke all on function purchase_counts_by_row() from public;

do $$
declare
    v_distributed boolean := false;
begin
    if joren_on_citus() then
        execute $q$select exists (select 1 from pg_dist_partition where logicalrelid = 'purchase'::regclass)$q$
           into v_distributed;
    end if;
    if not v_distributed then
        perform purchase_counts_on_one_server();
    end if;
end $$;
