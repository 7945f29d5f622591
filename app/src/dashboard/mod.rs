//! The desk's start page (`/desk`): my drafts (with the editor's note when one came back), my
//! claims waiting for review, my pending proposals and, for editors, the size of the review queue.

#[cfg(feature = "ssr")]
pub mod db;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::CurrentUser;
use crate::error::AppError;
use crate::proposals::ProposalView;

/// One of my claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyClaim {
    pub claim_id: i64,
    pub title: String,
    pub updated_at: DateTime<Utc>,
    /// When an editor sent it back: their note and name.
    pub returned_note: Option<String>,
    pub returned_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub user: CurrentUser,
    pub drafts: Vec<MyClaim>,
    pub in_review: Vec<MyClaim>,
    pub proposals: Vec<ProposalView>,
    /// Pending proposals plus claims in review; only for editors.
    pub review_queue_size: Option<i64>,
}

#[server(endpoint = "desk/dashboard")]
pub async fn get_dashboard() -> Result<Dashboard, AppError> {
    use crate::accounts::{session::require_role, UserRole, DESK};
    let user = require_role(DESK).await?;
    let pool = crate::state::pool()?;
    let review_queue_size = if user.role == UserRole::Editor {
        Some(db::review_queue_size(&pool).await?)
    } else {
        None
    };
    Ok(Dashboard {
        drafts: db::my_claims(&pool, user.user_id, crate::claims::EditorialState::Draft).await?,
        in_review: db::my_claims(&pool, user.user_id, crate::claims::EditorialState::InReview)
            .await?,
        proposals: crate::proposals::db::proposals(
            &pool,
            crate::proposals::db::Which::PendingBy(user.user_id),
            crate::language::request_locale(),
        )
        .await?,
        review_queue_size,
        user,
    })
}
