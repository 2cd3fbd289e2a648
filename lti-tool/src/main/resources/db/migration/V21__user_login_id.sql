-- The person's login id at the LMS (Canvas: $Canvas.user.loginId, sent as the custom parameter login_id at the
-- public privacy level), so a coordinator can link students to teachers from a CSV file of login ids.
alter table app_user add column login_id varchar(255);
create index ix_app_user_login_id on app_user (login_id);
