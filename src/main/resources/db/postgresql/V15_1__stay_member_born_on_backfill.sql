-- The stays' copy of their member's date of birth (V15), then its index (PostgreSQL).
-- Every stay is rewritten, and an updated row goes into every index of its table: with its five indexes in place
-- the update took more than 12 minutes for 15 million members. So the four secondary indexes are dropped first
-- and built again once the rows are written (in this transaction: a failure leaves them as they were). The
-- update joins the two tables by hash, hence the memory.
set local work_mem = '256MB';
set local maintenance_work_mem = '512MB';
drop index ix_membership_period_member;
drop index ix_membership_period_union;
drop index ix_membership_period_start;
drop index ix_membership_period_end;
update membership_period p set member_born_on = m.date_of_birth
from member m where m.id = p.member_id and m.date_of_birth is not null;
create index ix_membership_period_member on membership_period (member_id, start_on);
create index ix_membership_period_union on membership_period (grassroots_union_id, start_on);
create index ix_membership_period_start on membership_period (start_on);
create index ix_membership_period_end on membership_period (end_on);
-- It holds every column the age band statistics read (StatsRepository.byBirthDates), so that PostgreSQL answers
-- them from the index alone.
create index ix_membership_period_born on membership_period (member_born_on)
    include (id, member_id, grassroots_union_id, start_on, end_on, end_reason);
