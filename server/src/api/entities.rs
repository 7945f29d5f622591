//! `/api/v1/entities` (every person and organisation, by slug) and `/api/v1/entities/{slug}`
//! (one entity with the tallies of its public claims).

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

use super::claims::{parse_limit, unreadable_query};
use super::model::{self, EntityDocument, EntityList};
use super::Problem;
use app::entities::db::{self as entity_db, attribution_tally, entity_by_slug, verdict_tally};
use app::pages::url_with_query;
use app::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntityQuery {
    /// Entities per page, 1–100 (default 20).
    limit: Option<String>,
    /// The `next_cursor` of the previous page.
    after: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/entities",
    tag = "entities",
    params(EntityQuery),
    responses(
        (status = 200, description = "People and organisations, by slug", body = EntityList),
        (status = 400, description = "A parameter is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this address", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_entities(
    State(state): State<AppState>,
    query: Result<Query<EntityQuery>, QueryRejection>,
) -> Result<Json<EntityList>, Problem> {
    let Query(query) = query.map_err(unreadable_query)?;
    let limit = parse_limit(query.limit.as_deref())?;
    let after = query.after.as_deref().filter(|a| !a.is_empty());
    let mut entities = entity_db::list_entities(&state.pool, after, limit + 1).await?;
    let next_cursor = if entities.len() as i64 > limit {
        entities.truncate(limit as usize);
        entities.last().map(|e| e.slug.clone())
    } else {
        None
    };
    let next = next_cursor.as_ref().map(|cursor| {
        let limit = limit.to_string();
        state.site.url(&url_with_query(
            "/api/v1/entities",
            &[("limit", Some(&limit)), ("after", Some(cursor))],
        ))
    });
    Ok(Json(EntityList {
        entities: entities
            .iter()
            .map(|e| model::entity(&state.site, e))
            .collect(),
        next_cursor,
        next,
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/entities/{slug}",
    tag = "entities",
    params(("slug" = String, Path, description = "The entity's slug")),
    responses(
        (status = 200, description = "The entity and how its public claims were judged", body = EntityDocument),
        (status = 404, description = "No entity has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this address", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_entity(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<EntityDocument>, Problem> {
    let entity = entity_by_slug(&state.pool, &slug)
        .await?
        .ok_or_else(|| Problem::not_found("This person or organisation"))?;
    let verdicts = verdict_tally(&state.pool, entity.entity_id).await?;
    let attributions = attribution_tally(&state.pool, entity.entity_id).await?;
    Ok(Json(EntityDocument {
        claims_url: state.site.url(&url_with_query(
            "/api/v1/claims",
            &[("speaker", Some(&entity.slug))],
        )),
        entity: model::entity(&state.site, &entity),
        verdict_tally: model::verdict_tally(&verdicts),
        attribution_tally: model::attribution_tally(&attributions),
    }))
}
