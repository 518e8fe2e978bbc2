-- Statistics that Joren keeps up itself (issue 18). Autovacuum may be off (these machines) or not yet round
-- (any database, for a while after a bulk write), and a planner whose statistics were taken when a table was
-- small, or before a new shop's rows arrived, takes the new shop for one row: its joins became nested loops
-- that filtered the whole shop once per row (10 s for today's list, minutes for the dashboard's trade area, on
-- a 100,000-customer shop generated after the database was last analysed).
--
-- After its own bulk writes (a night, a generated shop) Joren analyses the tables that need it, by the rule
-- autovacuum would follow: rows changed since the last analysis beyond 50 + 10% of the table, or the table
-- grown on disk by more than 10% since then (the file's size is always current; the change counts of the
-- calling connection may not have been published yet). A table being analysed elsewhere is skipped, not waited
-- for. Returns the tables it analysed.
create function analyze_stale_tables() returns setof text
    language plpgsql security definer set search_path = public
as $$
declare
    stale record;
begin
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
end
$$;
revoke all on function analyze_stale_tables() from public;
grant execute on function analyze_stale_tables() to ${app_role};
