-- Numbering a new shop's customers (the demo and load generators) and its receipts (generated or imported
-- history) joins the table with its own numbered rows. Right after the rows were written, the statistics know
-- nothing of the new shop: the planner expects one row on each side, picks a nested loop and re-sorts the
-- whole shop once per row, which ran for minutes on a 100,000-customer shop generated after the database was
-- last analysed. A bulk numbering is a hash join whatever the estimates say, so these two functions forbid
-- the nested loop for their own statements only.
create function number_customers(p_shop bigint) returns void
    language sql set enable_nestloop = off as $$
    update customer c
       set code = 'C' || lpad(o.n::text, greatest(6, length(o.n::text)), '0')
      from (select tenant_id, id, row_number() over (order by created_at, id) as n
              from customer
             where tenant_id = p_shop) o
     where c.tenant_id = p_shop and c.tenant_id = o.tenant_id and c.id = o.id;
$$;

alter function number_receipts(bigint) set enable_nestloop = off;
