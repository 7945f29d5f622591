-- Claims, where they appear, and how they relate to each other.

create type claim_kind as enum ('direct_quote', 'paraphrase');
create type date_precision as enum ('day', 'month', 'year');
create type editorial_state as enum ('draft', 'in_review', 'published', 'retracted');
create type attribution_status as enum ('unverified', 'verified', 'disputed', 'misattributed');

create table claim (
    claim_id                bigint generated always as identity primary key,
    slug                    text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 120),
    speaker_entity_id       bigint not null references entity (entity_id),
    -- The speaker's role when the claim was made ("juru bicara Departemen Luar Negeri AS").
    speaker_role            text check (char_length(speaker_role) <= 300),
    kind                    claim_kind not null,
    text                    text not null check (char_length(text) between 1 and 5000),
    language                text not null check (language ~ '^[a-z]{2,3}$'),
    translation             text check (char_length(translation) between 1 and 5000),
    translation_language    text check (translation_language ~ '^[a-z]{2,3}$'),
    -- For listings and schema.org ClaimReview.claimReviewed.
    headline                text check (char_length(headline) between 1 and 75),
    -- Stored as the first day of the period when the precision is month or year.
    claimed_on              date,
    claimed_on_precision    date_precision,
    place                   text check (char_length(place) <= 200),
    editorial_state         editorial_state not null default 'draft',
    attribution_status      attribution_status not null default 'unverified',
    attribution_explanation text check (char_length(attribution_explanation) <= 5000),
    rating_id               bigint references rating (rating_id),
    verdict_explanation     text check (char_length(verdict_explanation) <= 5000),
    published_at            timestamptz,
    retracted_at            timestamptz,
    retraction_note         text check (char_length(retraction_note) between 1 and 5000),
    created_by              bigint references app_user (app_user_id),
    version                 integer not null default 1 check (version >= 1),
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    check ((translation is null) = (translation_language is null)),
    check ((claimed_on is null) = (claimed_on_precision is null)),
    check (claimed_on_precision is distinct from 'month' or extract(day from claimed_on) = 1),
    check (claimed_on_precision is distinct from 'year'
           or (extract(day from claimed_on) = 1 and extract(month from claimed_on) = 1)),
    check ((editorial_state in ('published', 'retracted')) = (published_at is not null)),
    check ((editorial_state = 'retracted') = (retracted_at is not null)),
    check ((editorial_state = 'retracted') = (retraction_note is not null))
);
-- The public listing: published claims, newest first, keyset-paginated.
create index claim_public_listing_idx on claim (published_at desc, claim_id desc)
    where editorial_state = 'published';
create index claim_speaker_idx on claim (speaker_entity_id);
create index claim_rating_idx on claim (rating_id);

create table claim_tag (
    claim_id bigint not null references claim (claim_id),
    tag      text not null check (tag ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(tag) <= 120),
    primary key (claim_id, tag)
);
create index claim_tag_tag_idx on claim_tag (tag);

-- How a source carries the claim: the speaker's own words, a report of them, or a relay of a report.
create type appearance_role as enum ('primary', 'report', 'relay');

create table appearance (
    appearance_id      bigint generated always as identity primary key,
    claim_id           bigint not null references claim (claim_id),
    source_id          bigint not null references source (source_id),
    role               appearance_role not null,
    -- The verb that introduces the claim in the source ("menuduh", "membantah", "said").
    cue_verb           text check (char_length(cue_verb) between 1 and 60),
    -- W3C Web Annotation TextQuoteSelector …
    exact              text not null check (char_length(exact) between 1 and 5000),
    prefix             text not null default '' check (char_length(prefix) <= 200),
    suffix             text not null default '' check (char_length(suffix) <= 200),
    -- … plus a TextPositionSelector (character offsets, end exclusive) into one snapshot.
    source_snapshot_id bigint references source_snapshot (source_snapshot_id),
    start_offset       integer check (start_offset >= 0),
    end_offset         integer,
    created_at         timestamptz not null default now(),
    unique (claim_id, source_id, exact),
    check ((source_snapshot_id is null) = (start_offset is null)),
    check ((start_offset is null) = (end_offset is null)),
    check (end_offset - start_offset = char_length(exact))
);
create index appearance_source_idx on appearance (source_id);

-- An anchored excerpt must really be the snapshot's text at those offsets.
create function check_appearance_anchor() returns trigger language plpgsql as $$
declare
    snapshot_source bigint;
    found_text text;
begin
    if new.source_snapshot_id is null then
        return new;
    end if;
    select source_id, substr(body, new.start_offset + 1, new.end_offset - new.start_offset)
      into snapshot_source, found_text
      from source_snapshot where source_snapshot_id = new.source_snapshot_id;
    if snapshot_source is distinct from new.source_id then
        raise exception 'snapshot % does not belong to source %', new.source_snapshot_id, new.source_id
            using errcode = 'check_violation';
    end if;
    if found_text is distinct from new.exact then
        raise exception 'excerpt does not occur in the snapshot at offsets %-%', new.start_offset, new.end_offset
            using errcode = 'check_violation';
    end if;
    return new;
end;
$$;

create trigger appearance_anchor_check
    before insert or update on appearance
    for each row execute function check_appearance_anchor();

create type relation_kind as enum (
    'denies', 'confirms', 'supports', 'contradicts', 'repeats', 'responds_to', 'clarifies', 'supersedes'
);

-- from_claim <kind> to_claim: "the Russian denial denies the U.S. accusation".
create table relation (
    relation_id   bigint generated always as identity primary key,
    from_claim_id bigint not null references claim (claim_id),
    to_claim_id   bigint not null references claim (claim_id),
    kind          relation_kind not null,
    note          text check (char_length(note) <= 2000),
    created_by    bigint references app_user (app_user_id),
    created_at    timestamptz not null default now(),
    check (from_claim_id <> to_claim_id),
    unique (from_claim_id, to_claim_id, kind)
);
create index relation_to_idx on relation (to_claim_id);
