-- The row triggers of V41 keep a receipt's item count and the month-end mark by writing another table of the
-- same shop. On Citus a trigger fires on the shard, and a statement on the distributed table inside it is planned
-- again by Citus, per row: the month-end mark failed ("cache lookup failed for type …", or "cannot execute a
-- distributed query from a query on a shard" when Citus chose a connection over local execution), and every
-- line of an import paid for that planning. Fired on a shard, the triggers now write the co-located shard of
-- their shop directly, an ordinary table on the same node; fired on the table itself, the same static statements
-- as before.

-- The shard of p_table that holds p_shop's rows, on the node where a trigger of a co-located shard fires. Called
-- on Citus only: get_shard_id_for_distribution_column is Citus's, hence the dynamic call.
create function shard_beside(p_table text, p_shop bigint) returns text
    language plpgsql stable as $$
declare
    v_shard bigint;
begin
    execute 'select get_shard_id_for_distribution_column($1::regclass, $2)' into v_shard using p_table, p_shop;
    return p_table || '_' || v_shard;
end $$;

create or replace function purchase_items_moved() returns trigger language plpgsql as $$
declare
    v_purchase text;
begin
    if tg_table_name = 'purchase_line' then
        if tg_op in ('DELETE', 'UPDATE') then
            update purchase set item_count = item_count - old.quantity
             where tenant_id = old.tenant_id and id = old.purchase_id;
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
            update purchase set item_count = item_count + new.quantity
             where tenant_id = new.tenant_id and id = new.purchase_id;
        end if;
        return null;
    end if;
    -- a line moves between receipts of one shop: one shard of purchase
    v_purchase := shard_beside('purchase', coalesce(new.tenant_id, old.tenant_id));
    if tg_op in ('DELETE', 'UPDATE') then
        execute format('update %I set item_count = item_count - $1 where tenant_id = $2 and id = $3', v_purchase)
          using old.quantity, old.tenant_id, old.purchase_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        execute format('update %I set item_count = item_count + $1 where tenant_id = $2 and id = $3', v_purchase)
          using new.quantity, new.tenant_id, new.purchase_id;
    end if;
    return null;
end $$;

-- Marks only what is older than the mark already there (V41), from the day a receipt was, or is, dated.
create function mark_portfolio_stale_since(p_shop bigint, p_day date, p_fired_on text) returns void
    language plpgsql as $$
begin
    if p_fired_on = 'purchase' then
        insert into portfolio_stale as s (tenant_id, since)
        select p_shop, p_day
         where not exists (select 1 from portfolio_stale k where k.tenant_id = p_shop and k.since <= p_day)
        on conflict (tenant_id) do update set since = excluded.since where excluded.since < s.since;
        return;
    end if;
    execute format($statement$
        insert into %1$I as s (tenant_id, since)
        select $1, $2
         where not exists (select 1 from %1$I k where k.tenant_id = $1 and k.since <= $2)
        on conflict (tenant_id) do update set since = excluded.since where excluded.since < s.since
        $statement$, shard_beside('portfolio_stale', p_shop)) using p_shop, p_day;
end $$;

create or replace function mark_portfolio_stale_by_receipt() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform mark_portfolio_stale_since(old.tenant_id, old.business_date, tg_table_name);
    else
        perform mark_portfolio_stale_since(new.tenant_id, new.business_date, tg_table_name);
    end if;
    return null;
end $$;

create or replace function mark_portfolio_stale_by_row() returns trigger language plpgsql as $$
begin
    perform mark_portfolio_stale_since(new.tenant_id, least(old.business_date, new.business_date), tg_table_name);
    return null;
end $$;
