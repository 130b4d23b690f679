\set gu random(1, :gus)
BEGIN;
select gu1_0.id,gu1_0.chair_member_id,gu1_0.code,gu1_0.created_at,gu1_0.dissolved_on,gu1_0.enterprise_id,gu1_0.founded_on,gu1_0.name,gu1_0.search_text,gu1_0.status,gu1_0.updated_at,gu1_0.upper_level_unit_id,gu1_0.version from grassroots_union gu1_0 where gu1_0.id=:gu;
select u1_0.id,u1_0.name from unit u1_0 where u1_0.id in ('1779');
select e1_0.id,e1_0.name from enterprise e1_0 where e1_0.id in (:gu);
select count(m1_0.id) from member m1_0 where m1_0.grassroots_union_id=:gu and m1_0.status='ACTIVE';
COMMIT;
