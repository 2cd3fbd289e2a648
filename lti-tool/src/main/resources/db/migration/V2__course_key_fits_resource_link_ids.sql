-- A course launched without a context claim is keyed by 'link:' + its resource link id, and a resource link id
-- may have 255 characters (Core §5.3.5): such a launch failed on PostgreSQL and was cut short on H2.
alter table course alter column context_id set data type varchar(260);
