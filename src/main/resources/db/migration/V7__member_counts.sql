-- Monthly member counts reported for grassroots unions that do not keep member lists here.
create table grassroots_union_member_count (
    grassroots_union_id bigint  not null references grassroots_union (id),
    month_start         date    not null,
    members             integer,
    joined              integer,
    left_count          integer,
    workforce           integer,
    note                varchar(500),
    version             bigint  not null,
    updated_at          timestamp with time zone not null,
    primary key (grassroots_union_id, month_start),
    constraint ck_member_count_values check ((members is null or members >= 0) and (joined is null or joined >= 0)
        and (left_count is null or left_count >= 0) and (workforce is null or workforce >= 0))
);
create index ix_member_count_month on grassroots_union_member_count (month_start);
