-- Shapes a distributed database (Citus, sharded by tenant_id) can run, and that cost plain PostgreSQL nothing.
-- Each constraint and index is named, so the same statements replay on a distributed schema.

-- 1. The cross-shop functions in PL/pgSQL. Citus cannot plan a SQL-language function with parameters over a
--    distributed table; a PL/pgSQL one runs its statement as an ordinary query. Same results.
create or replace function find_login_account(p_email text)
    returns table (tenant_id bigint, account_id bigint, email text, password_hash text, display_name text,
                   role text, enabled boolean, locale text, time_zone text)
    language plpgsql stable security definer set search_path = public
as $$
begin
    return query
    select a.tenant_id, a.id, a.email, a.password_hash, a.display_name, a.role, a.enabled, a.locale, s.time_zone
      from account a
      join shop s on s.id = a.tenant_id
     where login_email(a.email) = login_email(p_email);
end $$;

create or replace function login_email_taken(p_email text) returns boolean
    language plpgsql stable security definer set search_path = public
as $$
begin
    return exists (select 1 from account where login_email(email) = login_email(p_email));
end $$;

create or replace function shop_for_line_webhook(p_key text) returns bigint
    language plpgsql stable security definer set search_path = public
as $$
begin
    return (select tenant_id from line_account where webhook_key = p_key);
end $$;

create or replace function shop_for_password_reset(p_token_hash text) returns bigint
    language plpgsql stable security definer set search_path = public
as $$
begin
    return (select tenant_id from password_reset where token_hash = p_token_hash);
end $$;

create or replace function shop_for_staff_invitation(p_token_hash text) returns bigint
    language plpgsql stable security definer set search_path = public
as $$
begin
    return (select tenant_id from staff_invitation where token_hash = p_token_hash);
end $$;

create or replace function shop_id_for_slug(p_slug text) returns bigint
    language plpgsql stable security definer set search_path = public
as $$
begin
    return (select id from shop where slug = p_slug);
end $$;

create or replace function shop_slug_taken(p_slug text, p_except_shop bigint) returns boolean
    language plpgsql stable security definer set search_path = public
as $$
begin
    return exists (select 1 from shop where slug = p_slug and id <> coalesce(p_except_shop, -1));
end $$;

-- The shops whose night is due, less those whose night is done, running or given up: two reads, not a subquery
-- per shop, since the shops are a reference table and their runs are distributed (Citus cannot correlate them).
create or replace function shops_due_for_nightly_run(p_now timestamptz)
    returns table (tenant_id bigint, business_date date)
    language plpgsql stable security definer set search_path = public
as $$
declare
    v_shops bigint[];
    v_days date[];
begin
    select coalesce(array_agg(s.id), '{}'), coalesce(array_agg((p_now at time zone s.time_zone)::date), '{}')
      into v_shops, v_days
      from shop s
     where (p_now at time zone s.time_zone)::time >= s.nightly_run_at;
    return query
    select d.shop, d.day from unnest(v_shops, v_days) d(shop, day)
    except
    select r.tenant_id, r.business_date
      from nightly_run r
     where r.tenant_id = any (v_shops)
       and r.trigger = 'SCHEDULED'
       and r.business_date = any (v_days)
       and (r.status = 'SUCCEEDED' or r.attempts >= 3
            or (r.status = 'RUNNING' and r.heartbeat_at > p_now - interval '3 minutes'));
end $$;

create or replace function shops_with_email_due(p_now timestamptz) returns setof bigint
    language plpgsql stable security definer set search_path = public
as $$
begin
    return query
    select distinct m.tenant_id from outbox_message m
     where m.channel = 'EMAIL'
       and (m.status = 'SENDING'
            or (m.status = 'QUEUED'
                and m.due_on <= (p_now at time zone 'UTC')::date + 1
                and (m.next_attempt_at is null or m.next_attempt_at <= p_now)));
end $$;

create or replace function shops_with_line_due(p_now timestamptz) returns setof bigint
    language plpgsql stable security definer set search_path = public
as $$
begin
    return query
    select distinct m.tenant_id from outbox_message m
     where m.channel = 'LINE'
       and (m.status = 'SENDING'
            or (m.status = 'QUEUED'
                and m.due_on <= (p_now at time zone 'UTC')::date + 1
                and (m.next_attempt_at is null or m.next_attempt_at <= p_now)));
end $$;

-- 2. An unsubscribe link's token carries its shop ("<shop>-<64 hex>", QueueStatements), so the lookup reads
--    one shop's messages and the token is unique within its shop, as a distributed table's keys must lead
--    with tenant_id. Links already sent carry no shop: a partial index keeps finding those, and only those.
create unique index outbox_message_unsubscribe_in_shop on outbox_message (tenant_id, unsubscribe_token);
create index outbox_message_unsubscribe_before_shops on outbox_message (unsubscribe_token)
    where unsubscribe_token not like '%-%';
drop index outbox_message_unsubscribe;

create or replace function shop_id_for_unsubscribe_token(p_token text) returns bigint
    language plpgsql stable security definer set search_path = public
as $$
declare
    v_shop bigint;
begin
    if p_token ~ '^[0-9]{1,18}-' then
        v_shop := split_part(p_token, '-', 1)::bigint;
        return (select m.tenant_id from outbox_message m
                 where m.tenant_id = v_shop and m.unsubscribe_token = p_token);
    end if;
    return (select m.tenant_id from outbox_message m
             where m.unsubscribe_token = p_token and m.unsubscribe_token not like '%-%');
end $$;

