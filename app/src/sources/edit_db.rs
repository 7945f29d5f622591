//! Source changes, each with its audit entry in one transaction. Snapshots are only ever added.

use serde_json::{json, Value};
use sqlx::{PgConnection, PgPool};

use super::edit::{
    format_published_at, CheckedSource, DeskSource, SnapshotText, SourceForm, SourcePick,
};
use super::{SnapshotInfo, SourceKind};
use crate::accounts::CurrentUser;
use crate::audit::db::{record, Actor, AuditEntry};
use crate::claims::edit_db::{changed_fields, like_pattern};
use crate::error::{AppError, FieldValue, Problems};
use crate::i18n::td_string;

pub async fn list(pool: &PgPool, q: &str) -> Result<Vec<SourcePick>, AppError> {
    let pattern = like_pattern(&q.chars().take(200).collect::<String>());
    Ok(sqlx::query_as!(
        SourcePick,
        r#"
        select s.source_id, s.title, o.name as "outlet_name?",
               exists (select 1 from source_snapshot sn where sn.source_id = s.source_id) as "has_snapshot!"
          from source s left join entity o on o.entity_id = s.outlet_entity_id
         where s.title ilike $1 or o.name ilike $1 or s.url ilike $1
         order by s.created_at desc, s.source_id desc
         limit 200
        "#,
        pattern
    )
    .fetch_all(pool)
    .await?)
}

