-- Yearly rollup of unit_month_figure: a unit's stock on a day sums its flows since its first figure, about a
-- hundred month rows per unit after eight years; with the years rolled up it is one row per earlier year, the
-- months of the day's year before its month, and the day rows of its month.
--
-- unit_year_figure: for every unit and year (keyed by 1 January), the sums of that year's unit_month_figure rows
--   (the same eight flows), written from the same deltas in the same transaction by MembershipLedger, and
--   rebuilt and compared by FiguresRecount.
--   The stock of unit U on day d = the sum of U's year rows before d's year
--                                + the sum of U's month rows from 1 January of d's year to before d's month
--                                + the sum of U's day rows from the first of d's month up to d.

create table unit_year_figure (
    unit_id          bigint  not null references unit (id),
    year_start       date    not null,
    joined           integer not null,
    left_count       integer not null,
    transfers_in     integer not null,
    transfers_out    integer not null,
    unions_founded   integer not null,
    unions_dissolved integer not null,
    unions_moved_in  integer not null,
    unions_moved_out integer not null,
    primary key (unit_id, year_start)
);

insert into unit_year_figure (unit_id, year_start, joined, left_count, transfers_in, transfers_out,
                              unions_founded, unions_dissolved, unions_moved_in, unions_moved_out)
select unit_id, cast(date_trunc('year', month_start) as date), sum(joined), sum(left_count), sum(transfers_in),
       sum(transfers_out), sum(unions_founded), sum(unions_dissolved), sum(unions_moved_in), sum(unions_moved_out)
from unit_month_figure
group by unit_id, cast(date_trunc('year', month_start) as date);
