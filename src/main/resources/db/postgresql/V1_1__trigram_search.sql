-- PostgreSQL only: trigram indexes let "search_text LIKE '%term%'" use an index instead of a scan.
create extension if not exists pg_trgm;
create index ix_unit_search_trgm on unit using gin (search_text gin_trgm_ops);
create index ix_enterprise_search_trgm on enterprise using gin (search_text gin_trgm_ops);
create index ix_grassroots_union_search_trgm on grassroots_union using gin (search_text gin_trgm_ops);
create index ix_member_search_trgm on member using gin (search_text gin_trgm_ops);
