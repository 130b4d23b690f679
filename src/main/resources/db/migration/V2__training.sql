-- Union officials (cán bộ công đoàn) and their training: courses, enrolments, roll-call per session.
-- Written for both H2 (MODE=PostgreSQL) and PostgreSQL, like V1. Terms are half-open: [term_start, term_end).

create sequence official_seq start with 1 increment by 50;
create sequence training_course_seq start with 1 increment by 50;
create sequence training_enrolment_seq start with 1 increment by 50;
create sequence training_attendance_seq start with 1 increment by 50;

-- Who holds which post where: exactly one of unit_id (levels 1-3) and grassroots_union_id (level 4).
create table official (
    id                  bigint       not null primary key,
    member_id           bigint references member (id),
    full_name           varchar(255) not null,
    search_text         varchar(600) not null,
    gender              varchar(8),
    date_of_birth       date,
    unit_id             bigint references unit (id),
    grassroots_union_id bigint references grassroots_union (id),
    post                varchar(32)  not null,
    employment          varchar(16)  not null,
    term_start          date         not null,
    term_end            date,
    version             bigint       not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint ck_official_place check ((unit_id is null and grassroots_union_id is not null)
                                        or (unit_id is not null and grassroots_union_id is null)),
    constraint ck_official_term check (term_end is null or term_end > term_start)
);
create index ix_official_unit on official (unit_id, post, term_start);
create index ix_official_grassroots on official (grassroots_union_id, post, term_start);
create index ix_official_member on official (member_id);
create index ix_official_post on official (post, term_start);
create index ix_official_employment on official (employment, term_start);
create index ix_official_term on official (term_start, term_end);
create index ix_official_name on official (full_name);
create index ix_official_search on official (search_text);

create table training_course (
    id                     bigint       not null primary key,
    organising_unit_id     bigint       not null references unit (id),
    title                  varchar(255) not null,
    search_text            varchar(600) not null,
    topic                  varchar(48)  not null,
    audience               varchar(32)  not null,
    starts_on              date         not null,
    ends_on                date         not null,
    online                 boolean      not null,
    place                  varchar(500),
    capacity               integer      not null,
    session_count          integer      not null,
    min_attendance_percent integer      not null,
    assignment_required    boolean      not null,
    version                bigint       not null,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    constraint ck_training_course_dates check (ends_on >= starts_on),
    constraint ck_training_course_capacity check (capacity >= 1),
    constraint ck_training_course_sessions check (session_count >= 1),
    constraint ck_training_course_rule check (min_attendance_percent between 0 and 100),
    constraint ck_training_course_place check (online or place is not null)
);
create index ix_training_course_unit on training_course (organising_unit_id, starts_on);
create index ix_training_course_starts on training_course (starts_on);
create index ix_training_course_topic on training_course (topic, starts_on);
create index ix_training_course_title on training_course (title);
create index ix_training_course_search on training_course (search_text);

-- One official on one course; the unique constraint is the last line of defence against double enrolment.
create table training_enrolment (
    id                   bigint       not null primary key,
    course_id            bigint       not null references training_course (id),
    official_id          bigint       not null references official (id),
    assignment_submitted boolean      not null,
    assignment_grade     numeric(3,1),
    version              bigint       not null,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    constraint uq_training_enrolment unique (course_id, official_id),
    constraint ck_training_enrolment_grade check (assignment_grade is null
                                                  or (assignment_grade >= 0 and assignment_grade <= 10))
);
create index ix_training_enrolment_official on training_enrolment (official_id);

-- Roll-call (điểm danh): one row per enrolment and session once the session has been called.
create table training_attendance (
    id            bigint  not null primary key,
    course_id     bigint  not null references training_course (id),
    enrolment_id  bigint  not null references training_enrolment (id),
    session_no    integer not null,
    present       boolean not null,
    constraint uq_training_attendance unique (enrolment_id, session_no),
    constraint ck_training_attendance_session check (session_no >= 1)
);
create index ix_training_attendance_course on training_attendance (course_id, session_no);
