-- Receipt numbers are each store's own sequence, without gaps the shop could see: the counter row is
-- taken in the purchase's own transaction, so a sale that is not saved gives its number back. Receipts
-- imported from another system keep their own number (external_ref) and take none.
alter table purchase add column receipt_number bigint;
create unique index purchase_receipt_number on purchase (tenant_id, store_id, receipt_number);

create table store_receipt_counter (
    tenant_id   bigint not null,
    store_id    bigint not null,
    last_number bigint not null,
    primary key (tenant_id, store_id),
    foreign key (tenant_id, store_id) references store (tenant_id, id)
);
alter table store_receipt_counter enable row level security;
create policy store_receipt_counter_isolation on store_receipt_counter
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());

-- Numbers a shop's receipts that have none, store by store in the order they were made, after the numbers
-- already given, and moves each store's counter past them: for the history written before numbering
-- existed and for a generated demo shop.
create function number_receipts(p_shop bigint) returns void
    language sql as $$
    with numbered as (
        select p.id, coalesce(k.last_number, 0)
                     + row_number() over (partition by p.store_id order by p.purchased_at, p.id) as number
          from purchase p
          left join store_receipt_counter k on k.tenant_id = p.tenant_id and k.store_id = p.store_id
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
$$;

select number_receipts(s.id) from shop s;
