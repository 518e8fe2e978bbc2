-- A sale withdraws the customer's waiting messages (queued, or awaiting the owner's approval) and an unsubscribe
-- holds them. Both look up one customer's open messages on every sale or click; the index on queued ones alone
-- could not serve "queued or awaiting", so each sale scanned the shop's whole outbox history.
create index outbox_message_open_by_customer on outbox_message (tenant_id, customer_id)
    where status in ('QUEUED', 'AWAITING_APPROVAL');
drop index outbox_message_by_customer;
