-- Sync: the change feed, member ids owned by upper-level unions' systems, file import jobs.
-- Written for both H2 (MODE=PostgreSQL) and PostgreSQL.

-- One row holding the last sequence number handed to the change feed. A writing transaction takes its
-- numbers from it just before it commits, holding the row lock until the commit: numbers therefore become
-- visible in increasing order, with no gaps, and a reader that follows them misses nothing.
create table change_counter (
    id       integer not null primary key,
    last_seq bigint  not null
);
insert into change_counter (id, last_seq) values (1, 0);

create table change_log (
    seq              bigint      not null primary key,
    entity_type      varchar(20) not null,
    entity_id        bigint      not null,
    operation        varchar(10) not null,
    -- the unit the entity sat under when it changed (itself for a unit), and where it came from on a move
    unit_id          bigint,
    previous_unit_id bigint,
    changed_at       timestamp with time zone not null
);
create index ix_change_log_unit on change_log (unit_id, seq);
create index ix_change_log_previous_unit on change_log (previous_unit_id, seq);

-- Rows written before the feed existed enter it once, as creations.
insert into change_log (seq, entity_type, entity_id, operation, unit_id, changed_at)
select row_number() over (order by t, id), entity_type, id, 'CREATED', unit_id, current_timestamp
from (
    select 1 as t, 'UNIT' as entity_type, id, id as unit_id from unit
    union all select 2, 'ENTERPRISE', id, upper_level_unit_id from enterprise
    union all select 3, 'GRASSROOTS_UNION', id, upper_level_unit_id from grassroots_union
    union all select 4, 'MEMBER', m.id, g.upper_level_unit_id
              from member m join grassroots_union g on g.id = m.grassroots_union_id
) existing;
update change_counter set last_seq = (select coalesce(max(seq), 0) from change_log) where id = 1;

-- The id a member has in the system of the upper-level union that sends it (unique per sender).
alter table member add column external_owner_id bigint;
alter table member add column external_id varchar(100);
create unique index uq_member_external on member (external_owner_id, external_id);

create sequence import_job_seq start with 1 increment by 50;
create table import_job (
    id                  bigint       not null primary key,
    status              varchar(16)  not null,
    file_name           varchar(255),
    file_format         varchar(8)   not null,
    content             bytea        not null,
    grassroots_union_id bigint references grassroots_union (id),
    upper_level_unit_id bigint references unit (id),
    rows_total          integer      not null,
    rows_done           integer      not null,
    rows_created        integer      not null,
    rows_updated        integer      not null,
    rows_unchanged      integer      not null,
    rows_rejected       integer      not null,
    failure             varchar(1000),
    version             bigint       not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);
create index ix_import_job_status on import_job (status);

create table import_rejected_row (
    job_id     bigint        not null references import_job (id),
    row_no     integer       not null,
    reason     varchar(2000) not null,
    raw_line   varchar(4000),
    primary key (job_id, row_no)
);
