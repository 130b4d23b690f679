-- Responses to writes sent with an Idempotency-Key, kept so that a retry gets the original answer.
-- The record commits in the same transaction as the write it describes: either both exist or neither.
create table idempotency_record (
    idem_key      varchar(200)  not null primary key,
    request_hash  varchar(64)   not null,
    http_status   integer       not null,
    response_body text,
    location      varchar(1000),
    etag          varchar(100),
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null
);
create index ix_idempotency_expires on idempotency_record (expires_at);
