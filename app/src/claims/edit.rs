//! The claim editor on the desk (`/desk/claims/…`): loading a claim in any state, creating and
//! saving it, its appearances (with excerpts anchored in a source snapshot) and its relations.
//! Every server function checks the role first; the rules per editorial state live in
//! `edit_db.rs`, next to the queries they guard.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::form::ClaimForm;
use super::{AppearanceRole, AttributionStatus, EditorialState, RelationKind};
use crate::error::AppError;
use crate::ratings::Rating;

/// One place the claim appears, as the editor lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskAppearance {
    pub appearance_id: i64,
    pub source_id: i64,
    pub source_title: String,
    pub role: AppearanceRole,
    pub cue_verb: Option<String>,
    pub exact: String,
    /// The snapshot the excerpt is anchored in, when there is one.
    pub snapshot_number: Option<i32>,
}

/// A relation as seen from the claim being edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskRelation {
    pub relation_id: i64,
    pub kind: RelationKind,
    /// True when the edited claim is the relation's `to` side.
    pub incoming: bool,
    pub other_claim_id: i64,
    pub other_title: String,
    pub note: Option<String>,
}

/// A claim as the desk sees it: any state, with everything the editor page needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskClaim {
    pub claim_id: i64,
    pub version: i32,
    pub slug: String,
    pub editorial_state: EditorialState,
    pub author_id: Option<i64>,
    pub author: Option<String>,
    pub speaker_name: String,
    pub form: ClaimForm,
    pub attribution_status: AttributionStatus,
    pub attribution_explanation: Option<String>,
    pub verdict: Option<Rating>,
    pub verdict_explanation: Option<String>,
    pub retraction_note: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub appearances: Vec<DeskAppearance>,
    pub relations: Vec<DeskRelation>,
}

impl DeskClaim {
    /// What listings and headings call the claim.
    pub fn title(&self) -> String {
        if self.form.headline.trim().is_empty() {
            super::shorten(&self.form.text, 75)
        } else {
            self.form.headline.clone()
        }
    }
}

/// A short line for pickers: relation targets, review queue, dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimPick {
    pub claim_id: i64,
    pub slug: String,
    pub title: String,
    pub speaker_name: String,
    pub editorial_state: EditorialState,
}

/// A claim for the editor page.
#[server(endpoint = "desk/claims/get")]
pub async fn get_desk_claim(claim_id: i64) -> Result<DeskClaim, AppError> {
    use crate::accounts::{session::require_role, DESK};
    use crate::i18n::td_string;
    let locale = crate::language::message_locale();
    require_role(DESK).await?;
    super::edit_db::desk_claim(&crate::state::pool()?, claim_id)
        .await?
        .ok_or_else(|| {
            AppError::NotFound(td_string!(locale, message.claim.not_found).to_owned()).respond()
        })
}

/// A new draft claim; answers with its id (a plain form post is sent on to its editor page).
#[server(endpoint = "desk/claims/create")]
pub async fn create_claim(form: ClaimForm) -> Result<i64, AppError> {
    use crate::accounts::{session::require_role, WRITERS};
    let user = require_role(WRITERS).await?;
    let checked = form.check().map_err(AppError::respond)?;
    let claim_id = super::edit_db::insert_claim(&crate::state::pool()?, &user, checked)
        .await
        .map_err(AppError::respond)?;
    leptos_axum::redirect(&format!("/desk/claims/{claim_id}"));
    Ok(claim_id)
}

/// Save the claim's fields. `version` is the one the form was loaded at; a published claim's
/// change needs a `correction_note`, which readers see.
#[server(endpoint = "desk/claims/update")]
pub async fn update_claim(
    claim_id: i64,
    version: i32,
    form: ClaimForm,
    #[server(default)] correction_note: Option<String>,
) -> Result<(), AppError> {
    use crate::accounts::{session::require_role, WRITERS};
    let user = require_role(WRITERS).await?;
    let yours = form.values();
    let checked = form.check().map_err(AppError::respond)?;
    super::edit_db::update_claim(
        &crate::state::pool()?,
        &user,
        claim_id,
        version,
        checked,
        yours,
        correction_note.as_deref(),
    )
    .await
    .map_err(AppError::respond)
}

/// Record where the claim appears. With a snapshot, `exact` must occur in it; `start_offset`
/// (characters, from the browser's selection) says which occurrence when it occurs twice.
#[server(endpoint = "desk/claims/add-appearance")]
pub async fn add_appearance(
    claim_id: i64,
    source_id: i64,
    role: AppearanceRole,
    #[server(default)] cue_verb: String,
    exact: String,
    #[server(default)] start_offset: String,
) -> Result<(), AppError> {
    use crate::accounts::{session::require_role, WRITERS};
    let user = require_role(WRITERS).await?;
    super::edit_db::add_appearance(
        &crate::state::pool()?,
        &user,
        super::edit_db::NewAppearance {
            claim_id,
            source_id,
            role,
            cue_verb: cue_verb.trim().to_owned(),
            exact,
            // Empty when the excerpt was typed rather than selected.
            start_offset: start_offset.trim().parse().ok(),
        },
    )
    .await
    .map_err(AppError::respond)
}

/// Link this claim to another: "this claim <kind> the target". `target` is the other claim's
/// slug (the search fills it in).
#[server(endpoint = "desk/claims/add-relation")]
pub async fn add_relation(
    claim_id: i64,
    kind: RelationKind,
    target: String,
    #[server(default)] note: String,
    #[server(default)] correction_note: Option<String>,
) -> Result<(), AppError> {
    use crate::accounts::{session::require_role, WRITERS};
    let user = require_role(WRITERS).await?;
    super::edit_db::add_relation(
        &crate::state::pool()?,
        &user,
        claim_id,
        kind,
        target.trim(),
        note.trim(),
        correction_note.as_deref(),
    )
    .await
    .map_err(AppError::respond)
}

/// Remove a relation made in error (kept in the audit log; a correction when public).
#[server(endpoint = "desk/claims/remove-relation")]
pub async fn remove_relation(
    relation_id: i64,
    #[server(default)] correction_note: Option<String>,
) -> Result<(), AppError> {
    use crate::accounts::{session::require_role, WRITERS};
    let user = require_role(WRITERS).await?;
    super::edit_db::remove_relation(
        &crate::state::pool()?,
        &user,
        relation_id,
        correction_note.as_deref(),
    )
    .await
    .map_err(AppError::respond)
}

/// Claims whose text, headline, slug or speaker match `q`, for the relation picker.
#[server(endpoint = "desk/claims/search")]
pub async fn search_desk_claims(q: String) -> Result<Vec<ClaimPick>, AppError> {
    use crate::accounts::{session::require_role, DESK};
    require_role(DESK).await?;
    super::edit_db::search_claims(&crate::state::pool()?, q.trim())
        .await
        .map_err(AppError::respond)
}
