\set gu random(1, :gus)
BEGIN;
select gu1_0.id,gu1_0.chair_member_id,gu1_0.code,gu1_0.created_at,gu1_0.dissolved_on,gu1_0.enterprise_id,gu1_0.founded_on,gu1_0.name,gu1_0.search_text,gu1_0.status,gu1_0.updated_at,gu1_0.upper_level_unit_id,gu1_0.version from grassroots_union gu1_0 where gu1_0.id=:gu;
select count(*) from member m1_0 where m1_0.grassroots_union_id in (select gu1_0.id from grassroots_union gu1_0 where 1=1) and m1_0.grassroots_union_id=:gu;
select m1_0.id,m1_0.active_identity_key,m1_0.card_number,m1_0.created_at,m1_0.date_of_birth,m1_0.email,m1_0.external_id,m1_0.external_owner_id,m1_0.full_name,m1_0.gender,m1_0.grassroots_union_id,m1_0.identity_key,m1_0.joined_on,m1_0.leave_reason,m1_0.left_on,m1_0.national_id,m1_0.national_id_hash,m1_0.nationality,m1_0.passport_number,m1_0.phone,m1_0.search_text,m1_0.status,m1_0.updated_at,m1_0.version from member m1_0 where m1_0.grassroots_union_id in (select gu1_0.id from grassroots_union gu1_0 where 1=1) and m1_0.grassroots_union_id=:gu order by m1_0.full_name,m1_0.id offset '0' rows fetch first '20' rows only;
select gu1_0.id,gu1_0.name from grassroots_union gu1_0 where gu1_0.id in (:gu);
COMMIT;
