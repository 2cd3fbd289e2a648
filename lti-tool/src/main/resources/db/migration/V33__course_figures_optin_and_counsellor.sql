-- The teachers' course view of the analytics (issue 14: aggregates over groups of at least five students) and the
-- low-wellbeing tip (seed 004).

-- In a course that asks consent, a student is counted in the course's figures only with this opt-in; withdrawing
-- keeps the row with withdrawn_at, and the student is no longer counted from that moment.
create table analytics_course_optin (
    course_id     bigint    not null references course (id) on delete cascade,
    owner_id      bigint    not null references app_user (id) on delete cascade,
    given_at      timestamp with time zone not null,
    withdrawn_at  timestamp with time zone,
    primary key (course_id, owner_id)
);

-- The school's student counsellor, whom the low-wellbeing tip points to (an https address; null: none configured).
alter table analytics_setting add column counsellor_url varchar(500);
