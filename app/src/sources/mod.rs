//! Documents that carry claims: the public source page (`/sources/{id}`).

#[cfg(feature = "ssr")]
pub mod db;
pub mod edit;
#[cfg(feature = "ssr")]
pub mod edit_db;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::claims::{ClaimListPage, SpeakerRef};
use crate::db_enum;
use crate::error::AppError;
use crate::i18n::{td_string, Locale};

db_enum! {
    SourceKind as "source_kind" {
        NewsArticle = "news_article", OfficialStatement = "official_statement",
        Transcript = "transcript", Broadcast = "broadcast", SocialPost = "social_post",
        PressConference = "press_conference", Other = "other",
    }
}

impl SourceKind {
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            SourceKind::NewsArticle => td_string!(locale, source_kind.news_article),
            SourceKind::OfficialStatement => td_string!(locale, source_kind.official_statement),
            SourceKind::Transcript => td_string!(locale, source_kind.transcript),
            SourceKind::Broadcast => td_string!(locale, source_kind.broadcast),
            SourceKind::SocialPost => td_string!(locale, source_kind.social_post),
            SourceKind::PressConference => td_string!(locale, source_kind.press_conference),
            SourceKind::Other => td_string!(locale, source_kind.other),
        }
    }
}

/// The captured text's fingerprint; the text itself is shown where excerpts are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotInfo {
    pub snapshot_number: i32,
    pub sha256_hex: String,
    pub captured_at: DateTime<Utc>,
    pub characters: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    pub source_id: i64,
    pub kind: SourceKind,
    pub title: String,
    pub outlet: Option<SpeakerRef>,
    pub url: Option<String>,
    pub authors: Vec<String>,
    pub editors: Vec<String>,
    pub language: String,
    pub published_at: Option<DateTime<Utc>>,
    pub retrieved_at: Option<DateTime<Utc>>,
    pub summary: Option<String>,
    pub snapshot: Option<SnapshotInfo>,
}

/// A citation between two sources, seen from one end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitationLink {
    pub source_id: i64,
    pub title: String,
    pub outlet_name: Option<String>,
    pub cue: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourcePage {
    pub source: SourceInfo,
    /// Sources this one relays ("melansir Associated Press").
    pub cites: Vec<CitationLink>,
    /// Sources that relay this one.
    pub cited_by: Vec<CitationLink>,
    pub claims: ClaimListPage,
}

#[server(input = GetUrl, endpoint = "public/source")]
pub async fn get_public_source(
    source_id: i64,
    after: Option<String>,
) -> Result<SourcePage, AppError> {
    // Errors carry their HTTP status (404 for an unknown slug or id, 400 for a bad cursor).
    async move {
        let pool = crate::state::pool()?;
        let source = db::source_by_id(&pool, source_id)
            .await?
            .ok_or_else(|| AppError::not_found("This source"))?;
        let (cites, cited_by) = db::citations(&pool, source_id).await?;
        let after = crate::claims::cursor::ListCursor::from_param(
            after.as_deref(),
            crate::language::request_locale(),
        )?;
        let query = crate::claims::db::ListQuery {
            source_id: Some(source_id),
            after,
            limit: crate::claims::PAGE_SIZE,
            ..Default::default()
        };
        let claims = crate::claims::db::list_public(&pool, &query).await?;
        Ok(SourcePage {
            source,
            cites,
            cited_by,
            claims,
        })
    }
    .await
    .map_err(AppError::respond)
}
