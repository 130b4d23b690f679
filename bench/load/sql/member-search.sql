\set m random(1, :members)
BEGIN;
select count(*) from member m1_0 where m1_0.grassroots_union_id in (select gu1_0.id from grassroots_union gu1_0 where 1=1) and (m1_0.search_text like '%hoi vien :m%' escape '\');
select m1_0.id,m1_0.active_identity_key,m1_0.card_number,m1_0.created_at,m1_0.date_of_birth,m1_0.email,m1_0.external_id,m1_0.external_owner_id,m1_0.full_name,m1_0.gender,m1_0.grassroots_union_id,m1_0.identity_key,m1_0.joined_on,m1_0.leave_reason,m1_0.left_on,m1_0.national_id,m1_0.national_id_hash,m1_0.nationality,m1_0.passport_number,m1_0.phone,m1_0.search_text,m1_0.status,m1_0.updated_at,m1_0.version from member m1_0 where m1_0.grassroots_union_id in (select gu1_0.id from grassroots_union gu1_0 where 1=1) and (m1_0.search_text like '%hoi vien :m%' escape '\') order by m1_0.full_name,m1_0.id offset '0' rows fetch first '20' rows only;
select gu1_0.id,gu1_0.name from grassroots_union gu1_0 where gu1_0.id in ('1506','1051','1780','509','1238','1967','696','1425','154','883','1612','1612','1612','1612','1612','1612');
COMMIT;
