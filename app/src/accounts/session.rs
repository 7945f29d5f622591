//! The session as the server sees it. Sessions live in PostgreSQL (tower-sessions); the cookie
//! holds only a random id. A session ends after 8 idle hours (cookie expiry, set in the router),
//! 12 hours after sign-in whatever happens, and at once when its user is disabled.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::{CurrentUser, UserRole};
use crate::error::AppError;

/// Where the sign-in is kept in the session.
pub const SESSION_KEY: &str = "claimtrack.sign_in";
/// Absolute lifetime of a sign-in.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SignIn {
    pub user_id: i64,
    pub signed_in_at: DateTime<Utc>,
}

impl SignIn {
    pub fn is_expired(&self, now: DateTime<Utc>) -> bool {
        now - self.signed_in_at > ABSOLUTE_TIMEOUT
    }
}

async fn request_session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(|error| {
        tracing::error!(%error, "no session layer on this request");
        AppError::Internal
    })
}

/// The signed-in user of the session, checked against the database on every call: a disabled
/// user or an expired sign-in ends the session.
pub async fn user_of_session(
    session: &Session,
    pool: &sqlx::PgPool,
) -> Result<Option<CurrentUser>, AppError> {
    let Some(sign_in) = session.get::<SignIn>(SESSION_KEY).await? else {
        return Ok(None);
    };
    let user = if sign_in.is_expired(Utc::now()) {
        None
    } else {
        super::db::active_user(pool, sign_in.user_id).await?
    };
    if user.is_none() {
        session.flush().await?;
    }
    Ok(user)
}

pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let pool = crate::state::pool()?;
    user_of_session(&request_session().await?, &pool).await
}

/// The permission check that starts every server function revealing non-public data or
/// changing anything: anonymous → 401, a role not in `allowed` → 403.
pub async fn require_role(allowed: &[UserRole]) -> Result<CurrentUser, AppError> {
    let user = current_user()
        .await?
        .ok_or_else(|| AppError::Unauthorized.respond())?;
    if allowed.contains(&user.role) {
        Ok(user)
    } else {
        Err(AppError::Forbidden.respond())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sign_in_expires_twelve_hours_after_it_began() {
        let start = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let sign_in = SignIn {
            user_id: 1,
            signed_in_at: start,
        };
        assert!(!sign_in.is_expired(start + Duration::hours(12)));
        assert!(sign_in.is_expired(start + Duration::hours(12) + Duration::seconds(1)));
    }
}
