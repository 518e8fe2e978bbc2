-- Two business rules said once, where the database computes them (DESIGN §3, §8):
--
-- portfolio_segment: a customer's segment from their counted visits, the days from first to last visit and
-- what they spent, under the shop's thresholds (初回 one visit; よちよち before the first tenure; コツコツ under
-- the amount; 流行 before the second tenure; else 優良). The night's portfolio and month ends call it.
-- segments.Thresholds#cellOf says the same rule in Java for one customer's explanation; a test holds the two
-- together.
--
-- trade_area_tier: the trade area (商圏) of a customer: 1 the neighbourhood (the towns the owner listed),
-- 3 online, 4 SNS, 2 the other customers who come to the shop. The dashboard counts by it, the customer list
-- filters by it and a campaign chooses by it.
--
-- Both are immutable SQL functions of one expression, which the planner inlines into the calling statement:
-- no plan changes, and nothing of a shop's data is read inside them (so they need no tenant). Written with a quoted body, the
-- form that Citus propagates to its workers.
create function portfolio_segment(visits bigint, tenure_days bigint, amount numeric,
                                  first_tenure_days bigint, amount_threshold numeric, second_tenure_days bigint)
    returns text language sql immutable parallel safe as $$
    select case when visits <= 1 then 'FIRST'
                when tenure_days < first_tenure_days then 'TODDLER'
                when amount < amount_threshold then 'STEADY'
                when tenure_days < second_tenure_days then 'TREND'
                else 'LOYAL' end
$$;

create function trade_area_tier(town text, acquisition_channel text, neighbourhood text[])
    returns integer language sql immutable parallel safe as $$
    select case when town = any(neighbourhood) then 1
                when acquisition_channel = 'ONLINE' then 3
                when acquisition_channel = 'SNS' then 4
                else 2 end
$$;
