//! People who use the desk: who is signed in, and the one permission check every non-public
//! server function calls first.

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod session;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db_enum;
use crate::error::AppError;

db_enum! {
    /// What a desk user may do; see PRODUCT.md "Who uses it".
    UserRole as "user_role" { FactChecker = "fact_checker", Editor = "editor", Admin = "admin" }
}

impl UserRole {
    pub fn label_en(self) -> &'static str {
        match self {
            UserRole::FactChecker => "Fact-checker",
            UserRole::Editor => "Editor",
            UserRole::Admin => "Admin",
        }
    }
}

/// The signed-in desk user, as the pages may know it (no hash, no session id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub role: UserRole,
}

/// Who is signed in on this request, if anyone.
#[server(endpoint = "account/current-user")]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    session::current_user().await
}
