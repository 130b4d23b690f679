-- Issue #20: an uploaded file is kept in parts of about 1 MB, each encrypted on its own, so that neither the
-- upload nor the job that reads it ever holds the whole file in memory; a job may be a dry run; the sheet and the
-- header row found at the upload are kept with the job, the header's cells for the file of rejected rows.
create table import_file_part (
    job_id  bigint  not null references import_job (id),
    part_no integer not null,
    content bytea   not null,
    primary key (job_id, part_no)
);

-- a running job's file (sealed whole) becomes its only part: a part is opened like a whole file was
insert into import_file_part (job_id, part_no, content)
select id, 0, content from import_job where content is not null;

alter table import_job drop column content;
alter table import_job add column dry_run boolean default false not null;
alter table import_job add column sheet_name varchar(255);
alter table import_job add column header_row integer;
alter table import_job add column header_cells varchar(12000);
alter table import_job add column file_size bigint;
