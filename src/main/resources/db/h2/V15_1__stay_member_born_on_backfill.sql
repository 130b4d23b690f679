-- The stays' copy of their member's date of birth (V15), then its index.
update membership_period p set member_born_on = (select m.date_of_birth from member m where m.id = p.member_id);
create index ix_membership_period_born on membership_period (member_born_on);
