//! People who use the desk: who is signed in, and the one permission check every non-public
//! server function calls first.

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod session;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db_enum;
use crate::error::AppError;
use crate::i18n::{td_string, Locale};

db_enum! {
    /// What a desk user may do; see PRODUCT.md "Who uses it".
    UserRole as "user_role" { FactChecker = "fact_checker", Editor = "editor", Admin = "admin" }
}

/// Who may write drafts, sources, entities, relations and proposals.
pub const WRITERS: &[UserRole] = &[UserRole::FactChecker, UserRole::Editor];
/// Who may decide proposals, publish, return, retract and correct.
pub const EDITORS: &[UserRole] = &[UserRole::Editor];
/// Everyone with a desk account (reading desk pages).
pub const DESK: &[UserRole] = &[UserRole::FactChecker, UserRole::Editor, UserRole::Admin];

impl UserRole {
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            UserRole::FactChecker => td_string!(locale, desk.role.fact_checker),
            UserRole::Editor => td_string!(locale, desk.role.editor),
            UserRole::Admin => td_string!(locale, desk.role.admin),
        }
    }

    /// English, for the command line.
    pub fn label_en(self) -> &'static str {
        self.label(Locale::en)
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

/// Usernames are simple lower-case handles: 2–40 of a–z, 0–9, '.', '_', '-', starting with a
/// letter or digit.
pub fn username_problem(username: &str) -> Option<&'static str> {
    let mut chars = username.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    let rest_ok =
        chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if first_ok && rest_ok && (2..=40).contains(&username.len()) {
        None
    } else {
        Some(td_string!(
            crate::language::message_locale(),
            message.account.username_rule
        ))
    }
}

/// A desk account as the admin page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskUser {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub role: UserRole,
    pub disabled: bool,
    pub can_log_in: bool,
    /// For the edit forms: a save from an older version is refused (someone else changed it).
    pub version: i32,
}

/// Every desk account, for the admin page.
#[server(endpoint = "admin/users")]
pub async fn list_desk_users() -> Result<Vec<DeskUser>, AppError> {
    session::require_role(&[UserRole::Admin]).await?;
    db::list_users(&crate::state::pool()?)
        .await
        .map_err(AppError::respond)
}

/// A new desk account.
#[server(endpoint = "admin/users/create")]
pub async fn create_desk_user(
    username: String,
    display_name: String,
    role: UserRole,
    password: String,
) -> Result<i64, AppError> {
    let locale = crate::language::message_locale();
    let admin = session::require_role(&[UserRole::Admin]).await?;
    let username = username.trim().to_lowercase();
    if let Some(problem) = username_problem(&username) {
        return Err(AppError::BadRequest(
            td_string!(locale, message.account.username_problem, problem).to_string(),
        )
        .respond());
    }
    let display_name = display_name.trim().to_owned();
    if display_name.is_empty() || display_name.chars().count() > 100 {
        return Err(AppError::BadRequest(
            td_string!(locale, message.account.display_name_length).to_owned(),
        )
        .respond());
    }
    if let Some(problem) = password::password_problem(&password) {
        return Err(AppError::BadRequest(
            td_string!(locale, message.account.password_problem, problem).to_string(),
        )
        .respond());
    }
    let hash = password::hash_password(password).await?;
    db::create_user(
        &crate::state::pool()?,
        &admin,
        &username,
        &display_name,
        role,
        &hash,
    )
    .await
    .map_err(AppError::respond)
}

/// Change an account's role or switch it off or on. Disabling ends its sessions at once.
#[server(endpoint = "admin/users/update")]
pub async fn update_desk_user(
    user_id: i64,
    version: i32,
    role: UserRole,
    disabled: bool,
) -> Result<(), AppError> {
    let locale = crate::language::message_locale();
    let admin = session::require_role(&[UserRole::Admin]).await?;
    if user_id == admin.user_id && (disabled || role != UserRole::Admin) {
        return Err(AppError::BadRequest(
            td_string!(locale, message.account.own_account).to_owned(),
        )
        .respond());
    }
    db::update_user(
        &crate::state::pool()?,
        &admin,
        user_id,
        version,
        role,
        disabled,
    )
    .await
    .map_err(AppError::respond)
}

/// Set a new password for an account; its existing sessions end.
#[server(endpoint = "admin/users/reset-password")]
pub async fn reset_desk_password(
    user_id: i64,
    version: i32,
    password: String,
) -> Result<(), AppError> {
    let locale = crate::language::message_locale();
    let admin = session::require_role(&[UserRole::Admin]).await?;
    if let Some(problem) = password::password_problem(&password) {
        return Err(AppError::BadRequest(
            td_string!(locale, message.account.password_problem, problem).to_string(),
        )
        .respond());
    }
    let hash = password::hash_password(password).await?;
    db::reset_password(&crate::state::pool()?, &admin, user_id, version, &hash)
        .await
        .map_err(AppError::respond)
}
