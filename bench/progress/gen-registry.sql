-- National-scale registry generated directly in SQL (PostgreSQL). Variables (psql -v):
--   first, last   member ids to generate (first = 1 creates the tree and the grassroots unions too;
--                 first > 1 appends members to the existing grassroots unions, e.g. to double the registry)
--   gus, ulus     grassroots unions and upper-level unions (83 level-2 units: 34 provinces + 49 sectoral)
-- Deterministic: every value is a function of the row number. Dates run from 2018 to 2026-11-30.
-- The tree never changes (links valid from 2000-01-01), so figures can also be generated in SQL
-- (gen-figures.sql); bench/progress/run.sh verifies that at a small scale against the app's own recount.
\set ON_ERROR_STOP on
set synchronous_commit = off;
set maintenance_work_mem = '512MB';
set work_mem = '256MB';
-- Foreign keys are not checked during the load (the generator only refers to rows it wrote).
set session_replication_role = replica;

select :first = 1 as fresh \gset
\if :fresh
insert into unit (id, kind, category, code, name, search_text, province_code, valid_from, version, created_at, updated_at)
values (1, 'CONFEDERATION', null, 'VGCL', 'Tổng Liên đoàn Lao động Việt Nam', 'tong lien doan lao dong viet nam',
        null, date '2000-01-01', 0, now(), now());
insert into unit (id, kind, category, code, name, search_text, province_code, valid_from, version, created_at, updated_at)
select 1 + k, case when k <= 34 then 'PROVINCIAL_FEDERATION' else 'SECTORAL_UNION' end, null,
       case when k <= 34 then 'LDLD-' || lpad(k::text, 2, '0') else 'CDN-' || lpad(k::text, 2, '0') end,
       case when k <= 34 then 'Liên đoàn Lao động tỉnh ' || k else 'Công đoàn ngành ' || k end,
       case when k <= 34 then 'lien doan lao dong tinh ' || k else 'cong doan nganh ' || k end,
       case when k <= 34 then lpad(k::text, 2, '0') end, date '2000-01-01', 0, now(), now()
from generate_series(1, 83) k;
insert into unit (id, kind, category, code, name, search_text, province_code, valid_from, version, created_at, updated_at)
select 1000 + k, 'UPPER_LEVEL_UNION', (array['DISTRICT','INDUSTRIAL_ZONE','COMMUNE_WARD','CORPORATION'])[1 + k % 4],
       'CDCT-' || k, 'Công đoàn cấp trên ' || k, 'cong doan cap tren ' || k,
       lpad((1 + (k - 1) % 34)::text, 2, '0'), date '2000-01-01', 0, now(), now()
from generate_series(1, :ulus) k;
insert into unit_link (id, unit_id, parent_id, valid_from, valid_to)
select k, 1 + k, 1, date '2000-01-01', null from generate_series(1, 83) k;
-- Upper-level unions spread over the 83 level-2 units, provinces first (about 14 each).
insert into unit_link (id, unit_id, parent_id, valid_from, valid_to)
select 1000 + k, 1000 + k, 2 + (k - 1) % 83, date '2000-01-01', null from generate_series(1, :ulus) k;

-- Enterprises behind four grassroots unions in five (the fifth sit in public agencies and schools), with the
-- spread of the real registry: ownership about 10 % state, 62 % private, 28 % foreign-invested (investors from
-- nine countries, Korea and Japan first), the 21 VSIC sections with manufacturing (C) the largest, the province of
-- the upper-level union, workforces from 25 to a few thousand. Statistics grouped by enterprise attributes need
-- them to mean anything at national scale.
insert into enterprise (id, tax_code, name, search_text, ownership, investor_country, industry, province_code,
                        address, workforce, workforce_as_of, upper_level_unit_id,
                        has_independent_workers_organisation, version, created_at, updated_at)
select g, lpad((1000000000 + g)::text, 10, '0'), 'Công ty ' || g, 'cong ty ' || g,
       case when h % 100 < 10 then 'STATE' when h % 100 < 72 then 'PRIVATE' else 'FOREIGN_INVESTED' end,
       case when h % 100 >= 72 then (array['KR','KR','KR','JP','JP','CN','TW','SG','US','DE','HK','TH'])[1 + h % 12] end,
       case when h % 7 < 4 then 'C' else chr(cast(65 + (h / 7) % 21 as int)) end,
       lpad((1 + ((g - 1) % :ulus) % 34)::text, 2, '0'), null,
       25 + (h % 1000) * (h % 1000) / 250, date '2025-12-31', 1001 + (g - 1) % :ulus, false, 0, now(), now()
