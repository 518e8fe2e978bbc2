-- Member codes are numbered per shop. They used to be 'C' and six digits of the customer's id, which is
-- shared by every shop (a new shop's first card read C0123456) and was cut to six digits past 999,999, so
-- ten customers shared a code and every import of a new customer failed.
create table customer_code_counter (
    tenant_id   bigint not null references shop (id),
    last_number bigint not null,
    primary key (tenant_id)
);
alter table customer_code_counter enable row level security;
create policy customer_code_counter_isolation on customer_code_counter
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());

-- The next `wanted` free codes of the shop, in order: C000001, C000002, … (more digits past a million).
-- Codes a shop already uses (typed at the counter or imported) are skipped, so a code never collides.
-- The counter row stays locked until the transaction ends, so two registrations never get the same code.
create function allocate_customer_codes(p_shop bigint, p_wanted integer) returns text[]
    language plpgsql as $$
declare
    codes text[] := '{}';
    missing integer;
    top bigint;
begin
    -- a shop's first allocation continues after the highest code of this form it already has
    if not exists (select 1 from customer_code_counter k where k.tenant_id = p_shop) then
        insert into customer_code_counter (tenant_id, last_number)
        select p_shop, coalesce(max(substr(c.code, 2)::bigint) filter (where c.code ~ '^C[0-9]{1,15}$'), 0)
          from customer c
         where c.tenant_id = p_shop
        on conflict (tenant_id) do nothing;
    end if;
    loop
        missing := p_wanted - cardinality(codes);
        exit when missing <= 0;
        update customer_code_counter k set last_number = k.last_number + missing
         where k.tenant_id = p_shop
        returning k.last_number into top;
        codes := codes || array(
            select n.code
              from (select g, 'C' || lpad(g::text, greatest(6, length(g::text)), '0') as code
                      from generate_series(top - missing + 1, top) g) n
             where not exists (select 1 from customer c where c.tenant_id = p_shop and c.code_key = lower(n.code))
             order by n.g);
    end loop;
    return codes;
end
$$;

-- A merge keeps the survivor's fields as the merge left them, so that its undo restores only what no one
-- has changed since. Retiring either customer erases both snapshots, after which the merge cannot be undone.
alter table customer_merge
    add column survivor_after jsonb,
    add column erased_at      timestamptz,
    alter column survivor_before drop not null;

-- The largest sale a till can take (see SaleLimits): far beyond a small shop's, and small enough that no
-- sum over a shop's history can overflow. Checked for new rows; rows written before stay as they are.
alter table purchase_line
    add constraint purchase_line_quantity_bound check (quantity <= 9999) not valid,
    add constraint purchase_line_price_bound check (unit_price between 0 and 99999999) not valid,
    add constraint purchase_line_amount_bound check (amount between -99999999 and 99999999) not valid;
alter table purchase
    add constraint purchase_total_bound check (total between -99999999 and 99999999) not valid;
