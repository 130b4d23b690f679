-- Membership statistics by gender read maintained figures, like the groupings by a union's enterprise, instead
-- of grouping every stay with its member (22 s at the Confederation for 15 million members).
--
-- grassroots_union_gender_month: a grassroots union's monthly member flows (the four of grassroots_union_month)
--   split by the member's gender as the member record holds it now: MALE, FEMALE, OTHER or UNKNOWN (none
--   recorded). Summed over the genders, a row equals the union's grassroots_union_month row. Written by the same
--   statements as those rows (MembershipLedger, through FiguresRepository.apply); a change of a member's gender
--   moves all of the member's stays from the old gender to the new. Rebuilt and compared by FiguresRecount.
-- grassroots_union_gender_total: per union and gender, the sums of all its months (as grassroots_union_total).

create table grassroots_union_gender_month (
    grassroots_union_id bigint     not null references grassroots_union (id),
    month_start         date       not null,
    gender              varchar(8) not null,
    joined              integer    not null,
    left_count          integer    not null,
    transfers_in        integer    not null,
    transfers_out       integer    not null,
    primary key (grassroots_union_id, month_start, gender)
);

create table grassroots_union_gender_total (
    grassroots_union_id bigint     not null references grassroots_union (id),
    gender              varchar(8) not null,
    joined              bigint     not null,
    left_count          bigint     not null,
    transfers_in        bigint     not null,
    transfers_out       bigint     not null,
    primary key (grassroots_union_id, gender)
);

-- From the stays: a stay starts by a transfer in when another stay of the member ended by TRANSFER that day
-- (as FiguresRecount counts it), and ends by a transfer out when its end reason is TRANSFER.
insert into grassroots_union_gender_month (grassroots_union_id, month_start, gender, joined, left_count,
                                           transfers_in, transfers_out)
select e.grassroots_union_id, e.month_start, e.gender, sum(e.joined), sum(e.left_count), sum(e.transfers_in),
       sum(e.transfers_out)
from (
    select p.grassroots_union_id, cast(date_trunc('month', p.start_on) as date) as month_start,
           coalesce(m.gender, 'UNKNOWN') as gender,
           case when t.member_id is null or (t.stays = 1 and t.stay_id = p.id) then 1 else 0 end as joined,
           0 as left_count,
           case when t.member_id is null or (t.stays = 1 and t.stay_id = p.id) then 0 else 1 end as transfers_in,
           0 as transfers_out
    from membership_period p join member m on m.id = p.member_id
    left join (select member_id, end_on, min(id) as stay_id, count(*) as stays from membership_period
               where end_reason = 'TRANSFER' group by member_id, end_on) t
           on t.member_id = p.member_id and t.end_on = p.start_on
    union all
    select p.grassroots_union_id, cast(date_trunc('month', p.end_on) as date), coalesce(m.gender, 'UNKNOWN'), 0,
           case when p.end_reason = 'TRANSFER' then 0 else 1 end, 0,
           case when p.end_reason = 'TRANSFER' then 1 else 0 end
    from membership_period p join member m on m.id = p.member_id
    where p.end_on is not null
) e
group by e.grassroots_union_id, e.month_start, e.gender;

insert into grassroots_union_gender_total (grassroots_union_id, gender, joined, left_count, transfers_in,
                                           transfers_out)
select grassroots_union_id, gender, sum(joined), sum(left_count), sum(transfers_in), sum(transfers_out)
from grassroots_union_gender_month
group by grassroots_union_id, gender;

-- The months of a period for every union at once, read from the index alone (as ix_grassroots_union_month_start).
create index ix_grassroots_union_gender_month_start on grassroots_union_gender_month
    (month_start, grassroots_union_id, gender, joined, left_count, transfers_in, transfers_out);
