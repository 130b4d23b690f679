\set m random(1, :members)
BEGIN;
select m1_0.id,m1_0.active_identity_key,m1_0.card_number,m1_0.created_at,m1_0.date_of_birth,m1_0.email,m1_0.external_id,m1_0.external_owner_id,m1_0.full_name,m1_0.gender,m1_0.grassroots_union_id,m1_0.identity_key,m1_0.joined_on,m1_0.leave_reason,m1_0.left_on,m1_0.national_id,m1_0.national_id_hash,m1_0.nationality,m1_0.passport_number,m1_0.phone,m1_0.search_text,m1_0.status,m1_0.updated_at,m1_0.version,gu1_0.upper_level_unit_id,gu1_0.name from member m1_0 left join grassroots_union gu1_0 on gu1_0.id=m1_0.grassroots_union_id where m1_0.id=:m;
COMMIT;
