use serde_json::Value;
use sqlx::{PgConnection, PgPool};

use super::{AuditEventView, AuditFilter, AuditPage, AUDIT_PAGE_SIZE};
use crate::error::AppError;

/// Who made a change: a desk user, or the system itself (migrations, demo seeding).
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub label: String,
    /// The `x-request-id` of the HTTP request that made the change, to match audit rows with logs.
    pub request_id: Option<String>,
}

impl Actor {
    pub fn system(label: &str) -> Self {
        Actor {
            user_id: None,
            label: format!("system:{label}"),
            request_id: None,
        }
    }

    /// The signed-in user making a change in the current request (server functions only).
    pub fn desk(user: &crate::accounts::CurrentUser) -> Self {
        let request_id = leptos::prelude::use_context::<http::request::Parts>().and_then(|parts| {
            let id = parts.headers.get("x-request-id")?.to_str().ok()?;
            // A client may send its own id; keep it within the column's limit.
            Some(id.chars().take(100).collect())
        });
        Actor {
            user_id: Some(user.user_id),
            label: user.username.clone(),
            request_id,
        }
    }
}

/// One audit entry; call it inside the transaction that makes the change, so both commit or
/// neither does.
pub struct AuditEntry<'a> {
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: i64,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub note: Option<&'a str>,
}

pub async fn record(
    conn: &mut PgConnection,
    actor: &Actor,
    entry: AuditEntry<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"
        insert into audit_event (actor_user_id, actor_label, action, object_type, object_id, before, after, note, request_id)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        "#,
        actor.user_id,
        actor.label,
        entry.action,
        entry.object_type,
        entry.object_id,
        entry.before,
        entry.after,
        entry.note,
        actor.request_id,
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn list(pool: &PgPool, filter: &AuditFilter) -> Result<AuditPage, AppError> {
    let object_type = filter
        .object_type
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let actor = filter
        .actor
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty());
    let rows = sqlx::query!(
        r#"
        select a.audit_event_id, a.occurred_at, coalesce(u.username, a.actor_label) as "actor!",
               a.action, a.object_type, a.object_id, a.before, a.after, a.note, a.request_id
          from audit_event a
          left join app_user u on u.app_user_id = a.actor_user_id
         where ($1::text is null or a.object_type = $1)
           and ($2::bigint is null or a.object_id = $2)
           and ($3::text is null or u.username = $3 or a.actor_label = $3)
           and ($4::bigint is null or a.audit_event_id < $4)
         order by a.audit_event_id desc
         limit $5
        "#,
        object_type,
        filter.object_id,
        actor,
        filter.before,
        AUDIT_PAGE_SIZE + 1
    )
    .fetch_all(pool)
    .await?;
    let pretty =
        |value: Option<Value>| value.map(|v| serde_json::to_string_pretty(&v).unwrap_or_default());
    let mut events: Vec<AuditEventView> = rows
        .into_iter()
        .map(|row| AuditEventView {
            audit_event_id: row.audit_event_id,
            occurred_at: row.occurred_at,
            actor: row.actor,
            action: row.action,
            object_type: row.object_type,
            object_id: row.object_id,
            before: pretty(row.before),
            after: pretty(row.after),
            note: row.note,
            request_id: row.request_id,
        })
        .collect();
    let next_before = if events.len() as i64 > AUDIT_PAGE_SIZE {
        events.truncate(AUDIT_PAGE_SIZE as usize);
        events.last().map(|e| e.audit_event_id)
    } else {
        None
    };
    Ok(AuditPage {
        events,
        next_before,
    })
}
