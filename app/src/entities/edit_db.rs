//! Entity changes, each with its audit entry in one transaction.

use serde_json::Value;
use sqlx::{PgConnection, PgPool};

use super::edit::{CheckedEntity, DeskEntity, EntityForm, EntityHit};
use super::EntityKind;
use crate::accounts::CurrentUser;
use crate::audit::db::{record, Actor, AuditEntry};
use crate::claims::edit_db::{changed_fields, like_pattern};
use crate::error::{AppError, FieldValue, Problems};
use crate::i18n::td_string;

pub async fn search(pool: &PgPool, q: &str) -> Result<Vec<EntityHit>, AppError> {
    let pattern = like_pattern(&q.chars().take(200).collect::<String>());
    let rows = sqlx::query!(
        r#"
        select e.entity_id, e.slug, e.name, e.kind as "kind: EntityKind",
               (select a.alias from entity_alias a
                 where a.entity_id = e.entity_id and a.alias ilike $1 and e.name not ilike $1
                 order by length(a.alias) limit 1) as matched_alias
          from entity e
         where e.name ilike $1 or e.slug ilike $1
            or exists (select 1 from entity_alias a where a.entity_id = e.entity_id and a.alias ilike $1)
         order by lower(e.name) = lower($2) desc, length(e.name), e.name
         limit 20
        "#,
        pattern,
        q
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| EntityHit {
            entity_id: r.entity_id,
            slug: r.slug,
            name: r.name,
            kind: r.kind,
            matched_alias: r.matched_alias,
        })
        .collect())
}

pub async fn desk_entity(pool: &PgPool, entity_id: i64) -> Result<Option<DeskEntity>, AppError> {
    let Some(row) = sqlx::query!(
        r#"
        select e.entity_id, e.version, e.slug, e.name, e.kind as "kind: EntityKind", e.description,
               e.country, e.wikidata_id, p.slug as "parent?",
               coalesce((select string_agg(a.alias || ' | ' || a.language, E'\n' order by a.language, a.alias)
                           from entity_alias a where a.entity_id = e.entity_id), '') as "aliases!"
          from entity e left join entity p on p.entity_id = e.parent_entity_id
         where e.entity_id = $1
        "#,
        entity_id
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    Ok(Some(DeskEntity {
        entity_id: row.entity_id,
        version: row.version,
        form: EntityForm {
            slug: row.slug,
            name: row.name,
            kind: row.kind.as_str().to_owned(),
            description: row.description.unwrap_or_default(),
            country: row.country.unwrap_or_default(),
            wikidata_id: row.wikidata_id.unwrap_or_default(),
            parent: row.parent.unwrap_or_default(),
            aliases: row.aliases,
        },
    }))
}

async fn entity_json(conn: &mut PgConnection, entity_id: i64) -> Result<Value, AppError> {
    Ok(sqlx::query_scalar!(
        r#"
        select jsonb_build_object(
                 'slug', e.slug, 'name', e.name, 'kind', e.kind, 'description', e.description,
                 'country', e.country, 'wikidata_id', e.wikidata_id, 'parent', p.slug,
                 'aliases', coalesce((select jsonb_agg(a.alias || ' | ' || a.language order by a.language, a.alias)
                                        from entity_alias a where a.entity_id = e.entity_id), '[]'::jsonb)
               ) as "json!"
          from entity e left join entity p on p.entity_id = e.parent_entity_id
         where e.entity_id = $1
        "#,
        entity_id
    )
    .fetch_one(conn)
    .await?)
}

/// The parent named by slug, which must exist and must not be the entity itself.
async fn resolve_parent(
    conn: &mut PgConnection,
    parent: Option<&str>,
    entity_id: i64,
) -> Result<Option<i64>, AppError> {
    let Some(parent) = parent else {
        return Ok(None);
    };
    let locale = crate::language::message_locale();
    let id = sqlx::query_scalar!("select entity_id from entity where slug = $1", parent)
        .fetch_optional(conn)
        .await?;
    let mut problems = Problems::default();
    match id {
        Some(id) if id != entity_id => return Ok(Some(id)),
        Some(_) => problems.add("parent", td_string!(locale, message.entity.own_parent)),
        None => problems.add("parent", td_string!(locale, message.entity.parent_unknown)),
    }
    problems.into_result()?;
    Ok(None)
}

async fn slug_taken(conn: &mut PgConnection, slug: &str, except: i64) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"select exists (select 1 from entity where slug = $1 and entity_id <> $2) as "taken!""#,
        slug,
        except
    )
    .fetch_one(conn)
    .await?)
}