-- 3. Row triggers instead of statement triggers with transition tables, which a distributed table cannot
--    have. A sale's lines now move its item count one line at a time (a keyed update each), and a purchase
--    marks the month ends stale by its own date; the conditions are the ones the statement triggers had.
drop trigger purchase_line_added on purchase_line;
drop trigger purchase_line_removed on purchase_line;
drop trigger purchase_line_changed on purchase_line;
drop function purchase_items_added();
drop function purchase_items_removed();
drop function purchase_items_changed();

create function purchase_items_moved() returns trigger language plpgsql as $$
begin
    if tg_op in ('DELETE', 'UPDATE') then
        update purchase set item_count = item_count - old.quantity
         where tenant_id = old.tenant_id and id = old.purchase_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        update purchase set item_count = item_count + new.quantity
         where tenant_id = new.tenant_id and id = new.purchase_id;
    end if;
    return null;
end $$;

create trigger purchase_line_items after insert or delete on purchase_line
    for each row execute function purchase_items_moved();
create trigger purchase_line_items_changed after update of quantity, purchase_id on purchase_line
    for each row when ((old.quantity, old.purchase_id) is distinct from (new.quantity, new.purchase_id))
    execute function purchase_items_moved();

drop trigger purchase_marks_portfolio_stale_on_insert on purchase;
drop trigger purchase_marks_portfolio_stale_on_delete on purchase;
drop function mark_portfolio_stale();

-- Marks only what is older than the mark already there: a busy counter's sales of the day find the day's
-- mark (or an older one) and write nothing, so no sale waits on another's lock of that row.
create function mark_portfolio_stale_by_receipt() returns trigger language plpgsql as $$
declare
    v_receipt purchase;
begin
    v_receipt := case when tg_op = 'DELETE' then old else new end;
    insert into portfolio_stale as s (tenant_id, since)
    select v_receipt.tenant_id, v_receipt.business_date
     where not exists (select 1 from portfolio_stale k
                        where k.tenant_id = v_receipt.tenant_id and k.since <= v_receipt.business_date)
    on conflict (tenant_id) do update set since = excluded.since where excluded.since < s.since;
    return null;
end $$;

create trigger purchase_marks_portfolio_stale_on_insert after insert on purchase
    for each row execute function mark_portfolio_stale_by_receipt();
create trigger purchase_marks_portfolio_stale_on_delete after delete on purchase
    for each row execute function mark_portfolio_stale_by_receipt();

-- 4. Joren's own ANALYZE after bulk writes (V31, V36) is for one server whose autovacuum may lag. On Citus the
--    tables are shards on the workers, which keep their own statistics, and an ANALYZE through the coordinator
--    in a transaction that has just written those shards as another role is refused: there it does nothing.
create or replace function joren_on_citus() returns boolean
    language sql stable
as $$ select exists (select 1 from pg_extension where extname = 'citus') $$;

create or replace function analyze_after_bulk_write() returns void
    language plpgsql security definer set search_path = public
as $$
begin
    if joren_on_citus() then
        return;
    end if;
    analyze customer, consent, product, purchase, purchase_line, owned_product, coupon;
end $$;

create or replace function analyze_stale_tables() returns setof text
    language plpgsql security definer set search_path = public
as $$
declare
    stale record;
begin
    if joren_on_citus() then
        return;
    end if;
    for stale in
        select c.relname
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
          left join pg_stat_user_tables s on s.relid = c.oid
         where c.relkind = 'r'
           and (pg_relation_size(c.oid) / current_setting('block_size')::bigint > c.relpages * 1.1 + 8
                or coalesce(s.n_mod_since_analyze, 0) > 50 + 0.1 * greatest(c.reltuples, 0))
         order by c.relname
    loop
        execute format('analyze (skip_locked) %I', stale.relname);
        return next stale.relname;
    end loop;
end $$;

create or replace function analyze_tables_an_import_reads() returns void
    language plpgsql security definer set search_path = public set lock_timeout = '100ms'
as $$
begin
    if joren_on_citus() then
        return;
    end if;
    analyze purchase, product, customer;
exception when lock_not_available then
    null;
end $$;

-- 5. The demo and import numbering (V35) in PL/pgSQL too: a SQL-language function with a parameter cannot be
--    planned over distributed tables. Same statements, each table named by its shop.
create or replace function number_customers(p_shop bigint) returns void
    language plpgsql set enable_nestloop = off
as $$
begin
    update customer c
       set code = 'C' || lpad(o.n::text, greatest(6, length(o.n::text)), '0')
      from (select tenant_id, id, row_number() over (order by created_at, id) as n
              from customer
             where tenant_id = p_shop) o
     where c.tenant_id = p_shop and c.tenant_id = o.tenant_id and c.id = o.id;
end $$;

create or replace function number_receipts(p_shop bigint) returns void
    language plpgsql set enable_nestloop = off
as $$
begin
    with numbered as (
        select p.id, coalesce(k.last_number, 0)
                     + row_number() over (partition by p.store_id order by p.purchased_at, p.id) as number
          from purchase p
          left join store_receipt_counter k on k.tenant_id = p_shop and k.tenant_id = p.tenant_id
                                           and k.store_id = p.store_id
         where p.tenant_id = p_shop and p.receipt_number is null and p.external_ref is null)
    update purchase p set receipt_number = n.number
      from numbered n
     where p.tenant_id = p_shop and p.id = n.id;
    insert into store_receipt_counter (tenant_id, store_id, last_number)
    select p.tenant_id, p.store_id, max(p.receipt_number)
      from purchase p
     where p.tenant_id = p_shop and p.receipt_number is not null
     group by p.tenant_id, p.store_id
    on conflict (tenant_id, store_id) do update set last_number = greatest(store_receipt_counter.last_number,
                                                                             excluded.last_number);
end $$;
