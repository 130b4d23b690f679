-- Targets (chỉ tiêu) that cascade down the tree: a child target allocates part of its parent to a child unit.
create sequence target_seq start with 1 increment by 50;

create table target (
    id               bigint         not null primary key,
    name             varchar(255)   not null,
    reference        varchar(255),
    scope_unit_id    bigint         not null references unit (id),
    metric           varchar(32)    not null,
    target_value     numeric(18, 4) not null,
    min_workforce    integer,
    baseline_date    date           not null,
    deadline         date           not null,
    parent_target_id bigint references target (id),
    version          bigint         not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint ck_target_dates check (deadline > baseline_date),
    constraint ck_target_value check (target_value >= 0),
    constraint uq_target_allocation unique (parent_target_id, scope_unit_id)
);
create index ix_target_scope on target (scope_unit_id);
create index ix_target_parent on target (parent_target_id);
create index ix_target_metric on target (metric, name);
create index ix_target_name on target (name);
create index ix_target_deadline on target (deadline);
