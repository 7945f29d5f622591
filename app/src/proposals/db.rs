use serde_json::json;
use sqlx::PgPool;

use super::{EvidenceView, JudgementAxis, ProposalState, ProposalView, QueuedClaim};
use crate::accounts::CurrentUser;
use crate::audit::db::{record, Actor, AuditEntry};
use crate::claims::edit_db::{
    changed_fields, claim_json, lock_claim, record_correction, required_correction_note,
};
use crate::claims::{shorten, AttributionStatus, EditorialState};
use crate::error::{AppError, Problems};
use crate::i18n::{td_string, Locale};

pub struct NewProposal {
    pub claim_id: i64,
    pub axis: JudgementAxis,
    pub value: String,
    pub rationale: String,
    pub evidence: Vec<i64>,
}

/// The proposed value, resolved: an attribution status, or a rating id.
enum Target {
    Status(AttributionStatus),
    Rating(i64),
}

pub async fn propose(pool: &PgPool, user: &CurrentUser, new: NewProposal) -> Result<i64, AppError> {
    let locale = crate::language::message_locale();
    let mut tx = pool.begin().await?;
    let claim = lock_claim(&mut tx, new.claim_id).await?;
    if claim.state == EditorialState::Retracted {
        return Err(AppError::Conflict(
            td_string!(locale, message.proposal.claim_retracted).to_owned(),
        ));
    }
    let current = sqlx::query!(
        r#"select attribution_status as "status: AttributionStatus", rating_id from claim where claim_id = $1"#,
        new.claim_id
    )
    .fetch_one(&mut *tx)
    .await?;
    let mut problems = Problems::default();
    let target = match new.axis {
        JudgementAxis::AttributionStatus => match new.value.parse::<AttributionStatus>() {
            Ok(status) if status == current.status => {
                problems.add("value", td_string!(locale, message.proposal.same_status));
                None
            }
            Ok(status) => Some(Target::Status(status)),
            Err(_) => {
                problems.add(
                    "value",
                    td_string!(locale, message.proposal.status_required),
                );
                None
            }
        },
        JudgementAxis::Verdict => {
            let rating_id = sqlx::query_scalar!(
                "select rating_id from rating where slug = $1 and not retired",
                new.value
            )
            .fetch_optional(&mut *tx)
            .await?;
            match rating_id {
                Some(id) if Some(id) == current.rating_id => {
                    problems.add("value", td_string!(locale, message.proposal.same_verdict));
                    None
                }
                Some(id) => Some(Target::Rating(id)),
                None => {
                    problems.add(
                        "value",
                        td_string!(locale, message.proposal.rating_required),
                    );
                    None
                }
            }
        }
    };
    if new.rationale.is_empty() || new.rationale.chars().count() > 5000 {
        problems.add(
            "rationale",
            td_string!(locale, message.proposal.rationale_required),
        );
    }
    let mut evidence = new.evidence.clone();
    evidence.sort_unstable();
    evidence.dedup();
    let known = sqlx::query_scalar!(
        r#"select count(*) as "count!" from source where source_id = any($1)"#,
        &evidence
    )
    .fetch_one(&mut *tx)
    .await?;
    if evidence.is_empty() {
        problems.add(
            "evidence",
            td_string!(locale, message.proposal.evidence_required),
        );
    } else if known != evidence.len() as i64 {
        problems.add(
            "evidence",
            td_string!(locale, message.proposal.evidence_unknown),
        );
    }
    problems.into_result()?;
    let Some(target) = target else {
        return Err(AppError::Internal);
    };

    // One pending proposal per axis: the newer one replaces the older, which is kept as superseded.
    let superseded = sqlx::query_scalar!(
        "update proposal set state = 'superseded'
          where claim_id = $1 and axis = $2 and state = 'pending' returning proposal_id",
        new.claim_id,
        new.axis as JudgementAxis
    )
    .fetch_all(&mut *tx)
    .await?;
    let (from_status, to_status, from_rating, to_rating) = match target {
        Target::Status(status) => (Some(current.status), Some(status), None, None),
        Target::Rating(id) => (None, None, current.rating_id, Some(id)),
    };
    let proposal_id = sqlx::query_scalar!(
        r#"
        insert into proposal (claim_id, axis, from_attribution_status, to_attribution_status,
                              from_rating_id, to_rating_id, rationale, proposed_by)
        values ($1, $2, $3, $4, $5, $6, $7, $8)
        returning proposal_id
        "#,
        new.claim_id,
        new.axis as JudgementAxis,
        from_status as Option<AttributionStatus>,
        to_status as Option<AttributionStatus>,
        from_rating,
        to_rating,
        new.rationale,
        user.user_id
    )
    .fetch_one(&mut *tx)
    .await?;
    // Each evidence source points at the claim's excerpt from it, when the claim has one.
    sqlx::query!(
        r#"
        insert into proposal_evidence (proposal_id, source_id, appearance_id)
        select $1, s.source_id,
               (select min(a.appearance_id) from appearance a where a.claim_id = $2 and a.source_id = s.source_id)
          from unnest($3::bigint[]) as s(source_id)
        "#,
        proposal_id,
        new.claim_id,
        &evidence
    )
    .execute(&mut *tx)
    .await?;
    let actor = Actor::desk(user);
    for old in superseded {
        let entry = AuditEntry {
            action: "proposal.supersede",
            object_type: "proposal",
            object_id: old,
            before: Some(json!({ "state": "pending" })),
            after: Some(json!({ "state": "superseded", "superseded_by": proposal_id })),
            note: None,
        };
        record(&mut tx, &actor, entry).await?;
    }
    let after = json!({
        "claim_id": new.claim_id, "axis": new.axis, "value": new.value,
        "rationale": new.rationale, "evidence_source_ids": evidence, "state": "pending",
    });
    let entry = AuditEntry {
        action: "proposal.create",
        object_type: "proposal",
        object_id: proposal_id,
        before: None,
        after: Some(after),
        note: None,
    };
    record(&mut tx, &actor, entry).await?;
    tx.commit().await?;
    Ok(proposal_id)
}

