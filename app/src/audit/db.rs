use serde_json::Value;
use sqlx::PgConnection;

/// Who made a change: a desk user, or the system itself (migrations, demo seeding).
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub label: String,
}

impl Actor {
    pub fn system(label: &str) -> Self {
        Actor {
            user_id: None,
            label: format!("system:{label}"),
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
        insert into audit_event (actor_user_id, actor_label, action, object_type, object_id, before, after, note)
        values ($1, $2, $3, $4, $5, $6, $7, $8)
        "#,
        actor.user_id,
        actor.label,
        entry.action,
        entry.object_type,
        entry.object_id,
        entry.before,
        entry.after,
        entry.note,
    )
    .execute(conn)
    .await?;
    Ok(())
}
