-- Stored idempotent answers belong to the caller who made them: the stored key is the caller's identity, a line
-- feed, and the Idempotency-Key, so another caller sending the same key neither replays nor blocks the answer.
alter table idempotency_record alter column idem_key set data type varchar(500);
alter table idempotency_record add column caller varchar(255);

-- Import jobs remember who uploaded them: their rows are written in the background, recorded in the audit trail
-- as the uploader's, and kept inside the uploader's reach (an officer's unit, in today's tree).
alter table import_job add column created_by varchar(255);
alter table import_job add column created_by_role varchar(16);
alter table import_job add column api_key_id bigint;
alter table import_job add column client_address varchar(100);
alter table import_job add column user_agent varchar(300);
alter table import_job add column scope_unit_id bigint references unit (id);

-- The uploaded file is kept encrypted while the job runs and dropped when it ends; rejected rows are stored
-- encrypted (longer than the clear text).
alter table import_job alter column content drop not null;
alter table import_rejected_row alter column raw_line set data type varchar(12000);
update import_job set content = null where status <> 'RUNNING';
