-- A registration is PENDING (Dynamic Registration awaiting an admin), ACTIVE or DISABLED; only ACTIVE launches.
alter table lti_registration add column status varchar(20) not null default 'ACTIVE';
update lti_registration set status = 'DISABLED' where active = false;
alter table lti_registration drop column active;

-- Per-registration settings and where the registration came from.
alter table lti_registration add column source varchar(20) not null default 'MANUAL';
alter table lti_registration add column platform_name varchar(255);
alter table lti_registration add column clock_skew_seconds integer;
alter table lti_registration add column privacy_level varchar(20);
alter table lti_registration add column updated_at timestamp with time zone;
