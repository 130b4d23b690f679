-- Membership figures maintained in the same transaction as every member change, so that progress and
-- statistics never count members row by row.
--
-- grassroots_union_month: a grassroots union's own monthly flows (joins, departures, transfers in/out).
-- unit_day_figure: the same flows per day for every unit above the grassroots, attributed through the
--   dated tree: a member's join is counted in the upper-level union the grassroots union sat under on
--   that day and in every ancestor of it on that day. When a unit or grassroots union moves, the stock it
--   carries is booked as transfers out of the old ancestors and into the new ones on the move date.
--   The stock of unit U on day d is the sum of (joined + transfers_in - left_count - transfers_out)
--   over U's rows with figure_day <= d; its active grassroots unions, likewise, the sum of
--   (unions_founded + unions_moved_in - unions_dissolved - unions_moved_out).
-- unit_reported_figure: official aggregate figures a unit reported for a month (history from before the
--   registry held its members).

create table grassroots_union_month (
    grassroots_union_id bigint  not null references grassroots_union (id),
    month_start         date    not null,
    joined              integer not null,
    left_count          integer not null,
    transfers_in        integer not null,
    transfers_out       integer not null,
    primary key (grassroots_union_id, month_start)
);

create table unit_day_figure (
    unit_id       bigint  not null references unit (id),
    figure_day    date    not null,
    joined        integer not null,
    left_count    integer not null,
    transfers_in  integer not null,
    transfers_out integer not null,
    unions_founded   integer not null,
    unions_dissolved integer not null,
    unions_moved_in  integer not null,
    unions_moved_out integer not null,
    primary key (unit_id, figure_day)
);

create table unit_reported_figure (
    unit_id           bigint       not null references unit (id),
    month_start       date         not null,
    members           bigint,
    grassroots_unions integer,
    joined            bigint,
    left_count        bigint,
    note              varchar(500),
    version           bigint       not null,
    updated_at        timestamp with time zone not null,
    primary key (unit_id, month_start)
);
