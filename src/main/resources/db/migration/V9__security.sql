-- Security: users, refresh tokens, API keys, audit trail, online join requests, and personal data at rest.

-- Personal data at rest: national ID, passport number and phone are stored encrypted (AES-GCM, see
-- security/PersonalData), so the columns grow; national_id_hash is a keyed HMAC of the national ID used to find
-- duplicates and to search without reading the value back. identity_key and active_identity_key carry the
-- HMAC instead of the clear value. Rows written before this migration are converted at the first start by
-- security/PersonalDataMigration (the keys live outside the database, so SQL alone cannot do it).
alter table member alter column national_id set data type varchar(200);
alter table member alter column passport_number set data type varchar(200);
alter table member alter column phone set data type varchar(200);
alter table member alter column identity_key set data type varchar(100);
alter table member alter column active_identity_key set data type varchar(100);
alter table member add column national_id_hash varchar(64);
create index ix_member_national_id_hash on member (national_id_hash);

create sequence app_user_seq start with 1 increment by 50;
create table app_user (
    id            bigint       not null primary key,
    username      varchar(100) not null,
    password_hash varchar(100) not null,
    role          varchar(16)  not null,
    unit_id       bigint references unit (id),
    member_id     bigint references member (id),
    enabled       boolean      not null,
    created_at    timestamp with time zone not null,
    constraint uq_app_user_username unique (username),
    constraint ck_app_user_role check (role in ('ADMIN', 'OFFICER', 'ANALYST', 'MEMBER')),
    constraint ck_app_user_officer check (role <> 'OFFICER' or unit_id is not null),
    constraint ck_app_user_member check (role <> 'MEMBER' or member_id is not null)
);

create sequence refresh_token_seq start with 1 increment by 50;
create table refresh_token (
    id          bigint      not null primary key,
    user_id     bigint      not null references app_user (id),
    token_hash  varchar(64) not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    created_at  timestamp with time zone not null,
    constraint uq_refresh_token_hash unique (token_hash)
);
create index ix_refresh_token_user on refresh_token (user_id);

create sequence api_key_seq start with 1 increment by 50;
create table api_key (
    id           bigint       not null primary key,
    name         varchar(200) not null,
    prefix       varchar(16)  not null,
    key_hash     varchar(64)  not null,
    unit_id      bigint       not null references unit (id),
    created_by   varchar(100) not null,
    created_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    last_used_at timestamp with time zone,
    constraint uq_api_key_hash unique (key_hash)
);

create sequence audit_entry_seq start with 1 increment by 1;
create table audit_entry (
    id                  bigint       not null primary key,
    occurred_at         timestamp with time zone not null,
    actor               varchar(100) not null,
    actor_role          varchar(16),
    api_key_id          bigint,
    client_address      varchar(64),
    user_agent          varchar(300),
    entity_type         varchar(64)  not null,
    entity_id           varchar(64),
    action              varchar(16)  not null,
    -- The unit or grassroots union the entity belonged to, so officers see the trail of their subtree.
    unit_id             bigint,
    grassroots_union_id bigint,
    changes             varchar(8000)
);
create index ix_audit_entity on audit_entry (entity_type, entity_id, occurred_at);
create index ix_audit_actor on audit_entry (actor, occurred_at);
create index ix_audit_time on audit_entry (occurred_at);

create sequence join_request_seq start with 1 increment by 50;
create table join_request (
    id                  bigint       not null primary key,
    reference           varchar(20)  not null,
    secret_hash         varchar(64)  not null,
    status              varchar(16)  not null,
    full_name           varchar(255) not null,
    date_of_birth       date,
    gender              varchar(8),
    nationality         varchar(2)   not null,
    national_id         varchar(200),
    national_id_hash    varchar(64),
    passport_number     varchar(200),
    phone               varchar(200),
    email               varchar(254),
    employer_tax_code   varchar(14)  not null,
    enterprise_id       bigint references enterprise (id),
    grassroots_union_id bigint references grassroots_union (id),
    unit_id             bigint references unit (id),
    -- GRASSROOTS_UNION when the enterprise has an active union, RECRUITMENT_LEAD when it goes to the upper level.
    routing             varchar(20)  not null,
    decided_by          varchar(100),
    decided_at          timestamp with time zone,
    rejection_reason    varchar(500),
    member_id           bigint references member (id),
    client_address      varchar(64),
    version             bigint       not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint uq_join_request_reference unique (reference),
    constraint ck_join_request_status check (status in ('PENDING', 'APPROVED', 'REJECTED'))
);
create index ix_join_request_gu on join_request (grassroots_union_id, status);
create index ix_join_request_unit on join_request (unit_id, status);
