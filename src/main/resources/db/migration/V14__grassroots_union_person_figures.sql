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

-- From the stays: a stay starts by a transfer in when another stay of the member ended by TRANSFER that day
-- (as FiguresRecount counts it), and ends by a transfer out when its end reason is TRANSFER.
create view person_figures_v14_event as
select p.grassroots_union_id, cast(date_trunc('month', p.start_on) as date) as month_start,
       coalesce(m.gender, 'UNKNOWN') as gender,
       coalesce(cast(extract(year from m.date_of_birth) as varchar(8)), 'UNKNOWN') as birth_year,
       case when t.member_id is null or (t.stays = 1 and t.stay_id = p.id) then 1 else 0 end as joined,
       0 as left_count,
       case when t.member_id is null or (t.stays = 1 and t.stay_id = p.id) then 0 else 1 end as transfers_in,
       0 as transfers_out
from membership_period p join member m on m.id = p.member_id
left join (select member_id, end_on, min(id) as stay_id, count(*) as stays from membership_period
           where end_reason = 'TRANSFER' group by member_id, end_on) t
       on t.member_id = p.member_id and t.end_on = p.start_on
union all
select p.grassroots_union_id, cast(date_trunc('month', p.end_on) as date), coalesce(m.gender, 'UNKNOWN'),
       coalesce(cast(extract(year from m.date_of_birth) as varchar(8)), 'UNKNOWN'), 0,
       case when p.end_reason = 'TRANSFER' then 0 else 1 end, 0,
       case when p.end_reason = 'TRANSFER' then 1 else 0 end
from membership_period p join member m on m.id = p.member_id
where p.end_on is not null;

insert into grassroots_union_person_month (grassroots_union_id, month_start, dimension, person_key, joined,
                                           left_count, transfers_in, transfers_out)
select grassroots_union_id, month_start, 'GENDER', gender, sum(joined), sum(left_count), sum(transfers_in),
       sum(transfers_out)
from person_figures_v14_event group by grassroots_union_id, month_start, gender;

insert into grassroots_union_person_month (grassroots_union_id, month_start, dimension, person_key, joined,
                                           left_count, transfers_in, transfers_out)
select grassroots_union_id, month_start, 'BIRTH_YEAR', birth_year, sum(joined), sum(left_count), sum(transfers_in),
       sum(transfers_out)
from person_figures_v14_event group by grassroots_union_id, month_start, birth_year;

drop view person_figures_v14_event;

insert into grassroots_union_person_total (grassroots_union_id, dimension, person_key, joined, left_count,
                                           transfers_in, transfers_out)
select grassroots_union_id, dimension, person_key, sum(joined), sum(left_count), sum(transfers_in),
       sum(transfers_out)
from grassroots_union_person_month
group by grassroots_union_id, dimension, person_key;

-- One dimension's months of a period for every union at once, and one dimension's totals, from the index alone.
create index ix_grassroots_union_person_month_start on grassroots_union_person_month
    (dimension, month_start, grassroots_union_id, person_key, joined, left_count, transfers_in, transfers_out);
create index ix_grassroots_union_person_total_dimension on grassroots_union_person_total
    (dimension, grassroots_union_id, person_key, joined, left_count, transfers_in, transfers_out);

-- Age bands: the members born in a range of days (the part of a year of birth a band boundary cuts off).
create index ix_member_date_of_birth on member (date_of_birth);
