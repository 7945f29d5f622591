//! Queries behind the entity page.

use sqlx::types::Json;
use sqlx::PgPool;

use super::{Alias, AttributionCount, EntityInfo, EntityKind, IssuedDenial, VerdictCount};
use crate::claims::db::{list_public, ListQuery};
use crate::claims::{AttributionStatus, ClaimSummary, SpeakerRef};
use crate::error::AppError;
use crate::ratings::Rating;

pub async fn entity_by_slug(pool: &PgPool, slug: &str) -> Result<Option<EntityInfo>, AppError> {
    Ok(entities(pool, Some(slug), None, 1)
        .await?
        .into_iter()
        .next())
}

/// Every entity by slug, one page at a time (the API's listing): those after `after`.
pub async fn list_entities(
    pool: &PgPool,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<EntityInfo>, AppError> {
    entities(pool, None, after, limit).await
}

/// Entities with their parent and aliases in one query: one slug, or a page in slug order.
async fn entities(
    pool: &PgPool,
    slug: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<EntityInfo>, AppError> {
    let rows = sqlx::query!(
        r#"
        select e.entity_id, e.slug, e.name, e.kind as "kind: EntityKind", e.description, e.country,
               e.wikidata_id, p.slug as "parent_slug?", p.name as "parent_name?",
               p.wikidata_id as "parent_wikidata_id?",
               coalesce((select json_agg(json_build_object('alias', a.alias, 'language', a.language)
                                         order by a.language, a.alias)
                           from entity_alias a where a.entity_id = e.entity_id), '[]')
                   as "aliases!: Json<Vec<Alias>>"
          from entity e
          left join entity p on p.entity_id = e.parent_entity_id
         where ($1::text is null or e.slug = $1)
           and ($2::text is null or e.slug > $2)
         order by e.slug
         limit $3
        "#,
        slug,
        after,
        limit
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let parent = match (row.parent_slug, row.parent_name) {
                (Some(slug), Some(name)) => Some(SpeakerRef {
                    slug,
                    name,
                    wikidata_id: row.parent_wikidata_id,
                }),
                _ => None,
            };
            EntityInfo {
                entity_id: row.entity_id,
                slug: row.slug,
                name: row.name,
                kind: row.kind,
                description: row.description,
                country: row.country,
                wikidata_id: row.wikidata_id,
                parent,
                aliases: row.aliases.0,
            }
        })
        .collect())
}

/// Published claims by this speaker counted per verdict, in the scale's order.
pub async fn verdict_tally(pool: &PgPool, entity_id: i64) -> Result<Vec<VerdictCount>, AppError> {
    let rows = sqlx::query!(
        r#"
        select count(*) as "count!", r.slug as "slug?", r.label_en as "label_en?", r.label_id as "label_id?",
               r.colour as "colour?", r.rating_value, r.explanation_en as "explanation_en?",
               r.explanation_id as "explanation_id?",
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
                (row.label_en, row.label_id),
                row.colour,
                row.rating_value,
                (row.explanation_en, row.explanation_id),
                row.retired,
            ),
        })
        .collect())
}

/// Published claims by this speaker counted per attribution status.
pub async fn attribution_tally(
    pool: &PgPool,
    entity_id: i64,
) -> Result<Vec<AttributionCount>, AppError> {
    Ok(sqlx::query_as!(
        AttributionCount,
        r#"
        select attribution_status as "status!: AttributionStatus", count(*) as "count!"
          from claim
         where speaker_entity_id = $1 and editorial_state = 'published'
         group by attribution_status
         order by attribution_status
        "#,
        entity_id
    )
    .fetch_all(pool)
    .await?)
}

/// The speaker's published denials, each with the public claim it denies.
pub async fn issued_denials(pool: &PgPool, entity_id: i64) -> Result<Vec<IssuedDenial>, AppError> {
    let links = sqlx::query!(
        r#"
        select r.from_claim_id, r.to_claim_id
          from relation r
          join claim f on f.claim_id = r.from_claim_id
         where r.kind = 'denies' and f.speaker_entity_id = $1 and f.editorial_state = 'published'
         order by f.published_at desc, r.relation_id
        "#,
        entity_id
    )
    .fetch_all(pool)
    .await?;
    if links.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = links
        .iter()
        .flat_map(|l| [l.from_claim_id, l.to_claim_id])
        .collect();
    // The listing query only returns public claims: a denial of a draft stays hidden.
    let claims = public_claims(pool, ids).await?;
    let find = |id: i64| claims.iter().find(|c| c.claim_id == id).cloned();
    Ok(links
        .into_iter()
        .filter_map(|l| {
            Some(IssuedDenial {
                denial: find(l.from_claim_id)?,
                denied: find(l.to_claim_id)?,
            })
        })
        .collect())
}

/// How many claims about an entity its page lists.
const ABOUT_LIMIT: i64 = 20;

/// Other speakers' published claims whose headline, text or translation names the entity by
/// its name or an alias, as a whole word (not inside a longer word; "U.S." counts) and ignoring
/// accents. Names of four letters or more
/// match in any case; shorter ones ("AS", "AP") only as written, so that the English word "as"
/// is not taken for the United States.
pub async fn claims_about(pool: &PgPool, entity_id: i64) -> Result<Vec<ClaimSummary>, AppError> {
    let ids = sqlx::query_scalar!(
        r#"
        with name as (
            select '(?<![[:alnum:]_])'
                   || regexp_replace(public.unaccent(n), '([!$()*+.:<=>?\[\\\]^{|}-])', '\\\1', 'g')
                   || '(?![[:alnum:]_])' as pattern,
                   char_length(n) >= 4 as any_case
              from (select e.name as n from entity e where e.entity_id = $1
                    union
                    select a.alias from entity_alias a where a.entity_id = $1) names
        )
        select c.claim_id
          from claim c
         where c.editorial_state = 'published'
           and c.speaker_entity_id <> $1
           and exists (
               select 1 from name
                where case when name.any_case
                           then public.unaccent(concat_ws(' ', c.headline, c.text, c.translation)) ~* name.pattern
                           else public.unaccent(concat_ws(' ', c.headline, c.text, c.translation)) ~ name.pattern
                      end)
         order by c.published_at desc, c.claim_id desc
         limit $2
        "#,
        entity_id,
        ABOUT_LIMIT
    )
    .fetch_all(pool)
    .await?;
    public_claims(pool, ids).await
}

/// These claims as listed publicly, newest first; unpublished ones are left out.
async fn public_claims(pool: &PgPool, ids: Vec<i64>) -> Result<Vec<ClaimSummary>, AppError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let query = ListQuery {
        limit: ids.len() as i64,
        claim_ids: Some(ids),
        ..Default::default()
    };
    Ok(list_public(pool, &query).await?.claims)
}
