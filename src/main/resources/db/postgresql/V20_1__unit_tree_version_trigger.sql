-- PostgreSQL: a new version of the tree of units (V20) after every statement that changes unit_link. Once per
-- statement, not per row; the one row it updates is locked until the transaction ends, so changes of the tree
-- (rare: units created, moved, dissolved) follow one another.
create function unit_tree_changed() returns trigger language plpgsql as $$
begin
    update unit_tree_version set version = nextval('unit_tree_version_seq') where id = 1;
    return null;
end
$$;

create trigger unit_link_changed after insert or update or delete or truncate on unit_link
    for each statement execute function unit_tree_changed();
