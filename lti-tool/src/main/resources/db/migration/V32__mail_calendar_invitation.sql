-- A mail about an agreed, moved or cancelled conversation carries its calendar invitation (iMIP, RFC 6047), written
-- with the mail in the change's transaction, so every try sends the same file: the iTIP method (REQUEST or CANCEL)
-- and the iCalendar text (RFC 5545).
alter table mail_outbox add column calendar_method varchar(10);
alter table mail_outbox add column calendar text;