from (select g, (g * 2654435761) % 1000003 as h from generate_series(1, :gus) g) e
where g % 5 <> 0;

-- Grassroots unions founded between 2018-01-01 and mid-2023, spread over the upper-level unions.
insert into grassroots_union (id, code, name, search_text, upper_level_unit_id, enterprise_id, founded_on,
                              dissolved_on, status, chair_member_id, version, created_at, updated_at)
select g, 'CDCS-' || g, 'Công đoàn cơ sở ' || g, 'cong doan co so ' || g, 1001 + (g - 1) % :ulus,
       case when g % 5 <> 0 then g end,
       date '2018-01-01' + (g * 7919) % 2000, null, 'ACTIVE', null, 0, now(), now()
from generate_series(1, :gus) g;
insert into grassroots_union_link (id, grassroots_union_id, unit_id, valid_from, valid_to)
select id, id, upper_level_unit_id, founded_on, null from grassroots_union;
\endif

-- Members: joined between their union's founding and 2026-11-30; 8% have left, 2% transferred (since 2024)
-- to another grassroots union (usually in another province).
create temp table gen as
select i, g, join_on, r2, r3,
       case when r2 % 100 < 8 then join_on + cast(r3 % (date '2026-11-30' - join_on + 1) as int) end as left_on,
       case when r2 % 100 between 8 and 9 and join_on < date '2026-10-01'
            then greatest(join_on + 1, date '2024-01-01')
                 + cast(r3 % (date '2026-11-30' - greatest(join_on + 1, date '2024-01-01') + 1) as int) end as transfer_on,
       1 + (g + 1 + r4 % (least(:gus, 5000) - 1)) % :gus as g2
from (
    select i, g, r2, r3, r4,
           f + cast((r1 % 100000) * (date '2026-11-30' - f) / 100000 as int) as join_on
    from (
        select i, 1 + (i * 104729) % :gus as g,
               (i * 48271) % 2147483647 as r1, (i * 69621) % 2147483629 as r2,
               (i * 16807) % 2147483587 as r3, (i * 39373) % 2147483579 as r4
        from generate_series(cast(:first as bigint), cast(:last as bigint)) i
    ) x
    join grassroots_union gu on gu.id = x.g
    cross join lateral (select gu.founded_on as f) ff
) y;

-- No national IDs: the app stores them encrypted with its own key (security/PersonalData), which SQL cannot do,
-- and progress never reads them; the identity keys only have to be unique.
insert into member (id, card_number, full_name, search_text, date_of_birth, gender, nationality, national_id,
                    passport_number, identity_key, active_identity_key, phone, email, grassroots_union_id,
                    joined_on, status, left_on, leave_reason, version, created_at, updated_at)
select i, 'HV' || lpad(i::text, 10, '0'), 'Hội viên ' || i, 'hoi vien ' || i,
       date '1970-01-01' + cast(r3 % 12000 as int), case when r2 % 2 = 0 then 'MALE' else 'FEMALE' end, 'VN',
       null, null, 'BENCH:' || i,
       case when left_on is null then 'BENCH:' || i end, null, null,
       case when transfer_on is null then g else g2 end, join_on,
       case when left_on is null then 'ACTIVE' else 'LEFT' end, left_on, null, 0, now(), now()
from gen;

insert into membership_period (id, member_id, grassroots_union_id, start_on, end_on, end_reason)
select i, i, g, join_on, coalesce(left_on, transfer_on),
       case when left_on is not null then 'LEFT' when transfer_on is not null then 'TRANSFER' end
from gen;
insert into membership_period (id, member_id, grassroots_union_id, start_on, end_on, end_reason)
select 100000000 + i, i, g2, transfer_on, null, null
from gen where transfer_on is not null;

drop table gen;
select setval('unit_seq', 100000), setval('unit_link_seq', 100000), setval('grassroots_union_seq', 1000000),
       setval('grassroots_union_link_seq', 1000000),
       setval('member_seq', (select max(id) + 1000 from member)),
       setval('membership_period_seq', (select max(id) + 1000 from membership_period)),
       setval('enterprise_seq', (select coalesce(max(id), 0) + 1000 from enterprise));
-- Planner statistics of the small tables too: without them PostgreSQL guesses 200 grassroots unions under a
-- scope of 130,000 and the national statistics take a nested loop over 9.6M union-month rows (60 s against
-- 10 s once analysed).
analyze unit;
analyze unit_link;
analyze enterprise;
analyze grassroots_union;
analyze grassroots_union_link;
