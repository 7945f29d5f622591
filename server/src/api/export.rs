//! `/api/v1/export/claims.csv` and `/api/v1/export/claims.jsonl`: every public claim, oldest
//! first, streamed row by row from the database to the client. Memory stays constant whatever
//! the number of claims: one row is encoded and sent at a time.

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDate, Utc};
use futures_util::{Stream, StreamExt, TryStreamExt};
use serde::Serialize;
use sqlx::PgPool;

use std::sync::{Arc, LazyLock};

use axum::http::StatusCode;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::model::claim_date;
use super::Problem;
use app::claims::{AttributionStatus, ClaimKind, DatePrecision, EditorialState};
use app::site::SiteInfo;
use app::state::AppState;

/// One exported claim. The field order is the CSV column order.
#[derive(Debug, Serialize)]
struct ExportRow {
    slug: String,
    url: String,
    state: &'static str,
    speaker_slug: String,
    speaker_name: String,
    kind: &'static str,
    language: String,
    text: String,
    translation: Option<String>,
    translation_language: Option<String>,
    headline: Option<String>,
    claimed_on: Option<String>,
    attribution_status: &'static str,
    verdict: Option<String>,
    verdict_label_en: Option<String>,
    published_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    /// Joined with `;` in CSV; an array in JSON Lines.
    tags: Tags,
}

#[derive(Debug)]
struct Tags(Vec<String>);

struct Row {
    slug: String,
    editorial_state: EditorialState,
    speaker_slug: String,
    speaker_name: String,
    kind: ClaimKind,
    language: String,
    text: String,
    translation: Option<String>,
    translation_language: Option<String>,
    headline: Option<String>,
    claimed_on: Option<NaiveDate>,
    claimed_on_precision: Option<DatePrecision>,
    attribution_status: AttributionStatus,
    verdict: Option<String>,
    verdict_label_en: Option<String>,
    published_at: Option<DateTime<Utc>>,
    updated_at: DateTime<Utc>,
    tags: Vec<String>,
}

/// An export holds a database connection until its client has read the last row; a slow
/// client must not be able to take the pool from the pages. Two exports at a time, then 503.
const CONCURRENT_EXPORTS: usize = 2;
static EXPORTS: LazyLock<Arc<Semaphore>> =
    LazyLock::new(|| Arc::new(Semaphore::new(CONCURRENT_EXPORTS)));

fn export_slot() -> Option<OwnedSemaphorePermit> {
    EXPORTS.clone().try_acquire_owned().ok()
}

fn exports_busy() -> Response {
    let mut response = Problem::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "Other exports are running; try again in a minute.",
    )
    .into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, header::HeaderValue::from_static("60"));
    response
}

/// Public claims as a stream that owns its pool handle (and its export slot), so the response
/// body can outlive the handler. Rows are fetched from a server-side cursor as the client
/// reads them.
fn rows(
    pool: PgPool,
    slot: OwnedSemaphorePermit,
) -> impl Stream<Item = Result<Row, sqlx::Error>> + Send + 'static {
    async_stream::try_stream! {
        let _slot = slot;
        let mut rows = sqlx::query_as!(
            Row,
            r#"
            select c.slug, c.editorial_state as "editorial_state: EditorialState",
                   e.slug as speaker_slug, e.name as speaker_name,
                   c.kind as "kind: ClaimKind", c.language, c.text, c.translation,
                   c.translation_language, c.headline, c.claimed_on,
                   c.claimed_on_precision as "claimed_on_precision: DatePrecision",
                   c.attribution_status as "attribution_status: AttributionStatus",
                   r.slug as "verdict?", r.label_en as "verdict_label_en?",
                   c.published_at, c.updated_at,
                   array(select t.tag from claim_tag t where t.claim_id = c.claim_id order by t.tag) as "tags!"
              from claim c
              join entity e on e.entity_id = c.speaker_entity_id
              left join rating r on r.rating_id = c.rating_id
             where c.editorial_state in ('published', 'retracted')
             order by c.published_at, c.claim_id
            "#
        )
        .fetch(&pool);
        while let Some(row) = rows.try_next().await? {
            yield row;
        }
    }
}

