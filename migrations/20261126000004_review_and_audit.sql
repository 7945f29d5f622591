-- Proposals for the two judgements, editors' decisions, and the append-only audit log.

create type judgement_axis as enum ('attribution_status', 'verdict');
create type proposal_state as enum ('pending', 'approved', 'rejected', 'superseded');

create table proposal (
    proposal_id             bigint generated always as identity primary key,
    claim_id                bigint not null references claim (claim_id),
    axis                    judgement_axis not null,
    from_attribution_status attribution_status,
    to_attribution_status   attribution_status,
    from_rating_id          bigint references rating (rating_id),
    to_rating_id            bigint references rating (rating_id),
    rationale               text not null check (char_length(btrim(rationale)) between 1 and 5000),
    proposed_by             bigint not null references app_user (app_user_id),
    proposed_at             timestamptz not null default now(),
    state                   proposal_state not null default 'pending',
    decided_by              bigint references app_user (app_user_id),
    decided_at              timestamptz,
    decision_note           text check (char_length(decision_note) <= 5000),
    -- Four-eyes rule: nobody decides on their own proposal.
    constraint proposal_four_eyes check (decided_by <> proposed_by),
    check ((state in ('approved', 'rejected')) = (decided_by is not null)),
    check ((decided_by is null) = (decided_at is null)),
    check (axis <> 'verdict'
           or (to_rating_id is not null and from_attribution_status is null and to_attribution_status is null)),
    check (axis <> 'attribution_status'
           or (to_attribution_status is not null and from_rating_id is null and to_rating_id is null))
);
-- One open proposal per claim and axis; a newer one supersedes the older.
create unique index proposal_one_pending_idx on proposal (claim_id, axis) where state = 'pending';
create index proposal_pending_idx on proposal (proposed_at) where state = 'pending';

-- The sources a proposal rests on.
create table proposal_evidence (
    proposal_id   bigint not null references proposal (proposal_id),
    source_id     bigint not null references source (source_id),
    appearance_id bigint references appearance (appearance_id),
    note          text check (char_length(note) <= 2000),
    primary key (proposal_id, source_id)
);

-- A proposal without evidence is refused at commit (checked after the evidence rows are inserted).
create function check_proposal_has_evidence() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from proposal_evidence where proposal_id = new.proposal_id) then
        raise exception 'proposal % has no evidence: link at least one source', new.proposal_id
            using errcode = 'check_violation';
    end if;
    return null;
end;
$$;

create constraint trigger proposal_needs_evidence
    after insert on proposal
    deferrable initially deferred
    for each row execute function check_proposal_has_evidence();

create table audit_event (
    audit_event_id bigint generated always as identity primary key,
    occurred_at    timestamptz not null default now(),
    -- Null actor: the system itself (migrations, demo seeding); actor_label says which.
    actor_user_id  bigint references app_user (app_user_id),
    actor_label    text not null check (char_length(actor_label) between 1 and 100),
    action         text not null check (action ~ '^[a-z_]+\.[a-z_]+$'),
    object_type    text not null check (object_type ~ '^[a-z_]+$'),
    object_id      bigint not null,
    before         jsonb,
    after          jsonb,
    note           text check (char_length(note) <= 5000),
    request_id     text check (char_length(request_id) <= 100)
);
create index audit_event_object_idx on audit_event (object_type, object_id, occurred_at);
create index audit_event_actor_idx on audit_event (actor_user_id, occurred_at);

-- Append-only: no role may rewrite history, whatever the application does.
create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function refuse_change();
create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function refuse_change();
