//! `/api/v1/sources` (every source, by id) and `/api/v1/sources/{id}` (one source with what it
//! cites and what cites it).

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

use super::claims::{parse_limit, unreadable_query};
use super::model::{self, SourceDocument, SourceList};
use super::Problem;
use app::pages::url_with_query;
use app::sources::db as source_db;
use app::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SourceQuery {
    /// Sources per page, 1–100 (default 20).
    limit: Option<String>,
    /// The `next_cursor` of the previous page.
    after: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/sources",
    tag = "sources",
    params(SourceQuery),
    responses(
        (status = 200, description = "Sources, oldest record first", body = SourceList),
        (status = 400, description = "A parameter is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this address", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_sources(
    State(state): State<AppState>,
    query: Result<Query<SourceQuery>, QueryRejection>,
) -> Result<Json<SourceList>, Problem> {
    let Query(query) = query.map_err(unreadable_query)?;
    let limit = parse_limit(query.limit.as_deref())?;
    let after = query
        .after
        .as_deref()
        .filter(|a| !a.is_empty())
        .map(|a| {
            a.parse::<i64>().map_err(|_| {
                Problem::new(
                    StatusCode::BAD_REQUEST,
                    "The page link is not valid; start from the first page.",
                )
            })
        })
        .transpose()?;
    let mut sources = source_db::list_sources(&state.pool, after, limit + 1).await?;
    let next_cursor = if sources.len() as i64 > limit {
        sources.truncate(limit as usize);
        sources.last().map(|s| s.source_id.to_string())
    } else {
        None
    };
    let next = next_cursor.as_ref().map(|cursor| {
        let limit = limit.to_string();
        state.site.url(&url_with_query(
            "/api/v1/sources",
            &[("limit", Some(&limit)), ("after", Some(cursor))],
        ))
    });
    Ok(Json(SourceList {
        sources: sources
            .iter()
            .map(|s| model::source(&state.site, s))
            .collect(),
        next_cursor,
        next,
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/sources/{id}",
    tag = "sources",
    params(("id" = i64, Path, description = "The source's id")),
    responses(
        (status = 200, description = "The source and its citations", body = SourceDocument),
        (status = 404, description = "No source has this id", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this address", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_source(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<SourceDocument>, Problem> {
    // A non-numeric id is simply not a source: 404, like an unknown number.
    let source_id = id
        .parse::<i64>()
        .map_err(|_| Problem::not_found("This source"))?;
    let source = source_db::source_by_id(&state.pool, source_id)
        .await?
        .ok_or_else(|| Problem::not_found("This source"))?;
    let (cites, cited_by) = source_db::citations(&state.pool, source_id).await?;
    let site = &state.site;
    Ok(Json(SourceDocument {
        source: model::source(site, &source),
        cites: cites.iter().map(|c| model::citation(site, c)).collect(),
        cited_by: cited_by.iter().map(|c| model::citation(site, c)).collect(),
        claims_url: site.url(&format!("/api/v1/claims?source={source_id}")),
    }))
}
