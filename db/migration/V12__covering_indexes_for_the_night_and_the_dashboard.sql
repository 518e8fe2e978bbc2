-- Indexes that answer the night's and the dashboard's reads without visiting the tables (ADR 0004).

-- The night reads every completed purchase of a shop in customer and day order: with the status and total
-- in the index, an index-only scan already in order, with no sort of the shop's whole history. It serves
-- every lookup the narrower index on the same columns did, which it replaces.
create index purchase_visits on purchase (tenant_id, customer_id, business_date) include (status, total);
drop index purchase_by_customer;

-- The dashboard reads a period's purchases by day: who bought, what for and how many items.
drop index purchase_by_date;
create index purchase_by_date on purchase (tenant_id, business_date) include (customer_id, status, total, item_count);

-- The 優良 customers at the start of a period, among a month end's snapshot of every customer.
create index portfolio_snapshot_loyal on portfolio_snapshot (tenant_id, month, customer_id) where segment = 'LOYAL';
