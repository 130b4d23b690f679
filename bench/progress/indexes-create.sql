-- The app's own indexes on member and membership_period (V1__registry.sql), rebuilt
-- after the bulk load.
-- The trigram index (db/postgresql/V1_1) only with -v trgm=1: it serves member search, not figures.
\set ON_ERROR_STOP on
set maintenance_work_mem = '1GB';
set max_parallel_maintenance_workers = 1;
create index if not exists ix_member_union_status on member (grassroots_union_id, status);
create index if not exists ix_member_status on member (status);
create index if not exists ix_member_name on member (full_name);
create index if not exists ix_member_joined on member (joined_on);
create index if not exists ix_member_identity on member (identity_key);
create index if not exists ix_member_search on member (search_text);
create index if not exists ix_membership_period_member on membership_period (member_id, start_on);
create index if not exists ix_membership_period_union on membership_period (grassroots_union_id, start_on);
create index if not exists ix_membership_period_start on membership_period (start_on);
create index if not exists ix_membership_period_end on membership_period (end_on);
\if :trgm
create index if not exists ix_member_search_trgm on member using gin (search_text gin_trgm_ops);
\endif
analyze member;
-- Vacuumed, not only analysed, as autovacuum does in a database that runs.
vacuum analyze membership_period;
