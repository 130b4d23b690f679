-- Membership statistics by gender and by age read maintained figures, like the groupings by a union's enterprise,
-- instead of grouping every stay with its member (22 s at the Confederation for 15 million members).
--
-- grassroots_union_person_month: a grassroots union's monthly member flows (the four of grassroots_union_month)
--   split by one attribute of the member as the member record holds it now:
--     dimension GENDER:     person_key MALE, FEMALE, OTHER or UNKNOWN (none recorded);
--     dimension BIRTH_YEAR: person_key the year of birth (1990) or UNKNOWN (no date of birth).
--   Summed over the keys of one dimension, a row equals the union's grassroots_union_month row. Written by the
--   same statements as those rows (MembershipLedger, through FiguresRepository.apply); a correction of a member's
--   gender or year of birth moves all of the member's stays to the new key. Rebuilt and compared by
--   FiguresRecount. (Age bands need the exact date of birth only for the members born in the few years a band
--   boundary cuts on a given day; statistics count those from the stays, the rest from these rows.)
-- grassroots_union_person_total: per union, dimension and key, the sums of all its months (as
--   grassroots_union_total), so that members on a day are the total less the months after it.
--
-- Filled from the registry by V14_1 (db/h2 and db/postgresql: PostgreSQL groups the events in memory), indexed by
-- V14_2 once filled.

create table grassroots_union_person_month (
    grassroots_union_id bigint      not null references grassroots_union (id),
    month_start         date        not null,
    dimension           varchar(10) not null,
    person_key          varchar(8)  not null,
    joined              integer     not null,
    left_count          integer     not null,
    transfers_in        integer     not null,
    transfers_out       integer     not null,
    primary key (grassroots_union_id, month_start, dimension, person_key)
);

create table grassroots_union_person_total (
    grassroots_union_id bigint      not null references grassroots_union (id),
    dimension           varchar(10) not null,
    person_key          varchar(8)  not null,
    joined              bigint      not null,
    left_count          bigint      not null,
    transfers_in        bigint      not null,
    transfers_out       bigint      not null,
    primary key (grassroots_union_id, dimension, person_key)
);

-- Age bands: the members born in a range of days (the part of a year of birth a band boundary cuts off).
create index ix_member_date_of_birth on member (date_of_birth);