async fn replace_aliases(
    conn: &mut PgConnection,
    entity_id: i64,
    aliases: &[(String, String)],
) -> Result<(), AppError> {
    sqlx::query!("delete from entity_alias where entity_id = $1", entity_id)
        .execute(&mut *conn)
        .await?;
    let (names, languages): (Vec<String>, Vec<String>) = aliases.iter().cloned().unzip();
    sqlx::query!(
        "insert into entity_alias (entity_id, alias, language)
         select $1, a.alias, a.language from unnest($2::text[], $3::text[]) as a(alias, language)",
        entity_id,
        &names,
        &languages
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn insert(
    pool: &PgPool,
    user: &CurrentUser,
    checked: CheckedEntity,
) -> Result<(i64, String), AppError> {
    let locale = crate::language::message_locale();
    let mut tx = pool.begin().await?;
    if slug_taken(&mut tx, &checked.slug, 0).await? {
        return Err(AppError::invalid(
            "slug",
            td_string!(locale, message.entity.slug_recorded, slug = &checked.slug).to_string(),
        ));
    }
    let parent = resolve_parent(&mut tx, checked.parent.as_deref(), 0).await?;
    let entity_id = sqlx::query_scalar!(
        r#"
        insert into entity (slug, name, kind, description, country, wikidata_id, parent_entity_id)
        values ($1, $2, $3, $4, $5, $6, $7) returning entity_id
        "#,
        checked.slug,
        checked.name,
        checked.kind as EntityKind,
        checked.description,
        checked.country,
        checked.wikidata_id,
        parent
    )
    .fetch_one(&mut *tx)
    .await?;
    replace_aliases(&mut tx, entity_id, &checked.aliases).await?;
    let after = entity_json(&mut tx, entity_id).await?;
    let entry = AuditEntry {
        action: "entity.create",
        object_type: "entity",
        object_id: entity_id,
        before: None,
        after: Some(after),
        note: None,
    };
    record(&mut tx, &Actor::desk(user), entry).await?;
    tx.commit().await?;
    Ok((entity_id, checked.slug))
}

pub async fn update(
    pool: &PgPool,
    user: &CurrentUser,
    entity_id: i64,
    version: i32,
    checked: CheckedEntity,
    yours: Vec<FieldValue>,
) -> Result<(), AppError> {
    let locale = crate::language::message_locale();
    let mut tx = pool.begin().await?;
    let current = sqlx::query_scalar!(
        "select version from entity where entity_id = $1 for update",
        entity_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| AppError::NotFound(td_string!(locale, message.entity.not_found).to_owned()))?;
    if current != version {
        return Err(AppError::StaleEdit(yours));
    }
    if slug_taken(&mut tx, &checked.slug, entity_id).await? {
        return Err(AppError::invalid(
            "slug",
            td_string!(locale, message.entity.slug_taken),
        ));
    }
    let parent = resolve_parent(&mut tx, checked.parent.as_deref(), entity_id).await?;
    let before = entity_json(&mut tx, entity_id).await?;
    sqlx::query!(
        r#"
        update entity
           set slug = $2, name = $3, kind = $4, description = $5, country = $6, wikidata_id = $7,
               parent_entity_id = $8, version = version + 1, updated_at = now()
         where entity_id = $1
        "#,
        entity_id,
        checked.slug,
        checked.name,
        checked.kind as EntityKind,
        checked.description,
        checked.country,
        checked.wikidata_id,
        parent
    )
    .execute(&mut *tx)
    .await?;
    replace_aliases(&mut tx, entity_id, &checked.aliases).await?;
    let after = entity_json(&mut tx, entity_id).await?;
    let (changed, before, after) = changed_fields(&before, &after);
    if changed.is_empty() {
        tx.rollback().await?;
        return Ok(());
    }
    let entry = AuditEntry {
        action: "entity.update",
        object_type: "entity",
        object_id: entity_id,
        before: Some(before),
        after: Some(after),
        note: None,
    };
    record(&mut tx, &Actor::desk(user), entry).await?;
    tx.commit().await?;
    Ok(())
}
