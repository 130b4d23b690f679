-- Bulk load: secondary indexes of the two big tables are dropped before and rebuilt after (indexes-create.sql).
drop index if exists ix_member_union_status, ix_member_status, ix_member_name, ix_member_joined, ix_member_identity,
    ix_member_search, ix_member_search_trgm, ix_membership_period_member, ix_membership_period_union,
    ix_membership_period_start, ix_membership_period_end;
