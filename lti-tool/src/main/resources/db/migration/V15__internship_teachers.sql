-- Guidance: each student of a course has at most one internship teacher, a teacher of the same course.
-- Unlinking deletes the row: the teacher's access ends at once, and what the student wrote stays theirs.
create table internship_teacher (
    course_id   bigint not null,
    student_id  bigint not null,
    teacher_id  bigint not null,
    linked_at   timestamp with time zone not null,
    primary key (course_id, student_id),
    foreign key (course_id, student_id) references enrolment (course_id, user_id) on delete cascade,
    foreign key (course_id, teacher_id) references enrolment (course_id, user_id) on delete cascade
);
create index ix_internship_teacher_teacher on internship_teacher (course_id, teacher_id);