pub async fn decide(
    pool: &PgPool,
    user: &CurrentUser,
    proposal_id: i64,
    approve: bool,
    note: &str,
    correction_note: Option<&str>,
) -> Result<(), AppError> {
    let locale = crate::language::message_locale();
    let mut tx = pool.begin().await?;
    let proposal = sqlx::query!(
        r#"
        select claim_id, axis as "axis: JudgementAxis", state as "state: ProposalState", proposed_by,
               to_attribution_status as "to_status: AttributionStatus", to_rating_id, rationale
          from proposal where proposal_id = $1 for update
        "#,
        proposal_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| AppError::NotFound(td_string!(locale, message.proposal.not_found).to_owned()))?;
    // Four-eyes rule (the database's proposal_four_eyes constraint says the same).
    if proposal.proposed_by == user.user_id {
        return Err(AppError::Forbidden);
    }
    if proposal.state != ProposalState::Pending {
        return Err(AppError::Conflict(
            td_string!(
                locale,
                message.proposal.already_decided,
                state = proposal.state.label(locale)
            )
            .to_string(),
        ));
    }
    let mut problems = Problems::default();
    if note.is_empty() || note.chars().count() > 5000 {
        problems.add("note", td_string!(locale, message.proposal.note_required));
    }
    problems.into_result()?;
    let claim = lock_claim(&mut tx, proposal.claim_id).await?;
    if claim.state == EditorialState::Retracted {
        return Err(AppError::Conflict(
            td_string!(locale, message.proposal.claim_retracted).to_owned(),
        ));
    }
    let correction = if approve {
        required_correction_note(claim.state, correction_note)?
    } else {
        None
    };
    let new_state = if approve {
        ProposalState::Approved
    } else {
        ProposalState::Rejected
    };
    sqlx::query!(
        "update proposal set state = $2, decided_by = $3, decided_at = now(), decision_note = $4
          where proposal_id = $1",
        proposal_id,
        new_state as ProposalState,
        user.user_id,
        note
    )
    .execute(&mut *tx)
    .await?;
    let actor = Actor::desk(user);
    if approve {
        let before = claim_json(&mut tx, proposal.claim_id).await?;
        // The approved rationale becomes the public explanation of the judgement.
        sqlx::query!(
            r#"
            update claim
               set attribution_status = case when $2 = 'attribution_status' then $3 else attribution_status end,
                   attribution_explanation = case when $2 = 'attribution_status' then $5 else attribution_explanation end,
                   rating_id = case when $2 = 'verdict' then $4 else rating_id end,
                   verdict_explanation = case when $2 = 'verdict' then $5 else verdict_explanation end,
                   version = version + 1, updated_at = now()
             where claim_id = $1
            "#,
            proposal.claim_id,
            proposal.axis as JudgementAxis,
            proposal.to_status as Option<AttributionStatus>,
            proposal.to_rating_id,
            proposal.rationale
        )
        .execute(&mut *tx)
        .await?;
        let after = claim_json(&mut tx, proposal.claim_id).await?;
        let (changed, before, after) = changed_fields(&before, &after);
        if let Some(correction) = correction {
            let what = vec![proposal
                .axis
                .as_str()
                .replace("attribution_status", "attribution")];
            record_correction(&mut tx, user, proposal.claim_id, correction, &what).await?;
        }
        let entry = AuditEntry {
            action: if correction.is_some() {
                "claim.correct"
            } else {
                "claim.judge"
            },
            object_type: "claim",
            object_id: proposal.claim_id,
            before: Some(before),
            after: Some(json!({ "fields": changed, "values": after, "proposal_id": proposal_id })),
            note: correction,
        };
        record(&mut tx, &actor, entry).await?;
    }
    let entry = AuditEntry {
        action: if approve {
            "proposal.approve"
        } else {
            "proposal.reject"
        },
        object_type: "proposal",
        object_id: proposal_id,
        before: Some(json!({ "state": "pending" })),
        after: Some(json!({ "state": new_state, "decision_note": note })),
        note: Some(note),
    };
    record(&mut tx, &actor, entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Which proposals to list.
pub enum Which {
    /// Every proposal of one claim, newest first.
    Claim(i64),
    /// Pending proposals on all claims, oldest first.
    Pending,
    /// Pending proposals made by one user, oldest first.
    PendingBy(i64),
}

/// `locale`: the language of the "from → to" labels (the reader's).
pub async fn proposals(
    pool: &PgPool,
    which: Which,
    locale: Locale,
) -> Result<Vec<ProposalView>, AppError> {
    let (claim_id, proposer, pending_only) = match which {
        Which::Claim(id) => (Some(id), None, false),
        Which::Pending => (None, None, true),
        Which::PendingBy(user) => (None, Some(user), true),
    };
    let rows = sqlx::query!(
        r#"
        select p.proposal_id, p.claim_id, c.headline, c.text, c.editorial_state as "claim_state: EditorialState",
               e.name as speaker_name, p.axis as "axis: JudgementAxis",
               p.from_attribution_status as "from_status: AttributionStatus",
               p.to_attribution_status as "to_status: AttributionStatus",
               rf.label_en as "from_rating_en?", rt.label_en as "to_rating_en?",
               rf.label_id as "from_rating_id?", rt.label_id as "to_rating_id?",
               p.rationale, p.proposed_by, pu.display_name as proposer, p.proposed_at,
               p.state as "state: super::ProposalState", du.display_name as "decider?", p.decided_at,
               p.decision_note
          from proposal p
          join claim c on c.claim_id = p.claim_id
          join entity e on e.entity_id = c.speaker_entity_id
          join app_user pu on pu.app_user_id = p.proposed_by
          left join app_user du on du.app_user_id = p.decided_by
          left join rating rf on rf.rating_id = p.from_rating_id
          left join rating rt on rt.rating_id = p.to_rating_id
         where ($1::bigint is null or p.claim_id = $1)
           and ($2::bigint is null or p.proposed_by = $2)
           and (not $3 or p.state = 'pending')
         order by case when $3 then p.proposed_at end asc,
                  case when not $3 then p.proposed_at end desc,
                  p.proposal_id
         limit 200
        "#,
        claim_id,
        proposer,
        pending_only
    )
    .fetch_all(pool)
    .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.proposal_id).collect();
    let evidence = sqlx::query!(
        r#"
        select pe.proposal_id, s.source_id, s.title, s.url, a.exact as "exact?"
          from proposal_evidence pe
          join source s on s.source_id = pe.source_id
          left join appearance a on a.appearance_id = pe.appearance_id
         where pe.proposal_id = any($1)
         order by pe.proposal_id, s.source_id
        "#,
        &ids
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let (from_label, to_label) = match r.axis {
                JudgementAxis::AttributionStatus => (
                    r.from_status.map(|s| s.label(locale).to_owned()),
                    r.to_status
                        .map(|s| s.label(locale).to_owned())
                        .unwrap_or_default(),
                ),
                // The rating table's own name in each language.
                JudgementAxis::Verdict => match locale {
                    Locale::en => (r.from_rating_en, r.to_rating_en.unwrap_or_default()),
                    Locale::id => (r.from_rating_id, r.to_rating_id.unwrap_or_default()),
                },
            };
            ProposalView {
                proposal_id: r.proposal_id,
                claim_id: r.claim_id,
                claim_title: r.headline.unwrap_or_else(|| shorten(&r.text, 75)),
                claim_text: r.text,
                claim_state: r.claim_state,
                speaker_name: r.speaker_name,
                axis: r.axis,
                from_label,
                to_label,
                rationale: r.rationale,
                proposer_id: r.proposed_by,
                proposer: r.proposer,
                proposed_at: r.proposed_at,
                state: r.state,
                decider: r.decider,
                decided_at: r.decided_at,
                decision_note: r.decision_note,
                evidence: evidence
                    .iter()
                    .filter(|e| e.proposal_id == r.proposal_id)
                    .map(|e| EvidenceView {
                        source_id: e.source_id,
                        source_title: e.title.clone(),
                        source_url: e.url.clone(),
                        excerpt: e.exact.clone(),
                    })
                    .collect(),
            }
        })
        .collect())
}

/// Claims in review, the longest-waiting first.
pub async fn claims_in_review(pool: &PgPool) -> Result<Vec<QueuedClaim>, AppError> {
    let rows = sqlx::query!(
        r#"
        select c.claim_id, c.version, c.headline, c.text, e.name as speaker_name,
               u.display_name as "author?",
               coalesce((select max(t.occurred_at) from claim_transition t
                          where t.claim_id = c.claim_id and t.to_state = 'in_review'), c.updated_at) as "submitted_at!"
          from claim c
          join entity e on e.entity_id = c.speaker_entity_id
          left join app_user u on u.app_user_id = c.created_by
         where c.editorial_state = 'in_review'
         order by 7 asc, c.claim_id
         limit 200
        "#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| QueuedClaim {
            claim_id: r.claim_id,
            version: r.version,
            title: r.headline.unwrap_or_else(|| shorten(&r.text, 75)),
            text: r.text,
            speaker_name: r.speaker_name,
            author: r.author,
            submitted_at: r.submitted_at,
        })
        .collect())
}