pub async fn desk_source(pool: &PgPool, source_id: i64) -> Result<Option<DeskSource>, AppError> {
    let Some(row) = sqlx::query!(
        r#"
        select s.source_id, s.version, s.kind as "kind: SourceKind", s.title, o.slug as "outlet?", s.url,
               array_to_string(s.authors, ', ') as "authors!", array_to_string(s.editors, ', ') as "editors!",
               s.language, s.published_at, s.summary
          from source s left join entity o on o.entity_id = s.outlet_entity_id
         where s.source_id = $1
        "#,
        source_id
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let snapshots = sqlx::query!(
        r#"select snapshot_number, encode(sha256, 'hex') as "sha256_hex!", captured_at,
                  char_length(body) as "characters!"
             from source_snapshot where source_id = $1 order by snapshot_number desc"#,
        source_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|s| SnapshotInfo {
        snapshot_number: s.snapshot_number,
        sha256_hex: s.sha256_hex,
        captured_at: s.captured_at,
        characters: s.characters,
    })
    .collect();
    let latest = sqlx::query_as!(
        SnapshotText,
        "select snapshot_number, body from source_snapshot where source_id = $1
          order by snapshot_number desc limit 1",
        source_id
    )
    .fetch_optional(pool)
    .await?;
    Ok(Some(DeskSource {
        source_id: row.source_id,
        version: row.version,
        form: SourceForm {
            kind: row.kind.as_str().to_owned(),
            title: row.title,
            outlet: row.outlet.unwrap_or_default(),
            url: row.url.unwrap_or_default(),
            authors: row.authors,
            editors: row.editors,
            language: row.language,
            published_at: format_published_at(row.published_at),
            summary: row.summary.unwrap_or_default(),
        },
        snapshots,
        latest,
    }))
}

async fn resolve_outlet(
    conn: &mut PgConnection,
    outlet: Option<&str>,
) -> Result<Option<i64>, AppError> {
    let Some(outlet) = outlet else {
        return Ok(None);
    };
    let locale = crate::language::message_locale();
    let id = sqlx::query_scalar!("select entity_id from entity where slug = $1", outlet)
        .fetch_optional(conn)
        .await?;
    if id.is_none() {
        let mut problems = Problems::default();
        problems.add("outlet", td_string!(locale, message.source.outlet_unknown));
        problems.into_result()?;
    }
    Ok(id)
}

async fn source_json(conn: &mut PgConnection, source_id: i64) -> Result<Value, AppError> {
    Ok(sqlx::query_scalar!(
        r#"
        select jsonb_build_object(
                 'kind', s.kind, 'title', s.title, 'outlet', o.slug, 'url', s.url, 'authors', s.authors,
                 'editors', s.editors, 'language', s.language, 'published_at', s.published_at,
                 'summary', s.summary) as "json!"
          from source s left join entity o on o.entity_id = s.outlet_entity_id
         where s.source_id = $1
        "#,
        source_id
    )
    .fetch_one(conn)
    .await?)
}

pub async fn insert(
    pool: &PgPool,
    user: &CurrentUser,
    checked: CheckedSource,
) -> Result<i64, AppError> {
    let mut tx = pool.begin().await?;
    let outlet = resolve_outlet(&mut tx, checked.outlet.as_deref()).await?;
    let source_id = sqlx::query_scalar!(
        r#"
        insert into source (kind, title, outlet_entity_id, url, authors, editors, language, published_at, summary)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning source_id
        "#,
        checked.kind as SourceKind,
        checked.title,
        outlet,
        checked.url,
        &checked.authors,
        &checked.editors,
        checked.language,
        checked.published_at,
        checked.summary
    )
    .fetch_one(&mut *tx)
    .await?;
    let after = source_json(&mut tx, source_id).await?;
    let entry = AuditEntry {
        action: "source.create",
        object_type: "source",
        object_id: source_id,
        before: None,
        after: Some(after),
        note: None,
    };
    record(&mut tx, &Actor::desk(user), entry).await?;
    tx.commit().await?;
    Ok(source_id)
}

pub async fn update(
    pool: &PgPool,
    user: &CurrentUser,
    source_id: i64,
    version: i32,
    checked: CheckedSource,
    yours: Vec<FieldValue>,
) -> Result<(), AppError> {
    let locale = crate::language::message_locale();
    let mut tx = pool.begin().await?;
    let current = sqlx::query_scalar!(
        "select version from source where source_id = $1 for update",
        source_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| AppError::NotFound(td_string!(locale, message.source.not_found).to_owned()))?;
    if current != version {
        return Err(AppError::StaleEdit(yours));
    }
    let outlet = resolve_outlet(&mut tx, checked.outlet.as_deref()).await?;
    let before = source_json(&mut tx, source_id).await?;
    sqlx::query!(
        r#"
        update source
           set kind = $2, title = $3, outlet_entity_id = $4, url = $5, authors = $6, editors = $7,
               language = $8, published_at = $9, summary = $10, version = version + 1, updated_at = now()
         where source_id = $1
        "#,
        source_id,
        checked.kind as SourceKind,
        checked.title,
        outlet,
        checked.url,
        &checked.authors,
        &checked.editors,
        checked.language,
        checked.published_at,
        checked.summary
    )
    .execute(&mut *tx)
    .await?;
    let after = source_json(&mut tx, source_id).await?;
    let (changed, before, after) = changed_fields(&before, &after);
    if changed.is_empty() {
        tx.rollback().await?;
        return Ok(());
    }
    let entry = AuditEntry {
        action: "source.update",
        object_type: "source",
        object_id: source_id,
        before: Some(before),
        after: Some(after),
        note: None,
    };
    record(&mut tx, &Actor::desk(user), entry).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn add_snapshot(
    pool: &PgPool,
    user: &CurrentUser,
    source_id: i64,
    body: &str,
) -> Result<i32, AppError> {
    let locale = crate::language::message_locale();
    let mut tx = pool.begin().await?;
    // Locking the source serialises snapshot numbering.
    sqlx::query_scalar!(
        "select source_id from source where source_id = $1 for update",
        source_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| AppError::NotFound(td_string!(locale, message.source.not_found).to_owned()))?;
    let latest = sqlx::query!(
        "select snapshot_number, body = $2 as same from source_snapshot where source_id = $1
          order by snapshot_number desc limit 1",
        source_id,
        body
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(latest) = &latest {
        if latest.same == Some(true) {
            return Err(AppError::invalid(
                "body",
                td_string!(
                    locale,
                    message.source.same_snapshot,
                    number = latest.snapshot_number
                )
                .to_string(),
            ));
        }
    }
    let number = latest.map_or(1, |l| l.snapshot_number + 1);
    let row = sqlx::query!(
        r#"
        insert into source_snapshot (source_id, snapshot_number, body, sha256)
        values ($1, $2, $3, sha256(convert_to($3, 'UTF8')))
        returning source_snapshot_id, encode(sha256, 'hex') as "sha256_hex!"
        "#,
        source_id,
        number,
        body
    )
    .fetch_one(&mut *tx)
    .await?;
    let entry = AuditEntry {
        action: "source.add_snapshot",
        object_type: "source",
        object_id: source_id,
        before: None,
        after: Some(json!({
            "source_snapshot_id": row.source_snapshot_id, "snapshot_number": number,
            "sha256": row.sha256_hex, "characters": body.chars().count(),
        })),
        note: None,
    };
    record(&mut tx, &Actor::desk(user), entry).await?;
    tx.commit().await?;
    Ok(number)
}
