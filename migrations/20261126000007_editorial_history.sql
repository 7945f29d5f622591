-- The editorial history of a claim (who moved it between states, with which note) and the public
-- corrections made after publication. Both are records: never changed, never deleted.

create table claim_transition (
    claim_transition_id bigint generated always as identity primary key,
    claim_id            bigint not null references claim (claim_id),
    from_state          editorial_state not null,
    to_state            editorial_state not null,
    -- Required when an editor returns a claim to draft or retracts it (checked in code and below).
    note                text check (char_length(btrim(note)) between 1 and 5000),
    actor_user_id       bigint not null references app_user (app_user_id),
    occurred_at         timestamptz not null default now(),
    check (from_state <> to_state),
    check (note is not null or not (from_state = 'in_review' and to_state = 'draft')),
    check (note is not null or to_state <> 'retracted')
);
create index claim_transition_claim_idx on claim_transition (claim_id, occurred_at desc);

-- What readers see on a claim page's correction history and on /corrections.
create table correction (
    correction_id bigint generated always as identity primary key,
    claim_id      bigint not null references claim (claim_id),
    note          text not null check (char_length(btrim(note)) between 1 and 2000),
    -- Which parts changed, as field names ("text", "speaker", "verdict", "relations", "retraction").
    changed       text[] not null default '{}',
    corrected_by  bigint references app_user (app_user_id),
    corrected_at  timestamptz not null default now()
);
create index correction_newest_idx on correction (corrected_at desc, correction_id desc);
create index correction_claim_idx on correction (claim_id, corrected_at desc);

create trigger claim_transition_immutable
    before update or delete on claim_transition
    for each row execute function refuse_change();
create trigger correction_immutable
    before update or delete on correction
    for each row execute function refuse_change();

-- The speaker picker searches names and aliases by substring.
create index entity_name_lower_idx on entity (lower(name));
