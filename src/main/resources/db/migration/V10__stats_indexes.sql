-- Statistics read the joins and departures of part of a month (between a date and its month's end) from
-- membership_period; these indexes keep that to the rows of those days.
create index ix_membership_period_start on membership_period (start_on);
create index ix_membership_period_end on membership_period (end_on);
