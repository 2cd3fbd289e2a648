-- A launched session keeps when it started (its absolute lifetime counts from there) and the frame-ancestors its
-- launch allowed. Sessions stored before this had neither: they end, and the next launch from the course menu
-- starts a new one.
delete from lti_session;
alter table lti_session add column started_at timestamp with time zone not null;
alter table lti_session add column frame_ancestors varchar(4000) not null;

-- The origins that framed launches of a registration (from the signed launch_presentation.return_url), so an
-- LMS admin can see where the tool is used, e.g. a school's own Canvas domain.
create table lti_frame_origin (
    registration_id varchar(600)  not null,
    origin          varchar(300)  not null,
    first_seen_at   timestamp with time zone not null,
    last_seen_at    timestamp with time zone not null,
    primary key (registration_id, origin)
);
