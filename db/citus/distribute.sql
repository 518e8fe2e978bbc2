-- Distributes a migrated Joren database over a Citus cluster: each shop's rows on one node.
--
-- Run once, on the coordinator, as a superuser, in the Citus-enabled database Joren's migrations built (after
-- `create extension citus` and the workers were added there; README "Running on Citus"). It is plain SQL, each
-- statement in its own transaction (as psql runs a file), and can be run again: what is already distributed is
-- left as it is.
--   psql -v ON_ERROR_STOP=1 -h <coordinator> -d joren -f db/citus/distribute.sql
-- The shard count is Citus's (citus.shard_count, 32 unless set in the session first).
--
-- * Reference tables (a copy on every node): the shop itself and what is looked up before any shop is known,
--   by an email, a token hash or a webhook key that is unique across shops: account, password_reset,
--   staff_invitation, line_account.
-- * Distributed by tenant_id, all co-located: every other table with a tenant_id. A shop's customers,
--   purchases, messages… share a shard, so a statement naming its shop runs on one node.
-- * Local to the coordinator: what has no shop (Flyway's history, Quartz's tables, HTTP sessions, the
--   platform's attempt counters and sign-ups).

-- Purchase and purchase_line keep their item counts and the month-end marks by row triggers that write the
-- co-located shard of the same shop, on the same node (V42); on one server they are statement triggers with
-- transition tables (V43), which a distributed table cannot have: the row triggers take their place first.
-- Citus calls any trigger on a distributed table "unsafe" and wants this said, here and in the migrations that
-- come after (so for the database).
set citus.enable_unsafe_triggers = on;
-- one transaction makes the tables and then their foreign keys: Citus must do it over one connection per node
set citus.multi_shard_modify_mode = 'sequential';
do $$ begin
    execute format('alter database %I set citus.enable_unsafe_triggers = on', current_database());
end $$;

do $$ begin
    if not exists (select 1 from pg_dist_partition where logicalrelid = 'purchase'::regclass) then
        perform purchase_counts_by_row();
    end if;
end $$;

do $$
declare
    v_reference constant text[] := array['shop', 'account', 'password_reset', 'staff_invitation', 'line_account'];
    v_shop_tables text[];
    v_table text;
    v_key record;
begin
    -- the shop tables not yet distributed
    select coalesce(array_agg(c.relname::text order by c.relname), '{}') into v_shop_tables
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r'
       and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
       and c.relname <> all (v_reference)
       and not exists (select 1 from pg_dist_partition d where d.logicalrelid = c.oid and d.partmethod = 'h');

    -- Their foreign keys are set aside while the tables move and made again after. Left in place, making
    -- `shop` a reference table would first turn every table pointing at it into a "Citus local" table,
    -- which Citus cannot distribute afterwards where it has an identity column (most of Joren's do).
    create temporary table joren_foreign_key on commit drop as
    select f.conrelid::regclass as on_table, f.conname as name, pg_get_constraintdef(f.oid) as definition
      from pg_constraint f
     where f.contype = 'f'
       and (f.conrelid::regclass::text = any (v_shop_tables || v_reference)
            or f.confrelid::regclass::text = any (v_shop_tables || v_reference));
    for v_key in select * from joren_foreign_key loop
        execute format('alter table %s drop constraint %I', v_key.on_table, v_key.name);
    end loop;

    foreach v_table in array v_reference loop
        if not exists (select 1 from pg_dist_partition where logicalrelid = v_table::regclass and repmodel = 't') then
            perform create_reference_table(v_table::regclass);
        end if;
    end loop;
    foreach v_table in array v_shop_tables loop
        perform create_distributed_table(v_table::regclass, 'tenant_id', colocate_with => 'default');
    end loop;

    for v_key in select * from joren_foreign_key loop
        execute format('alter table %s add constraint %I %s', v_key.on_table, v_key.name, v_key.definition);
    end loop;
end $$;

-- Copying an existing table's rows leaves them behind on the coordinator until this runs.
do $$
declare
    v_table regclass;
begin
    for v_table in select logicalrelid from pg_dist_partition where partmethod in ('h', 'n') loop
        perform truncate_local_data_after_distributing_table(v_table);
    end loop;
exception when others then
    -- an empty table has nothing left behind; Citus refuses the call for one with foreign keys pointing in
    raise notice 'left local copies as they are: %', sqlerrm;
end $$;

-- The sequences behind the identity columns went to the workers with the tables (an insert that runs on a
-- worker draws its id there) but without their grants, and Citus does not pass a grant on such a sequence
-- along: the same grants are made on each worker.
do $$
declare
    v_grant record;
    v_worker record;
begin
    for v_grant in
        select c.oid::regclass as sequence, a.grantee::regrole as grantee,
               string_agg(a.privilege_type, ', ') as privileges
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
         cross join lateral aclexplode(c.relacl) a
         where n.nspname = 'public' and c.relkind = 'S' and a.grantee <> c.relowner
           -- the sequences of distributed and reference tables: a local table's sequence stays on the coordinator
           and exists (select 1 from pg_depend d join pg_dist_partition t on t.logicalrelid = d.refobjid
                        where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i'))
         group by 1, 2
    loop
        for v_worker in select * from run_command_on_workers(
                format('grant %s on sequence %s to %s', v_grant.privileges, v_grant.sequence, v_grant.grantee)) loop
            if not v_worker.success then
                raise exception 'grant on % at %:%: %', v_grant.sequence, v_worker.nodename, v_worker.nodeport,
                    v_worker.result;
            end if;
        end loop;
    end loop;
end $$;
