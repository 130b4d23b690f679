-- The rows of V14's tables from the registry (PostgreSQL). The events of all stays are read once into a temporary
-- table and grouped with enough memory for the national registry: with the default 4 MB of work_mem, the same
-- statements as the H2 backfill spilled 17 GB of sort files and took about 25 minutes for 15 million members.
-- A stay starts by a transfer in when another stay of the member ended by TRANSFER that day (as FiguresRecount
-- counts it), and ends by a transfer out when its end reason is TRANSFER.
set local work_mem = '256MB';

create temporary table person_figures_event on commit drop as
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
from person_figures_event group by grassroots_union_id, month_start, gender;

insert into grassroots_union_person_month (grassroots_union_id, month_start, dimension, person_key, joined,
                                           left_count, transfers_in, transfers_out)
select grassroots_union_id, month_start, 'BIRTH_YEAR', birth_year, sum(joined), sum(left_count), sum(transfers_in),
       sum(transfers_out)
from person_figures_event group by grassroots_union_id, month_start, birth_year;

insert into grassroots_union_person_total (grassroots_union_id, dimension, person_key, joined, left_count,
                                           transfers_in, transfers_out)
select grassroots_union_id, dimension, person_key, sum(joined), sum(left_count), sum(transfers_in),
       sum(transfers_out)
from grassroots_union_person_month
group by grassroots_union_id, dimension, person_key;