fn export_row(site: &SiteInfo, row: Row) -> ExportRow {
    ExportRow {
        url: site.url(&format!("/claims/{}", row.slug)),
        slug: row.slug,
        state: row.editorial_state.as_str(),
        speaker_slug: row.speaker_slug,
        speaker_name: row.speaker_name,
        kind: row.kind.as_str(),
        language: row.language,
        text: row.text,
        translation: row.translation,
        translation_language: row.translation_language,
        headline: row.headline,
        claimed_on: claim_date(row.claimed_on, row.claimed_on_precision),
        attribution_status: row.attribution_status.as_str(),
        verdict: row.verdict,
        verdict_label_en: row.verdict_label_en,
        // Public claims always have one (a CHECK constraint says so).
        published_at: row.published_at.unwrap_or_default(),
        updated_at: row.updated_at,
        tags: Tags(row.tags),
    }
}

/// A streamed download; an error after the first bytes can only end the stream early, so it is
/// logged (the client sees a truncated file, never a wrong one).
fn download(
    content_type: &'static str,
    disposition: &'static str,
    body: impl Stream<Item = Result<Bytes, sqlx::Error>> + Send + 'static,
) -> Response {
    let body = body.inspect_err(|error| tracing::error!(%error, "export stopped"));
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        Body::from_stream(body),
    )
        .into_response()
}

#[utoipa::path(
    get,
    path = "/api/v1/export/claims.csv",
    tag = "export",
    responses(
        (status = 200, description = "Every public claim, one per line, oldest first (RFC 4180 CSV with a header row; tags joined with `;`)", content_type = "text/csv"),
        (status = 503, description = "Too many exports are running; retry after the Retry-After seconds", body = super::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this address", body = super::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn claims_csv(State(state): State<AppState>) -> Response {
    let Some(slot) = export_slot() else {
        return exports_busy();
    };
    let site = state.site.clone();
    let header_row = Bytes::from(csv_line(CSV_HEADER.iter().copied()));
    let lines = rows(state.pool.clone(), slot).map_ok(move |row| {
        let row = export_row(&site, row);
        Bytes::from(csv_line(csv_fields(&row).iter().map(String::as_str)))
    });
    let body = futures_util::stream::once(async move { Ok(header_row) }).chain(lines);
    download(
        "text/csv; charset=utf-8",
        "attachment; filename=\"claimtrack-claims.csv\"",
        body,
    )
}

#[utoipa::path(
    get,
    path = "/api/v1/export/claims.jsonl",
    tag = "export",
    responses(
        (status = 200, description = "Every public claim as one JSON object per line, oldest first", content_type = "application/jsonl"),
        (status = 503, description = "Too many exports are running; retry after the Retry-After seconds", body = super::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this address", body = super::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn claims_jsonl(State(state): State<AppState>) -> Response {
    let Some(slot) = export_slot() else {
        return exports_busy();
    };
    let site = state.site.clone();
    let lines = rows(state.pool.clone(), slot).map_ok(move |row| {
        let mut line = serde_json::to_vec(&export_row(&site, row)).unwrap_or_default();
        line.push(b'\n');
        Bytes::from(line)
    });
    download(
        "application/jsonl; charset=utf-8",
        "attachment; filename=\"claimtrack-claims.jsonl\"",
        lines,
    )
}

const CSV_HEADER: [&str; 18] = [
    "slug",
    "url",
    "state",
    "speaker_slug",
    "speaker_name",
    "kind",
    "language",
    "text",
    "translation",
    "translation_language",
    "headline",
    "claimed_on",
    "attribution_status",
    "verdict",
    "verdict_label_en",
    "published_at",
    "updated_at",
    "tags",
];

fn csv_fields(row: &ExportRow) -> [String; 18] {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        row.slug.clone(),
        row.url.clone(),
        row.state.to_owned(),
        row.speaker_slug.clone(),
        row.speaker_name.clone(),
        row.kind.to_owned(),
        row.language.clone(),
        row.text.clone(),
        opt(&row.translation),
        opt(&row.translation_language),
        opt(&row.headline),
        opt(&row.claimed_on),
        row.attribution_status.to_owned(),
        opt(&row.verdict),
        opt(&row.verdict_label_en),
        row.published_at.to_rfc3339(),
        row.updated_at.to_rfc3339(),
        row.tags.0.join(";"),
    ]
}

/// One CSV record, quoted by the csv crate (RFC 4180: quotes doubled, fields with commas,
/// quotes or line breaks enclosed).
fn csv_line<'a>(fields: impl Iterator<Item = &'a str>) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(fields);
    writer.into_inner().unwrap_or_default()
}

impl Serialize for Tags {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}
