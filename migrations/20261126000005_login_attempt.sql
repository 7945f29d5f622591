-- Every login attempt, so failures can be rate-limited per account and per client address
-- across all app servers (the database is the one shared place).

create table login_attempt (
    login_attempt_id bigint generated always as identity primary key,
    username         text not null check (char_length(username) <= 300),
    client_address   text not null check (char_length(client_address) <= 100),
    succeeded        boolean not null,
    attempted_at     timestamptz not null default now()
);
create index login_attempt_username_idx on login_attempt (username, attempted_at) where not succeeded;
create index login_attempt_client_idx on login_attempt (client_address, attempted_at) where not succeeded;
