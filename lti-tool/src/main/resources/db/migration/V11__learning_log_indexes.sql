-- The learning log's list filters a student's own moments by category and shows each row's evidence count
-- (issue 5: a student with 2,000 moments lists, filters and searches within 50 ms at p95).
-- Moments of one category, newest first, without reading the student's other moments.
create index ix_learning_moment_owner_category on learning_moment (owner_id, course_id, category_id, occurred_on, id);
-- The evidence count per row only looks at evidence that is not deleted.
create index ix_evidence_moment_live on evidence (moment_id, deleted_at);
