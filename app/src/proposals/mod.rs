//! Proposals: every change of a claim's attribution status or verdict is proposed with a
//! rationale and evidence, and decided by an editor other than the proposer (four-eyes rule,
//! also enforced by the database). Approval applies the value to the claim in the same
//! transaction; only approved values are ever public.

#[cfg(feature = "ssr")]
pub mod db;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::claims::EditorialState;
use crate::db_enum;
use crate::error::AppError;
use crate::i18n::{td_string, Locale};
use crate::ratings::Rating;

db_enum! {
    /// The two judgements a claim carries.
    JudgementAxis as "judgement_axis" { AttributionStatus = "attribution_status", Verdict = "verdict" }
}

db_enum! {
    ProposalState as "proposal_state" {
        Pending = "pending", Approved = "approved", Rejected = "rejected", Superseded = "superseded",
    }
}

impl JudgementAxis {
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            JudgementAxis::Verdict => td_string!(locale, desk.axis.verdict),
            JudgementAxis::AttributionStatus => td_string!(locale, desk.axis.attribution_status),
        }
    }
}

impl ProposalState {
    /// Where a proposal stands ("pending", "approved" …).
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            ProposalState::Pending => td_string!(locale, desk.proposal_state.pending),
            ProposalState::Approved => td_string!(locale, desk.proposal_state.approved),
            ProposalState::Rejected => td_string!(locale, desk.proposal_state.rejected),
            ProposalState::Superseded => td_string!(locale, desk.proposal_state.superseded),
        }
    }
}

/// A source a proposal rests on, with the claim's excerpt from it when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceView {
    pub source_id: i64,
    pub source_title: String,
    pub source_url: Option<String>,
    pub excerpt: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalView {
    pub proposal_id: i64,
    pub claim_id: i64,
    pub claim_title: String,
    pub claim_text: String,
    pub claim_state: EditorialState,
    pub speaker_name: String,
    pub axis: JudgementAxis,
    /// The claim's value when the proposal was made (label), if any.
    pub from_label: Option<String>,
    pub to_label: String,
    pub rationale: String,
    pub proposer_id: i64,
    pub proposer: String,
    pub proposed_at: DateTime<Utc>,
    pub state: ProposalState,
    pub decider: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decision_note: Option<String>,
    pub evidence: Vec<EvidenceView>,
}

/// A claim waiting for an editor's review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedClaim {
    pub claim_id: i64,
    pub version: i32,
    pub title: String,
    pub text: String,
    pub speaker_name: String,
    pub author: Option<String>,
    pub submitted_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewQueue {
    pub proposals: Vec<ProposalView>,
    pub claims: Vec<QueuedClaim>,
}

/// The judgements part of the claim editor: the claim's proposals and the values one may propose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimJudgements {
    pub proposals: Vec<ProposalView>,
    pub ratings: Vec<Rating>,
}

/// Propose a new value for one judgement. `value` is an attribution status or a rating slug;
/// `evidence` holds source ids (at least one). A pending proposal on the same axis is superseded.
#[server(endpoint = "desk/proposals/create")]
pub async fn propose_judgement(
    claim_id: i64,
    axis: JudgementAxis,
    value: String,
    rationale: String,
    #[server(default)] evidence: Vec<i64>,
) -> Result<i64, AppError> {
    use crate::accounts::{session::require_role, WRITERS};
    let user = require_role(WRITERS).await?;
    let new = db::NewProposal {
        claim_id,
        axis,
        value: value.trim().to_owned(),
        rationale: rationale.trim().to_owned(),
        evidence,
    };
    db::propose(&crate::state::pool()?, &user, new)
        .await
        .map_err(AppError::respond)
}

/// An editor decides on someone else's proposal: `decision` is "approve" or "reject", with a
/// note. Approving a judgement of a published claim is a correction and needs a public note.
#[server(endpoint = "desk/proposals/decide")]
pub async fn decide_proposal(
    proposal_id: i64,
    decision: String,
    note: String,
    #[server(default)] correction_note: Option<String>,
) -> Result<(), AppError> {
    use crate::accounts::{session::require_role, EDITORS};
    let locale = crate::language::message_locale();
    let user = require_role(EDITORS).await?;
    let approve = match decision.as_str() {
        "approve" => true,
        "reject" => false,
        _ => {
            return Err(AppError::invalid(
                "decision",
                td_string!(locale, message.proposal.decision_required),
            )
            .respond());
        }
    };
    db::decide(
        &crate::state::pool()?,
        &user,
        proposal_id,
        approve,
        note.trim(),
        correction_note.as_deref(),
    )
    .await
    .map_err(AppError::respond)
}

/// A claim's proposals (newest first) and the ratings that may be proposed.
#[server(endpoint = "desk/proposals/for-claim")]
pub async fn get_claim_judgements(claim_id: i64) -> Result<ClaimJudgements, AppError> {
    use crate::accounts::{session::require_role, DESK};
    require_role(DESK).await?;
    let pool = crate::state::pool()?;
    Ok(ClaimJudgements {
        proposals: db::proposals(
            &pool,
            db::Which::Claim(claim_id),
            crate::language::request_locale(),
        )
        .await?,
        ratings: crate::ratings::db::all(&pool)
            .await?
            .into_iter()
            .filter(|r| !r.retired)
            .collect(),
    })
}

/// Pending proposals and claims in review, oldest first: the editors' work list.
#[server(endpoint = "desk/review")]
pub async fn get_review_queue() -> Result<ReviewQueue, AppError> {
    use crate::accounts::{session::require_role, EDITORS};
    require_role(EDITORS).await?;
    let pool = crate::state::pool()?;
    Ok(ReviewQueue {
        proposals: db::proposals(&pool, db::Which::Pending, crate::language::request_locale())
            .await?,
        claims: db::claims_in_review(&pool).await?,
    })
}
