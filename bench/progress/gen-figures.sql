-- The maintained figures of the whole registry computed in SQL, with the same rules as the app's
-- FiguresRecount (MembershipLedger): a stay starts with a join, or a transfer in when the member's previous
-- stay ended by TRANSFER that day; it ends with a departure or a transfer out. Every flow is credited to the
-- grassroots union's month row, and to the day row of its upper-level union and of every unit above it.
-- Valid for a tree that never changed (as gen-registry.sql makes); run.sh checks it against the app's recount.
\set ON_ERROR_STOP on
set synchronous_commit = off;
set work_mem = '512MB';
set maintenance_work_mem = '512MB';
truncate unit_day_figure, unit_month_figure, unit_year_figure, grassroots_union_month, grassroots_union_total;

create temp table transfer_end as
select member_id, end_on from membership_period where end_reason = 'TRANSFER';
create index on transfer_end (member_id, end_on);
analyze transfer_end;

create temp view stay_event as
select p.member_id as mid, p.grassroots_union_id as gu, p.start_on as d,
       case when t.member_id is null then 1 else 0 end as j, 0 as l,
       case when t.member_id is null then 0 else 1 end as ti, 0 as tout
from membership_period p left join transfer_end t on t.member_id = p.member_id and t.end_on = p.start_on
union all
select member_id, grassroots_union_id, end_on, 0, case when end_reason = 'TRANSFER' then 0 else 1 end,
       0, case when end_reason = 'TRANSFER' then 1 else 0 end
from membership_period where end_on is not null;

insert into grassroots_union_month (grassroots_union_id, month_start, joined, left_count, transfers_in, transfers_out)
select gu, cast(date_trunc('month', d) as date), sum(j), sum(l), sum(ti), sum(tout)
from stay_event group by 1, 2;

insert into grassroots_union_total (grassroots_union_id, joined, left_count, transfers_in, transfers_out)
select grassroots_union_id, sum(joined), sum(left_count), sum(transfers_in), sum(transfers_out)
from grassroots_union_month group by 1;

-- The figures by dimension (V16, unit_dimension_figure) are not generated here: the app builds them from the
-- registry at its first start (figures.DimensionsBuild), which run.sh times as the migration of a populated database.

-- Flows per upper-level union and day (members, and foundings of grassroots unions).
create temp table ulu_day as
select u, d, sum(j) as j, sum(l) as l, sum(ti) as ti, sum(tout) as tout, sum(uf) as uf from (
    select g.upper_level_unit_id as u, e.d, e.j, e.l, e.ti, e.tout, 0 as uf
    from stay_event e join grassroots_union g on g.id = e.gu
    union all
    select upper_level_unit_id, founded_on, 0, 0, 0, 0, 1 from grassroots_union
) x group by u, d;

-- Every unit with itself and its ancestors.
create temp table above as
with recursive a(unit_id, ancestor_id) as (
    select id, id from unit
    union all
    select a.unit_id, l.parent_id from a join unit_link l on l.unit_id = a.ancestor_id
)
select * from a;

insert into unit_day_figure (unit_id, figure_day, joined, left_count, transfers_in, transfers_out,
                             unions_founded, unions_dissolved, unions_moved_in, unions_moved_out)
select a.ancestor_id, x.d, sum(x.j), sum(x.l), sum(x.ti), sum(x.tout), sum(x.uf), 0, 0, 0
from ulu_day x join above a on a.unit_id = x.u
group by a.ancestor_id, x.d;

insert into unit_month_figure (unit_id, month_start, joined, left_count, transfers_in, transfers_out,
                               unions_founded, unions_dissolved, unions_moved_in, unions_moved_out)
select unit_id, cast(date_trunc('month', figure_day) as date), sum(joined), sum(left_count), sum(transfers_in),
       sum(transfers_out), sum(unions_founded), sum(unions_dissolved), sum(unions_moved_in), sum(unions_moved_out)
from unit_day_figure group by 1, 2;

insert into unit_year_figure (unit_id, year_start, joined, left_count, transfers_in, transfers_out,
                              unions_founded, unions_dissolved, unions_moved_in, unions_moved_out)
select unit_id, cast(date_trunc('year', month_start) as date), sum(joined), sum(left_count), sum(transfers_in),
       sum(transfers_out), sum(unions_founded), sum(unions_dissolved), sum(unions_moved_in), sum(unions_moved_out)
from unit_month_figure group by 1, 2;

vacuum analyze unit_day_figure;
vacuum analyze unit_month_figure;
vacuum analyze unit_year_figure;
vacuum analyze grassroots_union_month;
vacuum analyze grassroots_union_total;
