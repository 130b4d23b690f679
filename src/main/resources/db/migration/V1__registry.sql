-- The registry: organisation tree, enterprises, grassroots unions, members.
-- Written for both H2 (MODE=PostgreSQL) and PostgreSQL. Ids come from sequences with an increment
-- of 50 so that Hibernate can batch inserts (pooled optimizer).
-- Dated links are half-open: valid on d when valid_from <= d and (valid_to is null or d < valid_to).

create sequence unit_seq start with 1 increment by 50;
create sequence unit_link_seq start with 1 increment by 50;
create sequence enterprise_seq start with 1 increment by 50;
create sequence grassroots_union_seq start with 1 increment by 50;
create sequence grassroots_union_link_seq start with 1 increment by 50;
create sequence member_seq start with 1 increment by 50;
create sequence membership_period_seq start with 1 increment by 50;

create table unit (
    id            bigint       not null primary key,
    kind          varchar(32)  not null,
    category      varchar(32),
    code          varchar(64)  not null,
    name          varchar(255) not null,
    search_text   varchar(600) not null,
    province_code varchar(8),
    valid_from    date         not null,
    valid_to      date,
    version       bigint       not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint uq_unit_code unique (code),
    constraint ck_unit_validity check (valid_to is null or valid_to > valid_from)
);
create index ix_unit_kind_name on unit (kind, name);
create index ix_unit_name on unit (name);
create index ix_unit_province on unit (province_code);
create index ix_unit_search on unit (search_text);

create table unit_link (
    id         bigint not null primary key,
    unit_id    bigint not null references unit (id),
    parent_id  bigint not null references unit (id),
    valid_from date   not null,
    valid_to   date,
    constraint ck_unit_link_validity check (valid_to is null or valid_to > valid_from),
    constraint ck_unit_link_self check (unit_id <> parent_id)
);
create index ix_unit_link_unit on unit_link (unit_id, valid_from);
create index ix_unit_link_parent on unit_link (parent_id, valid_from);

create table enterprise (
    id                  bigint       not null primary key,
    tax_code            varchar(14)  not null,
    name                varchar(255) not null,
    search_text         varchar(600) not null,
    ownership           varchar(20)  not null,
    investor_country    varchar(2),
    industry            varchar(1)   not null,
    province_code       varchar(8)   not null,
    address             varchar(500),
    workforce           integer,
    workforce_as_of     date,
    upper_level_unit_id bigint references unit (id),
    has_independent_workers_organisation boolean not null,
    version             bigint       not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint uq_enterprise_tax_code unique (tax_code),
    constraint ck_enterprise_workforce check (workforce is null or workforce >= 0)
);
create index ix_enterprise_name on enterprise (name);
create index ix_enterprise_province on enterprise (province_code, workforce);
create index ix_enterprise_ownership on enterprise (ownership, workforce);
create index ix_enterprise_workforce on enterprise (workforce);
create index ix_enterprise_upper_unit on enterprise (upper_level_unit_id, workforce);
create index ix_enterprise_industry on enterprise (industry);
create index ix_enterprise_search on enterprise (search_text);

create table grassroots_union (
    id                  bigint       not null primary key,
    code                varchar(64)  not null,
    name                varchar(255) not null,
    search_text         varchar(600) not null,
    upper_level_unit_id bigint       not null references unit (id),
    enterprise_id       bigint references enterprise (id),
    founded_on          date         not null,
    dissolved_on        date,
    status              varchar(16)  not null,
    chair_member_id     bigint,
    version             bigint       not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint uq_grassroots_union_code unique (code),
    constraint ck_grassroots_union_dates check (dissolved_on is null or dissolved_on > founded_on)
);
create index ix_grassroots_union_name on grassroots_union (name);
create index ix_grassroots_union_upper_unit on grassroots_union (upper_level_unit_id, status);
create index ix_grassroots_union_enterprise on grassroots_union (enterprise_id, status);
create index ix_grassroots_union_status on grassroots_union (status);
create index ix_grassroots_union_search on grassroots_union (search_text);

-- Where a grassroots union sat in the tree over time (its upper-level union), like unit_link.
create table grassroots_union_link (
    id                  bigint not null primary key,
    grassroots_union_id bigint not null references grassroots_union (id),
    unit_id             bigint not null references unit (id),
    valid_from          date   not null,
    valid_to            date,
    constraint ck_grassroots_union_link_validity check (valid_to is null or valid_to > valid_from)
);
create index ix_gu_link_union on grassroots_union_link (grassroots_union_id, valid_from);
create index ix_gu_link_unit on grassroots_union_link (unit_id, valid_from);

create table member (
    id                  bigint       not null primary key,
    card_number         varchar(20)  not null,
    full_name           varchar(255) not null,
    search_text         varchar(600) not null,
    date_of_birth       date,
    gender              varchar(8),
    nationality         varchar(2)   not null,
    national_id         varchar(12),
    passport_number     varchar(20),
    -- NID:<national id> or PP:<nationality>:<passport>; active_identity_key holds it only while ACTIVE,
    -- so the unique index lets one active member per person and any number of past ones.
    identity_key        varchar(40)  not null,
    active_identity_key varchar(40),
    phone               varchar(20),
    email               varchar(254),
    grassroots_union_id bigint       not null references grassroots_union (id),
    joined_on           date         not null,
    status              varchar(16)  not null,
    left_on             date,
    leave_reason        varchar(500),
    version             bigint       not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint uq_member_card_number unique (card_number),
    constraint uq_member_active_identity unique (active_identity_key),
    constraint ck_member_dates check (left_on is null or left_on >= joined_on)
);
create index ix_member_union_status on member (grassroots_union_id, status);
create index ix_member_status on member (status);
create index ix_member_name on member (full_name);
create index ix_member_joined on member (joined_on);
create index ix_member_identity on member (identity_key);
create index ix_member_search on member (search_text);

alter table grassroots_union add constraint fk_grassroots_union_chair foreign key (chair_member_id) references member (id);

-- Every period a member spent in one grassroots union: [start_on, end_on).
create table membership_period (
    id                  bigint      not null primary key,
    member_id           bigint      not null references member (id),
    grassroots_union_id bigint      not null references grassroots_union (id),
    start_on            date        not null,
    end_on              date,
    end_reason          varchar(16),
    constraint ck_membership_period_dates check (end_on is null or end_on >= start_on)
);
create index ix_membership_period_member on membership_period (member_id, start_on);
create index ix_membership_period_union on membership_period (grassroots_union_id, start_on);

create table member_classification (
    member_id      bigint      not null references member (id),
    eval_year      integer     not null,
    classification varchar(16) not null,
    version        bigint      not null,
    updated_at     timestamp with time zone not null,
    primary key (member_id, eval_year)
);
