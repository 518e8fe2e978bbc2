-- The counter: search keys on customers, consent awaiting confirmation, corrections of purchases, the
-- installed base's lifecycle and the audit log.

-- ---------------------------------------------------------------------------------------------------
-- Search keys. One definition, in the database, for every writer (counter, public page, import, demo)
-- and for the search terms themselves: clerks type kana in either script and width, phones in any format.

create function kana_key(reading text) returns text
    language sql immutable parallel safe
    return nullif(translate(normalize(coalesce(reading, ''), NFKC),
        'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ ・',
        'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ'), '');

create function name_key(name text) returns text
    language sql immutable parallel safe
    return nullif(lower(regexp_replace(normalize(coalesce(name, ''), NFKC), '\s', '', 'g')), '');

-- 090-1234-5678, ０９０（１２３４）５６７８ and +81 90 1234 5678 are one number: 09012345678.
create function phone_key(phone text) returns text
    language sql immutable parallel safe
    return nullif(case
        when normalize(coalesce(phone, ''), NFKC) ~ '^\s*\+81'
            then '0' || substr(regexp_replace(normalize(phone, NFKC), '[^0-9]', '', 'g'), 3)
        else regexp_replace(normalize(coalesce(phone, ''), NFKC), '[^0-9]', '', 'g')
    end, '');

-- The end of the range of keys that start with a prefix: ~>=~ prefix and ~<~ prefix_end(prefix) is a
-- prefix search that a btree answers. It is used instead of LIKE because row-level security keeps
-- non-leakproof operators (LIKE, lower(), right()…) on table columns out of index conditions, while the
-- byte-wise comparison operators and equality are leakproof.
create function prefix_end(prefix text) returns text
    language sql immutable parallel safe
    return left(prefix, -1) || chr(ascii(right(prefix, 1)) + 1);

drop index customer_phone;
drop index customer_kana;
drop index customer_email;
alter table customer drop column phone_normalized;
alter table customer
    add column phone_normalized text generated always as (phone_key(phone)) stored,
    add column kana_key         text generated always as (kana_key(name_kana)) stored,
    add column name_key         text generated always as (name_key(name)) stored,
    add column phone_last4      text generated always as (right(phone_key(phone), 4)) stored,
    add column email_key        text generated always as (lower(trim(email))) stored,
    add column code_key         text generated always as (lower(code)) stored,
    add column updated_at       timestamptz not null default now(),
    add column updated_by       bigint,
    add column archived_at      timestamptz,
    add column retired_at       timestamptz,
    add column merged_into_id   bigint,
    add foreign key (tenant_id, updated_by) references account (tenant_id, id),
    add foreign key (tenant_id, merged_into_id) references customer (tenant_id, id),
    add constraint customer_acquisition_channel
        check (acquisition_channel in ('WALK_IN', 'REFERRAL', 'ONLINE', 'SNS', 'EVENT', 'FLYER', 'OTHER'));

create index customer_phone on customer (tenant_id, phone_normalized text_pattern_ops);
create index customer_phone_last4 on customer (tenant_id, phone_last4);
create index customer_kana on customer (tenant_id, kana_key text_pattern_ops);
create index customer_name on customer (tenant_id, name_key text_pattern_ops);
create index customer_email on customer (tenant_id, email_key text_pattern_ops);
create index customer_code_prefix on customer (tenant_id, code_key text_pattern_ops);
create index customer_kana_birthday on customer (tenant_id, kana_key, birthday) where birthday is not null;

-- ---------------------------------------------------------------------------------------------------
-- Consent given on the public page counts only once the customer confirms by the emailed link; until then
-- the ledger shows it pending.
alter table consent
    add column pending boolean not null default false,
    add constraint consent_pending_is_a_grant check (not pending or granted);

-- ---------------------------------------------------------------------------------------------------
-- Purchases are corrected, never silently overwritten: the status change says who and why, an edit is an
-- audit event with before and after. client_key makes a double-clicked "save" one purchase.
alter table purchase
    add column staff_note        text,
    add column client_key        uuid,
    add column updated_at        timestamptz not null default now(),
    add column status_changed_at timestamptz,
    add column status_changed_by bigint,
    add column status_reason     text,
    add foreign key (tenant_id, status_changed_by) references account (tenant_id, id);
create unique index purchase_client_key on purchase (tenant_id, client_key);
create index purchase_by_customer_time on purchase (tenant_id, customer_id, purchased_at desc);

-- ---------------------------------------------------------------------------------------------------
-- The installed base: where each owned product came from, and when it stopped counting (its purchase was
-- cancelled or returned, or the customer no longer has it).
alter table owned_product
    add column source     text        not null default 'PURCHASE'
        check (source in ('PURCHASE', 'STAFF', 'CUSTOMER', 'IMPORT')),
    add column created_at timestamptz not null default now(),
    add column created_by bigint,
    add column ended_at   timestamptz,
    add foreign key (tenant_id, created_by) references account (tenant_id, id);
create index owned_product_by_purchase on owned_product (tenant_id, source_purchase_id);
create index owned_product_by_model on owned_product (tenant_id, product_model_id);

-- ---------------------------------------------------------------------------------------------------
-- What was done to personal data and to sales records, by whom: exports, retirements, merges, corrections.
create table audit_event (
    tenant_id    bigint      not null references shop (id),
    id           bigint generated by default as identity,
    occurred_at  timestamptz not null default now(),
    actor_id     bigint,
    action       text        not null,
    subject_type text        not null,
    subject_id   bigint,
    details      jsonb       not null default '{}',
    primary key (tenant_id, id),
    foreign key (tenant_id, actor_id) references account (tenant_id, id)
);
create index audit_event_recent on audit_event (tenant_id, occurred_at desc);
create index audit_event_by_subject on audit_event (tenant_id, subject_type, subject_id);
alter table audit_event enable row level security;
create policy audit_event_isolation on audit_event
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
