//! The append-only audit log: every change, with who made it and what it was before and after.
//! The database refuses UPDATE, DELETE and TRUNCATE on `audit_event`. Desk users browse it at
//! `/desk/audit`, by object and by user.

#[cfg(feature = "ssr")]
pub mod db;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEventView {
    pub audit_event_id: i64,
    pub occurred_at: DateTime<Utc>,
    /// The desk user's username, or "system:<what>" for the system itself.
    pub actor: String,
    pub action: String,
    pub object_type: String,
    pub object_id: i64,
    /// Pretty-printed JSON.
    pub before: Option<String>,
    pub after: Option<String>,
    pub note: Option<String>,
    pub request_id: Option<String>,
}

/// Filters of the audit page; all optional, combined with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    pub object_type: Option<String>,
    pub object_id: Option<i64>,
    /// A username or a system label.
    pub actor: Option<String>,
    /// Show events older than this id (keyset pagination).
    pub before: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub events: Vec<AuditEventView>,
    pub next_before: Option<i64>,
}

pub const AUDIT_PAGE_SIZE: i64 = 50;

/// Audit events, newest first. Every desk role may read the log; nobody may change it.
#[server(endpoint = "desk/audit")]
pub async fn list_audit_events(filter: AuditFilter) -> Result<AuditPage, AppError> {
    use crate::accounts::{session::require_role, UserRole};
    require_role(&[UserRole::FactChecker, UserRole::Editor, UserRole::Admin]).await?;
    db::list(&crate::state::pool()?, &filter)
        .await
        .map_err(AppError::respond)
}
