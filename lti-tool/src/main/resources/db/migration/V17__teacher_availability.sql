-- When an internship teacher reads and answers guidance questions, in their own words to their students; the
-- dashboard's urgency rules measure waiting questions against it. Per user: the same person in every course.
create table teacher_availability (
    user_id        bigint       primary key references app_user (id) on delete cascade,
    -- ISO days of the week (1 = Monday … 7 = Sunday), comma-separated, e.g. '2,4'.
    reading_days   varchar(20)  not null,
    working_days   int          not null check (working_days between 1 and 10),
    note           varchar(300),
    updated_at     timestamp with time zone not null
);
