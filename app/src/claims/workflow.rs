//! The editorial state of a claim: draft → in review (its author submits) → published (an
//! editor) or back to draft with a note; published → retracted with a public note.

use leptos::prelude::*;

use crate::error::AppError;

/// The author (or an editor) sends a draft to the editors.
#[server(endpoint = "desk/claims/submit")]
pub async fn submit_claim(claim_id: i64, version: i32) -> Result<(), AppError> {
    use crate::accounts::{session::require_role, WRITERS};
    let user = require_role(WRITERS).await?;
    super::workflow_db::submit(&crate::state::pool()?, &user, claim_id, version)
        .await
        .map_err(AppError::respond)
}

/// An editor sends a claim in review back to its author, saying what needs doing.
#[server(endpoint = "desk/claims/return")]
pub async fn return_claim(claim_id: i64, version: i32, note: String) -> Result<(), AppError> {
    use crate::accounts::{session::require_role, EDITORS};
    let user = require_role(EDITORS).await?;
    super::workflow_db::return_to_draft(&crate::state::pool()?, &user, claim_id, version, &note)
        .await
        .map_err(AppError::respond)
}

/// An editor publishes a claim in review.
#[server(endpoint = "desk/claims/publish")]
pub async fn publish_claim(claim_id: i64, version: i32) -> Result<(), AppError> {
    use crate::accounts::{session::require_role, EDITORS};
    let user = require_role(EDITORS).await?;
    super::workflow_db::publish(&crate::state::pool()?, &user, claim_id, version)
        .await
        .map_err(AppError::respond)
}

/// An editor retracts a published claim; it stays public with the note saying why.
#[server(endpoint = "desk/claims/retract")]
pub async fn retract_claim(claim_id: i64, version: i32, note: String) -> Result<(), AppError> {
    use crate::accounts::{session::require_role, EDITORS};
    let user = require_role(EDITORS).await?;
    super::workflow_db::retract(&crate::state::pool()?, &user, claim_id, version, &note)
        .await
        .map_err(AppError::respond)
}
