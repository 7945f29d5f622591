use sqlx::PgPool;

use super::{CurrentUser, UserRole};
use crate::error::AppError;

/// The user, unless disabled.
pub async fn active_user(pool: &PgPool, user_id: i64) -> Result<Option<CurrentUser>, AppError> {
    Ok(sqlx::query_as!(
        CurrentUser,
        r#"select app_user_id as user_id, username, display_name, role as "role: UserRole"
             from app_user where app_user_id = $1 and disabled_at is null"#,
        user_id
    )
    .fetch_optional(pool)
    .await?)
}
