-- The stays' copy of their member's date of birth (V15), then its index. The update joins the two tables by hash
-- (hence the memory for 15 million members). The index holds every column the age band statistics read
-- (StatsRepository.byBirthDates), so that PostgreSQL answers them from the index alone.
set local work_mem = '256MB';
update membership_period p set member_born_on = m.date_of_birth
from member m where m.id = p.member_id and m.date_of_birth is not null;
create index ix_membership_period_born on membership_period (member_born_on)
    include (member_id, grassroots_union_id, start_on, end_on, end_reason);
