-- Desk sessions (tower-sessions records): the cookie holds only the random id.
create table session (
    session_id text primary key check (char_length(session_id) <= 100),
    data       jsonb not null,
    expires_at timestamptz not null
);
create index session_expires_idx on session (expires_at);
