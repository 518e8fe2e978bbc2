-- An update marks the month ends stale only when it moves what they count: a receipt's date, customer, status or
-- total. As a statement trigger with transition tables it ran on every update of purchase, and each sale makes
-- two that move nothing (its item count, its receipt number): two tuple stores and a join per sale, inside the
-- store's receipt counter lock. A row trigger with that condition is not even queued for them; a correction or
-- a merge that moves receipts marks the earliest date it touched, as before.
create function mark_portfolio_stale_by_row() returns trigger language plpgsql as $$
begin
    insert into portfolio_stale as s (tenant_id, since)
    select new.tenant_id, least(old.business_date, new.business_date)
     where not exists (select 1 from portfolio_stale k
                        where k.tenant_id = new.tenant_id and k.since <= least(old.business_date, new.business_date))
    on conflict (tenant_id) do update set since = excluded.since where excluded.since < s.since;
    return null;
end
$$;

drop trigger purchase_marks_portfolio_stale_on_update on purchase;
drop function mark_portfolio_stale_on_update();
create trigger purchase_marks_portfolio_stale_on_update
    after update of business_date, customer_id, status, total on purchase
    for each row
    when ((old.business_date, old.customer_id, old.status, old.total)
              is distinct from (new.business_date, new.customer_id, new.status, new.total))
    execute function mark_portfolio_stale_by_row();
