-- Roster sync (NRPS 2.0): where a course's memberships are read, and when they were last read.
alter table course add column memberships_url varchar(2000);
alter table course add column roster_synced_at timestamp with time zone;

-- People and enrolments the roster names may not have launched yet.
alter table app_user alter column last_launch_at drop not null;
alter table enrolment alter column last_launch_at drop not null;
-- When the roster last listed this enrolment (null: known from launches only).
alter table enrolment add column roster_seen_at timestamp with time zone;
