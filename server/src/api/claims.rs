//! `/api/v1/claims` (the same search and filters as `/`, cursor pagination) and
//! `/api/v1/claims/{slug}` (one claim with appearances, chain, relations, judgements, corrections).

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

use super::model::{self, ClaimDocument, ClaimList};
use super::Problem;
use app::claims::cursor::ListCursor;
use app::claims::db::{list_public, public_claim_detail, ListQuery};
use app::claims::ClaimFilter;
use app::i18n::Locale;
use app::pages::url_with_query;
use app::state::AppState;

/// Claims per page unless `limit` says otherwise.
const DEFAULT_LIMIT: i64 = 20;
const MAX_LIMIT: i64 = 100;

/// The listing's query: the same parameters as the site's `/`, plus `source` and `limit`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClaimQuery {
    /// Search text in web-search syntax: `"a phrase"`, `OR`, `-word`. Words match by their stem
    /// in the claim's language; speakers by name or alias (case, accents and small typos ignored).
    q: Option<String>,
    /// Entity slug of the speaker.
    speaker: Option<String>,
    /// Rating slug of the verdict (see `/methodology`).
    verdict: Option<String>,
    /// `unverified`, `verified`, `disputed` or `misattributed`.
    attribution: Option<String>,
    /// Topic tag.
    topic: Option<String>,
    /// Language of the claim's original words (`id`, `en` …).
    language: Option<String>,
    /// Claims made on or after this day, `YYYY-MM-DD`.
    from: Option<String>,
    /// Claims made on or before this day, `YYYY-MM-DD`.
    to: Option<String>,
    /// Only claims that appear in this source (its id).
    source: Option<String>,
    /// Claims per page, 1–100 (default 20).
    limit: Option<String>,
    /// The `next_cursor` of the previous page.
    after: Option<String>,
}

/// The query string was not even readable (e.g. a parameter given twice).
pub fn unreadable_query(rejection: QueryRejection) -> Problem {
    Problem::new(StatusCode::BAD_REQUEST, rejection.body_text())
}

pub fn parse_limit(limit: Option<&str>) -> Result<i64, Problem> {
    match limit.map(str::trim).filter(|l| !l.is_empty()) {
        None => Ok(DEFAULT_LIMIT),
        Some(text) => text
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=MAX_LIMIT).contains(n))
            .ok_or_else(|| {
                Problem::new(
                    StatusCode::BAD_REQUEST,
                    format!("limit must be a whole number from 1 to {MAX_LIMIT}."),
                )
            }),
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/claims",
    tag = "claims",
    params(ClaimQuery),
    responses(
        (status = 200, description = "A page of published claims, newest first or best match first", body = ClaimList),
        (status = 400, description = "A parameter is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this address", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_claims(
    State(state): State<AppState>,
    query: Result<Query<ClaimQuery>, QueryRejection>,
) -> Result<Json<ClaimList>, Problem> {
    let Query(query) = query.map_err(unreadable_query)?;
    let filter = ClaimFilter {
        q: query.q,
        speaker: query.speaker,
        verdict: query.verdict,
        attribution: query.attribution,
        topic: query.topic,
        language: query.language,
        from: query.from,
        to: query.to,
        after: query.after,
    };
    let limit = parse_limit(query.limit.as_deref())?;
    let source_id = query
        .source
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<i64>().map_err(|_| {
                Problem::new(
                    StatusCode::BAD_REQUEST,
                    "source must be a source id (a number).",
                )
            })
        })
        .transpose()?;
    let page = list_public(
        &state.pool,
        &ListQuery {
            // The API speaks English: its messages, like its field names, are a fixed contract.
            filter: filter.check(Locale::en)?,
            source_id,
            after: ListCursor::from_param(filter.after.as_deref(), Locale::en)?,
            limit,
            claim_ids: None,
        },
    )
    .await?;

    let next = page.next_cursor.as_ref().map(|cursor| {
        let source = source_id.map(|id| id.to_string());
        let limit = (limit != DEFAULT_LIMIT).then(|| limit.to_string());
        let mut params = filter.params();
        params.push(("source", source.as_deref()));
        params.push(("limit", limit.as_deref()));
        params.push(("after", Some(cursor)));
        state.site.url(&url_with_query("/api/v1/claims", &params))
    });
    Ok(Json(ClaimList {
        claims: page
            .claims
            .iter()
            .map(|c| model::claim(&state.site, c))
            .collect(),
        next_cursor: page.next_cursor,
        next,
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/claims/{slug}",
    tag = "claims",
    params(("slug" = String, Path, description = "The claim's slug, as in its page address")),
    responses(
        (status = 200, description = "The claim with its appearances, relations, judgements and corrections", body = ClaimDocument),
        (status = 404, description = "No public claim has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this address", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_claim(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<ClaimDocument>, Problem> {
    let detail = public_claim_detail(&state.pool, &slug, &state.site)
        .await?
        .ok_or_else(|| Problem::not_found("This claim"))?;
    Ok(Json(model::claim_document(&state.site, &detail)))
}
