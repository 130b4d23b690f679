-- A worker whose employer is not in the registry yet may ask to join (issue #21): the request keeps the employer's
-- name and the province of the workplace as the worker gives them, and is routed to that province's federation
-- (routing UNREGISTERED) until the enterprise is registered, when it is attached to it.
alter table join_request add column employer_name varchar(255);
alter table join_request add column province_code varchar(8);
create index ix_join_request_tax_code on join_request (employer_tax_code, status);
