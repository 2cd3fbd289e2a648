-- One row per housekeeping task: the instance that runs it holds the row until lock_until, so with several
-- instances behind a load balancer each task runs on one of them at a time (ShedLock's table).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
