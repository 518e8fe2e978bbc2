-- A customer's current consent on a channel: the latest entry of the consent ledger for advertising. The outbox,
-- the postal list, the customer list, the customer page and the dashboard all read it here, so "may we send
-- this person an advertisement" has one answer. A pending entry (a double opt-in not yet confirmed) is not a
-- consent; a refusal is withdrawn whatever else it says.
--
-- As a view with security_invoker, it is read under the reader's row-level security. A caller's
-- tenant_id/customer_id/channel conditions reach the consent_latest index through the DISTINCT ON, so one
-- customer's consent is a few index entries, and the whole shop's is one ordered pass.
create view current_consent with (security_invoker = true) as
select distinct on (k.tenant_id, k.customer_id, k.channel)
       k.tenant_id, k.customer_id, k.channel,
       k.granted and not k.pending as granted,
       case when not k.granted then 'WITHDRAWN' when k.pending then 'PENDING' else 'GRANTED' end as state
  from consent k
 where k.purpose = 'ADVERTISING'
 order by k.tenant_id, k.customer_id, k.channel, k.recorded_at desc, k.id desc;
