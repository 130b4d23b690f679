-- Monthly rollup of unit_day_figure, so that reading a unit's figures on a day costs units x months rows,
-- not units x days (and never members).
--
-- unit_month_figure: for every unit and month, the sums of that month's unit_day_figure rows (the same
--   eight flows). MembershipLedger writes both tables from the same deltas in the same transaction, and
--   FiguresRecount rebuilds and compares both. A back-dated change touches the day row of its date and the
--   month row of that month, for each affected ancestor; the months after it are unchanged (they hold flows,
--   not stocks).
--   The stock of unit U on day d = the sum of U's month rows with month_start before d's month
--                                + the sum of U's day rows from the first of d's month up to d
--   (and when d is the last day of its month, simply the sum of U's month rows up to d's month).

create table unit_month_figure (
    unit_id          bigint  not null references unit (id),
    month_start      date    not null,
    joined           integer not null,
    left_count       integer not null,
    transfers_in     integer not null,
    transfers_out    integer not null,
    unions_founded   integer not null,
    unions_dissolved integer not null,
    unions_moved_in  integer not null,
    unions_moved_out integer not null,
    primary key (unit_id, month_start)
);

-- Existing figures (databases migrated from V7) are rolled up once.
insert into unit_month_figure (unit_id, month_start, joined, left_count, transfers_in, transfers_out,
                               unions_founded, unions_dissolved, unions_moved_in, unions_moved_out)
select unit_id, cast(date_trunc('month', figure_day) as date), sum(joined), sum(left_count), sum(transfers_in),
       sum(transfers_out), sum(unions_founded), sum(unions_dissolved), sum(unions_moved_in), sum(unions_moved_out)
from unit_day_figure
group by unit_id, cast(date_trunc('month', figure_day) as date);
