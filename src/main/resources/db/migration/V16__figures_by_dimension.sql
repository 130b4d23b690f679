-- One structure for every membership statistic (issue #19): the member and grassroots-union flows of a unit split
-- by the value of a dimension (GENDER, AGE_BAND, NATIONALITY, PROVINCE, OWNERSHIP, INDUSTRY, INVESTOR_COUNTRY,
-- SIZE_BAND; figures.Dimension), per day (grain D), month (M) and year (Y). A statistic by any dimension on any
-- day sums a few dozen rows per value; a new statistic is a new dimension name in these rows, not a new table.
--
-- Kept by the ledger (figures.MembershipLedger) in the transaction of every write, for the top two units of each
-- chain of the dated tree (the Confederation and the level-2 units under it); units further down compute the same
-- flows from their stays when asked. AGE_BAND is exact on every day: a stay moves to the next band on the
-- birthday that starts it (reclassified_out / reclassified_in, booked with the stay, also for birthdays still to
-- come). Workplace dimensions carry the grassroots unions' own flows too (unions_*), and the changes of the
-- workforce of active unions' enterprises and of the members of those unions where it is known (members per 100
-- workers).
--
-- The rows are built from the registry on the first start after this migration (figures.FiguresStartupCheck,
-- in steps of grassroots unions, by the same code as the ledger); they replace the figures by person attribute
-- of V14 and the stays' copy of the date of birth of V15, which are dropped.

create table unit_dimension_figure (
    unit_id          bigint      not null references unit (id),
    dimension        varchar(24) not null,
    grain            char(1)     not null,
    period_start     date        not null,
    val              varchar(32) not null,
    joined           integer     not null,
    left_count       integer     not null,
    transfers_in     integer     not null,
    transfers_out    integer     not null,
    unions_founded   integer     not null,
    unions_dissolved integer     not null,
    unions_moved_in  integer     not null,
    unions_moved_out integer     not null,
    reclassified_in  integer     not null,
    reclassified_out integer     not null,
    workforce        bigint      not null,
    members_with_workforce bigint not null,
    constraint ck_unit_dimension_figure_grain check (grain in ('D', 'M', 'Y')),
    primary key (unit_id, dimension, grain, period_start, val)
);

drop table grassroots_union_person_total;
drop table grassroots_union_person_month;
drop index ix_membership_period_born;
alter table membership_period drop column member_born_on;

-- One-off jobs run at start that must not scan the registry again once done (the conversion of personal data
-- written before V9 read every member at every start: 3.8 s at 15 million members).
create table startup_task (
    name    varchar(64)              not null primary key,
    done_at timestamp with time zone not null
);
