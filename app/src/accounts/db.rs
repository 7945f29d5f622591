use sqlx::PgPool;

use serde_json::json;

use super::{CurrentUser, DeskUser, UserRole};
use crate::audit::db::{record, Actor, AuditEntry};
use crate::error::AppError;
use crate::i18n::td_string;

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

pub async fn list_users(pool: &PgPool) -> Result<Vec<DeskUser>, AppError> {
    Ok(sqlx::query_as!(
        DeskUser,
        r#"select app_user_id as user_id, username, display_name, role as "role: UserRole",
                  disabled_at is not null as "disabled!", password_hash is not null as "can_log_in!", version
             from app_user order by disabled_at is not null, username"#
    )
    .fetch_all(pool)
    .await?)
}

/// A new account and its audit entry, in one transaction; None when the username is taken.
/// Used by the admin page (actor: the admin) and by `server create-user` (actor: the CLI).
pub async fn insert_user(
    pool: &PgPool,
    actor: &Actor,
    username: &str,
    display_name: &str,
    role: UserRole,
    password_hash: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let Some(user_id) = sqlx::query_scalar!(
        "insert into app_user (username, display_name, role, password_hash) values ($1, $2, $3, $4)
         on conflict (username) do nothing returning app_user_id",
        username,
        display_name,
        role as UserRole,
        password_hash
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(None);
    };
    let after = json!({ "username": username, "display_name": display_name, "role": role });
    let entry = AuditEntry {
        action: "user.create",
        object_type: "app_user",
        object_id: user_id,
        before: None,
        after: Some(after),
        note: None,
    };
    record(&mut tx, actor, entry).await?;
    tx.commit().await?;
    Ok(Some(user_id))
}

pub async fn create_user(
    pool: &PgPool,
    admin: &CurrentUser,
    username: &str,
    display_name: &str,
    role: UserRole,
    password_hash: &str,
) -> Result<i64, AppError> {
    let locale = crate::language::message_locale();
    insert_user(
        pool,
        &Actor::desk(admin),
        username,
        display_name,
        role,
        password_hash,
    )
    .await?
    .ok_or_else(|| {
        AppError::BadRequest(
            td_string!(locale, message.account.username_taken, username).to_string(),
        )
    })
}

pub async fn update_user(
    pool: &PgPool,
    admin: &CurrentUser,
    user_id: i64,
    version: i32,
    role: UserRole,
    disabled: bool,
) -> Result<(), AppError> {
    let locale = crate::language::message_locale();
    let mut tx = pool.begin().await?;
    let before = sqlx::query!(
        r#"select role as "role: UserRole", disabled_at is not null as "disabled!" from app_user
            where app_user_id = $1 for update"#,
        user_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| AppError::NotFound(td_string!(locale, message.account.not_found).to_owned()))?;
    let updated = sqlx::query!(
        "update app_user
            set role = $3,
                disabled_at = case when $4 then coalesce(disabled_at, now()) else null end,
                version = version + 1, updated_at = now()
          where app_user_id = $1 and version = $2",
        user_id,
        version,
        role as UserRole,
        disabled
    )
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(AppError::Conflict(
            td_string!(locale, message.account.stale).to_owned(),
        ));
    }
    if disabled {
        end_sessions(&mut tx, user_id).await?;
    }
    let entry = AuditEntry {
        action: "user.update",
        object_type: "app_user",
        object_id: user_id,
        before: Some(json!({ "role": before.role, "disabled": before.disabled })),
        after: Some(json!({ "role": role, "disabled": disabled })),
        note: None,
    };
    record(&mut tx, &Actor::desk(admin), entry).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn reset_password(
    pool: &PgPool,
    admin: &CurrentUser,
    user_id: i64,
    version: i32,
    password_hash: &str,
) -> Result<(), AppError> {
    let locale = crate::language::message_locale();
    let mut tx = pool.begin().await?;
    let updated = sqlx::query!(
        "update app_user set password_hash = $3, version = version + 1, updated_at = now()
          where app_user_id = $1 and version = $2",
        user_id,
        version,
        password_hash
    )
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(AppError::Conflict(
            td_string!(locale, message.account.stale).to_owned(),
        ));
    }
    end_sessions(&mut tx, user_id).await?;
    // The hash itself never goes into the audit log.
    let entry = AuditEntry {
        action: "user.reset_password",
        object_type: "app_user",
        object_id: user_id,
        before: None,
        after: Some(json!({ "password": "changed" })),
        note: None,
    };
    record(&mut tx, &Actor::desk(admin), entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Sign the user out everywhere: delete their sessions from the store.
async fn end_sessions(conn: &mut sqlx::PgConnection, user_id: i64) -> Result<(), AppError> {
    sqlx::query!(
        "delete from session where (data -> 'claimtrack.sign_in' ->> 'user_id')::bigint = $1",
        user_id
    )
    .execute(conn)
    .await?;
    Ok(())
}
