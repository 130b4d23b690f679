-- The version of the dated tree of units (unit_link), so that the app keeps the tree in memory and reads it again
-- only after it changed: every statistic, every target progress and every write of the ledger used to read the whole
-- unit_link table and build the tree anew. Every statement that changes unit_link takes a new number from the
-- sequence (a trigger, in V20.1 of each database: whatever writes the links, the app, a migration or SQL by hand);
-- a number is never given twice, not even after a rollback, so a tree read under a version that never committed is
-- simply never asked for again.
create sequence unit_tree_version_seq;

create table unit_tree_version (
    id      smallint not null primary key,
    version bigint   not null,
    constraint ck_unit_tree_version_one_row check (id = 1)
);

insert into unit_tree_version (id, version) values (1, nextval('unit_tree_version_seq'));
