-- The teacher's dashboard by urgency. Per course, the weeks after which an intern on internship who never asked, or
-- who has been silent, needs their teacher; a course without a row uses the defaults (3 and 4 weeks).
create table urgency_threshold (
    course_id          bigint       primary key references course (id) on delete cascade,
    never_asked_weeks  int          not null check (never_asked_weeks between 1 and 26),
    silent_weeks       int          not null check (silent_weeks between 1 and 26),
    updated_by         bigint       references app_user (id) on delete set null,
    updated_at         timestamp with time zone not null
);

-- A teacher puts an intern aside until a date, with a note to self ("on leave until 12 March"): the intern shows
-- grey with the note and comes back by itself on that date. Only the teacher who snoozed sees it.
create table urgency_snooze (
    course_id   bigint        not null references course (id) on delete cascade,
    teacher_id  bigint        not null references app_user (id) on delete cascade,
    student_id  bigint        not null references app_user (id) on delete cascade,
    until       date          not null,
    note        varchar(200),
    created_at  timestamp with time zone not null,
    primary key (course_id, teacher_id, student_id)
);
