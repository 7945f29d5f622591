//! Queries behind the entity page.

use sqlx::PgPool;

use super::{Alias, EntityInfo, EntityKind, VerdictCount};
use crate::claims::SpeakerRef;
use crate::error::AppError;
use crate::ratings::Rating;

pub async fn entity_by_slug(pool: &PgPool, slug: &str) -> Result<Option<EntityInfo>, AppError> {
    let Some(row) = sqlx::query!(
        r#"
        select e.entity_id, e.slug, e.name, e.kind as "kind: EntityKind", e.description, e.country,
               e.wikidata_id, p.slug as "parent_slug?", p.name as "parent_name?",
               p.wikidata_id as "parent_wikidata_id?"
          from entity e
          left join entity p on p.entity_id = e.parent_entity_id
         where e.slug = $1
        "#,
        slug
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let aliases = sqlx::query_as!(
        Alias,
        "select alias, language from entity_alias where entity_id = $1 order by language, alias",
        row.entity_id
    )
    .fetch_all(pool)
    .await?;
    let parent = match (row.parent_slug, row.parent_name) {
        (Some(slug), Some(name)) => Some(SpeakerRef {
            slug,
            name,
            wikidata_id: row.parent_wikidata_id,
        }),
        _ => None,
    };
    Ok(Some(EntityInfo {
        entity_id: row.entity_id,
        slug: row.slug,
        name: row.name,
        kind: row.kind,
        description: row.description,
        country: row.country,
        wikidata_id: row.wikidata_id,
        parent,
        aliases,
    }))
}

/// Published claims by this speaker counted per verdict, in the scale's order.
pub async fn verdict_tally(pool: &PgPool, entity_id: i64) -> Result<Vec<VerdictCount>, AppError> {
    let rows = sqlx::query!(
        r#"
        select count(*) as "count!", r.slug as "slug?", r.label_en as "label_en?", r.label_id as "label_id?",
               r.colour as "colour?", r.rating_value, r.explanation_en as "explanation_en?",
               r.retired as "retired?"
          from claim c
          left join rating r on r.rating_id = c.rating_id
         where c.speaker_entity_id = $1 and c.editorial_state = 'published'
         group by r.rating_id
         order by min(r.sort_order) nulls last
        "#,
        entity_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| VerdictCount {
            count: row.count,
            verdict: Rating::from_columns(
                row.slug,
                row.label_en,
                row.label_id,
                row.colour,
                row.rating_value,
                row.explanation_en,
                row.retired,
            ),
        })
        .collect())
}
