-- The tool's own RSA signing keys, published at the key set URL /.well-known/jwks.json (Sec §6). A key is NEXT (published,
-- not yet signing), then CURRENT (signing), then RETIRED (published until the tokens it signed have expired).
-- The private key is a JWK encrypted with AES-256-GCM under leerlog.keys.encryption-key, with the kid as
-- associated data, so a stored key cannot be moved to another kid unnoticed.
create table tool_key (
    kid                    varchar(100)  primary key,
    public_jwk             varchar(4000) not null,
    private_key_iv         varchar(32)   not null,
    private_key_ciphertext text          not null,
    state                  varchar(10)   not null,
    -- 'CURRENT' or 'NEXT' while the key holds that place, null once retired: the database itself keeps
    -- at most one of each, also when several instances start or rotate at once.
    slot                   varchar(10),
    created_at             timestamp with time zone not null,
    activated_at           timestamp with time zone,
    retired_at             timestamp with time zone,
    constraint uq_tool_key_slot unique (slot),
    constraint ck_tool_key_state check (state in ('NEXT', 'CURRENT', 'RETIRED')),
    constraint ck_tool_key_slot check ((state = 'RETIRED' and slot is null) or slot = state)
);
