-- Speakers and organisations, and the documents that carry claims.
-- Constraints live here so that every writer (app, seed, psql) gets the same rules.

create type entity_kind as enum (
    'person', 'government', 'agency', 'media_outlet', 'company', 'group', 'other'
);

create table entity (
    entity_id        bigint generated always as identity primary key,
    slug             text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 120),
    name             text not null check (char_length(name) between 1 and 200),
    kind             entity_kind not null,
    description      text check (char_length(description) <= 2000),
    -- ISO 3166-1 alpha-2
    country          text check (country ~ '^[A-Z]{2}$'),
    wikidata_id      text check (wikidata_id ~ '^Q[1-9][0-9]*$'),
    parent_entity_id bigint references entity (entity_id),
    version          integer not null default 1 check (version >= 1),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check (parent_entity_id <> entity_id)
);
create index entity_parent_idx on entity (parent_entity_id);

-- Names an entity goes by, per language ("AS", "Amerika Serikat", "United States").
create table entity_alias (
    entity_alias_id bigint generated always as identity primary key,
    entity_id       bigint not null references entity (entity_id),
    alias           text not null check (char_length(alias) between 1 and 200),
    language        text not null check (language ~ '^[a-z]{2,3}$'),
    unique (entity_id, alias, language)
);
create index entity_alias_lower_idx on entity_alias (lower(alias));

create type source_kind as enum (
    'news_article', 'official_statement', 'transcript', 'broadcast', 'social_post',
    'press_conference', 'other'
);

create table source (
    source_id        bigint generated always as identity primary key,
    kind             source_kind not null,
    title            text not null check (char_length(title) between 1 and 500),
    outlet_entity_id bigint references entity (entity_id),
    -- Only web links a reader can follow safely: no javascript:, data:, file: …
    url              text check (url ~* '^https?://[^[:space:]]+$' and char_length(url) <= 2000),
    authors          text[] not null default '{}',
    editors          text[] not null default '{}',
    language         text not null check (language ~ '^[a-z]{2,3}$'),
    published_at     timestamptz,
    retrieved_at     timestamptz,
    summary          text check (char_length(summary) <= 2000),
    version          integer not null default 1 check (version >= 1),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index source_outlet_idx on source (outlet_entity_id);

-- The text of a source as captured. Immutable: a new capture is a new row with the next number,
-- so excerpt anchors made against an older capture keep pointing at the text they were made on.
create table source_snapshot (
    source_snapshot_id bigint generated always as identity primary key,
    source_id          bigint not null references source (source_id),
    snapshot_number    integer not null check (snapshot_number >= 1),
    body               text not null check (char_length(body) between 1 and 1000000),
    -- The database recomputes the hash, so a stored hash can never disagree with its text.
    sha256             bytea not null,
    captured_at        timestamptz not null default now(),
    unique (source_id, snapshot_number),
    constraint source_snapshot_hash_matches_body check (sha256 = sha256(convert_to(body, 'UTF8')))
);

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% rows are immutable: % refused', tg_table_name, tg_op
        using errcode = 'restrict_violation';
end;
$$;

create trigger source_snapshot_immutable
    before update or delete on source_snapshot
    for each row execute function refuse_change();

-- "Melansir Associated Press": the citing source relays the cited one.
create table source_citation (
    citing_source_id bigint not null references source (source_id),
    cited_source_id  bigint not null references source (source_id),
    cue              text check (char_length(cue) <= 100),
    primary key (citing_source_id, cited_source_id),
    check (citing_source_id <> cited_source_id)
);
create index source_citation_cited_idx on source_citation (cited_source_id);
