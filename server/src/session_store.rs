//! tower-sessions records kept in PostgreSQL (`session` table). Written here rather than taken
//! from tower-sessions-sqlx-store because that crate switches sqlx's macros to the `time` crate
//! for every query in the build, while this codebase uses chrono throughout.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::PgPool;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, Result, SessionStore};

#[derive(Debug, Clone)]
pub struct PostgresSessionStore {
    pool: PgPool,
}

impl PostgresSessionStore {
    pub fn new(pool: PgPool) -> Self {
        PostgresSessionStore { pool }
    }
}

fn backend(error: sqlx::Error) -> Error {
    Error::Backend(error.to_string())
}

/// The record's data and expiry as stored.
fn encode(record: &Record) -> Result<(serde_json::Value, DateTime<Utc>)> {
    let data = serde_json::to_value(&record.data).map_err(|e| Error::Encode(e.to_string()))?;
    Ok((data, to_chrono(record.expiry_date)))
}

fn to_chrono(expiry: time::OffsetDateTime) -> DateTime<Utc> {
    DateTime::from_timestamp(expiry.unix_timestamp(), expiry.nanosecond()).unwrap_or_default()
}

#[async_trait]
impl SessionStore for PostgresSessionStore {
    /// A new session: on the (astronomically unlikely) clash of random ids, draw another.
    async fn create(&self, record: &mut Record) -> Result<()> {
        let (data, expires_at) = encode(record)?;
        loop {
            let inserted = sqlx::query!(
                "insert into session (session_id, data, expires_at) values ($1, $2, $3) on conflict do nothing",
                record.id.to_string(),
                data,
                expires_at
            )
            .execute(&self.pool)
            .await
            .map_err(backend)?;
            if inserted.rows_affected() == 1 {
                break;
            }
            record.id = Id::default();
        }
        // Expired sessions are removed as new ones begin.
        sqlx::query!("delete from session where expires_at < now()")
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let (data, expires_at) = encode(record)?;
        sqlx::query!(
            "insert into session (session_id, data, expires_at) values ($1, $2, $3)
             on conflict (session_id) do update set data = excluded.data, expires_at = excluded.expires_at",
            record.id.to_string(),
            data,
            expires_at
        )
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, session_id: &Id) -> Result<Option<Record>> {
        let row = sqlx::query!(
            "select data, expires_at from session where session_id = $1 and expires_at > now()",
            session_id.to_string()
        )
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        let Some(row) = row else { return Ok(None) };
        let data = serde_json::from_value(row.data).map_err(|e| Error::Decode(e.to_string()))?;
        let expiry_date = time::OffsetDateTime::from_unix_timestamp(row.expires_at.timestamp())
            .map_err(|e| Error::Decode(e.to_string()))?;
        Ok(Some(Record {
            id: *session_id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, session_id: &Id) -> Result<()> {
        sqlx::query!(
            "delete from session where session_id = $1",
            session_id.to_string()
        )
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }
}
