//! State changes of a claim, each with its transition row and audit entry in one transaction.

use serde_json::json;
use sqlx::PgPool;

use super::edit_db::{lock_claim, record_correction};
use super::EditorialState;
use crate::accounts::{CurrentUser, UserRole};
use crate::audit::db::{record, Actor, AuditEntry};
use crate::error::{at_most_characters, AppError, Problems};
use crate::i18n::td_string;

/// A required note: trimmed, 1–2,000 characters, or a problem named `note`.
fn required_note<'a>(note: &'a str, why: &str) -> Result<&'a str, AppError> {
    let locale = crate::language::message_locale();
    let note = note.trim();
    let mut problems = Problems::default();
    if note.is_empty() {
        problems.add("note", why);
    } else if note.chars().count() > 2000 {
        problems.add("note", at_most_characters(locale, 2000));
    }
    problems.into_result().map(|_| note)
}

/// Move the claim from `from` to `to`, checking the version the user saw.
async fn transition(
    pool: &PgPool,
    user: &CurrentUser,
    claim_id: i64,
    version: i32,
    (from, to): (EditorialState, EditorialState),
    note: Option<&str>,
    may: impl FnOnce(Option<i64>) -> Result<(), AppError>,
) -> Result<(), AppError> {
    let locale = crate::language::message_locale();
    let mut tx = pool.begin().await?;
    let claim = lock_claim(&mut tx, claim_id).await?;
    may(claim.created_by)?;
    if claim.version != version {
        return Err(AppError::Conflict(
            td_string!(locale, message.workflow.stale).to_owned(),
        ));
    }
    if claim.state != from {
        return Err(AppError::Conflict(
            td_string!(
                locale,
                message.workflow.wrong_state,
                state = claim.state.label(locale),
                expected = from.label(locale)
            )
            .to_string(),
        ));
    }
    sqlx::query!(
        r#"
        update claim
           set editorial_state = $2::editorial_state,
               published_at = case when $2::editorial_state = 'published' then coalesce(published_at, now()) else published_at end,
               retracted_at = case when $2::editorial_state = 'retracted' then now() else retracted_at end,
               retraction_note = case when $2::editorial_state = 'retracted' then $3 else retraction_note end,
               version = version + 1, updated_at = now()
         where claim_id = $1
        "#,
        claim_id,
        to as EditorialState,
        note
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "insert into claim_transition (claim_id, from_state, to_state, note, actor_user_id)
         values ($1, $2, $3, $4, $5)",
        claim_id,
        from as EditorialState,
        to as EditorialState,
        note,
        user.user_id
    )
    .execute(&mut *tx)
    .await?;
    if to == EditorialState::Retracted {
        if let Some(note) = note {
            record_correction(&mut tx, user, claim_id, note, &["retraction".to_owned()]).await?;
        }
    }
    let action = match to {
        EditorialState::InReview => "claim.submit",
        EditorialState::Draft => "claim.return",
        EditorialState::Published => "claim.publish",
        EditorialState::Retracted => "claim.retract",
    };
    let entry = AuditEntry {
        action,
        object_type: "claim",
        object_id: claim_id,
        before: Some(json!({ "editorial_state": from })),
        after: Some(json!({ "editorial_state": to })),
        note,
    };
    record(&mut tx, &Actor::desk(user), entry).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn submit(
    pool: &PgPool,
    user: &CurrentUser,
    claim_id: i64,
    version: i32,
) -> Result<(), AppError> {
    let locale = crate::language::message_locale();
    let may = |author: Option<i64>| {
        if author == Some(user.user_id) || user.role == UserRole::Editor {
            Ok(())
        } else {
            Err(AppError::Conflict(
                td_string!(locale, message.workflow.only_author_submits).to_owned(),
            ))
        }
    };
    let step = (EditorialState::Draft, EditorialState::InReview);
    transition(pool, user, claim_id, version, step, None, may).await
}

pub async fn return_to_draft(
    pool: &PgPool,
    user: &CurrentUser,
    claim_id: i64,
    version: i32,
    note: &str,
) -> Result<(), AppError> {
    let locale = crate::language::message_locale();
    let note = required_note(
        note,
        td_string!(locale, message.workflow.return_note_required),
    )?;
    let step = (EditorialState::InReview, EditorialState::Draft);
    transition(pool, user, claim_id, version, step, Some(note), |_| Ok(())).await
}

pub async fn publish(
    pool: &PgPool,
    user: &CurrentUser,
    claim_id: i64,
    version: i32,
) -> Result<(), AppError> {
    let step = (EditorialState::InReview, EditorialState::Published);
    transition(pool, user, claim_id, version, step, None, |_| Ok(())).await
}

pub async fn retract(
    pool: &PgPool,
    user: &CurrentUser,
    claim_id: i64,
    version: i32,
    note: &str,
) -> Result<(), AppError> {
    let locale = crate::language::message_locale();
    let note = required_note(
        note,
        td_string!(locale, message.workflow.retract_note_required),
    )?;
    let step = (EditorialState::Published, EditorialState::Retracted);
    transition(pool, user, claim_id, version, step, Some(note), |_| Ok(())).await
}
