//! The source editor (`/desk/sources/…`): a source's record and its snapshots. A snapshot is the
//! text as captured, stored with its SHA-256 and never changed: pasting a new text makes the next
//! snapshot, and excerpts anchored in an older one keep pointing at the text they were made on.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{SnapshotInfo, SourceKind};
use crate::claims::form::is_language;
use crate::error::{at_most_characters, field_values, non_empty, AppError, FieldValue, Problems};
use crate::i18n::td_string;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceForm {
    pub kind: String,
    pub title: String,
    /// The outlet's entity slug.
    #[serde(default)]
    pub outlet: String,
    #[serde(default)]
    pub url: String,
    /// Comma-separated.
    #[serde(default)]
    pub authors: String,
    #[serde(default)]
    pub editors: String,
    pub language: String,
    /// "2023-09-13" or "2023-09-13 14:30" (UTC).
    #[serde(default)]
    pub published_at: String,
    #[serde(default)]
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedSource {
    pub kind: SourceKind,
    pub title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub authors: Vec<String>,
    pub editors: Vec<String>,
    pub language: String,
    pub published_at: Option<DateTime<Utc>>,
    pub summary: Option<String>,
}

fn names(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Only links a reader can follow safely: http(s), no spaces.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > "https://".len()
        && url.len() <= 2000
        && !url.chars().any(char::is_whitespace)
}

pub fn parse_published_at(value: &str) -> Result<Option<DateTime<Utc>>, &'static str> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if let Ok(at) = NaiveDateTime::parse_from_str(&value.replace('T', " "), "%Y-%m-%d %H:%M") {
        return Ok(Some(at.and_utc()));
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(|d| Some(d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()))
        .map_err(|_| {
            td_string!(
                crate::language::message_locale(),
                message.source.date_format
            )
        })
}

pub fn format_published_at(at: Option<DateTime<Utc>>) -> String {
    match at {
        Some(at) if at.format("%H:%M").to_string() == "00:00" => at.format("%Y-%m-%d").to_string(),
        Some(at) => at.format("%Y-%m-%d %H:%M").to_string(),
        None => String::new(),
    }
}

impl SourceForm {
    pub fn values(&self) -> Vec<FieldValue> {
        field_values(&[
            ("kind", &self.kind),
            ("title", &self.title),
            ("outlet", &self.outlet),
            ("url", &self.url),
            ("authors", &self.authors),
            ("editors", &self.editors),
            ("language", &self.language),
            ("published_at", &self.published_at),
            ("summary", &self.summary),
        ])
    }

    pub fn check(&self) -> Result<CheckedSource, AppError> {
        let locale = crate::language::message_locale();
        let mut problems = Problems::default();
        let kind = self.kind.parse::<SourceKind>().unwrap_or_else(|_| {
            problems.add("kind", td_string!(locale, message.source.kind_required));
            SourceKind::Other
        });
        let title = self.title.trim().to_owned();
        if title.is_empty() || title.chars().count() > 500 {
            problems.add("title", td_string!(locale, message.source.title_required));
        }
        let url = non_empty(&self.url).map(str::to_owned);
        if url.as_ref().is_some_and(|u| !is_web_link(u)) {
            problems.add("url", td_string!(locale, message.source.url_format));
        }
        let language = self.language.trim().to_lowercase();
        if !is_language(&language) {
            problems.add("language", td_string!(locale, message.common.language_code));
        }
        let published_at = parse_published_at(&self.published_at).unwrap_or_else(|message| {
            problems.add("published_at", message);
            None
        });
        let summary = non_empty(&self.summary).map(str::to_owned);
        if summary.as_ref().is_some_and(|s| s.chars().count() > 2000) {
            problems.add("summary", at_most_characters(locale, 2000));
        }
        problems.into_result()?;
        Ok(CheckedSource {
            kind,
            title,
            outlet: non_empty(&self.outlet).map(str::to_owned),
            url,
            authors: names(&self.authors),
            editors: names(&self.editors),
            language,
            published_at,
            summary,
        })
    }
}

/// The captured text of a source, for selecting excerpts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotText {
    pub snapshot_number: i32,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskSource {
    pub source_id: i64,
    pub version: i32,
    pub form: SourceForm,
    /// Newest first.
    pub snapshots: Vec<SnapshotInfo>,
    pub latest: Option<SnapshotText>,
}

/// A line of the source list and the claim editor's source choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourcePick {
    pub source_id: i64,
    pub title: String,
    pub outlet_name: Option<String>,
    pub has_snapshot: bool,
}

#[server(endpoint = "desk/sources/list")]
pub async fn list_desk_sources(#[server(default)] q: String) -> Result<Vec<SourcePick>, AppError> {
    use crate::accounts::{session::require_role, DESK};
    require_role(DESK).await?;
    super::edit_db::list(&crate::state::pool()?, q.trim())
        .await
        .map_err(AppError::respond)
}

#[server(endpoint = "desk/sources/get")]
pub async fn get_desk_source(source_id: i64) -> Result<DeskSource, AppError> {
    use crate::accounts::{session::require_role, DESK};
    let locale = crate::language::message_locale();
    require_role(DESK).await?;
    super::edit_db::desk_source(&crate::state::pool()?, source_id)
        .await?
        .ok_or_else(|| {
            AppError::NotFound(td_string!(locale, message.source.not_found).to_owned()).respond()
        })
}

#[server(endpoint = "desk/sources/create")]
pub async fn create_source(form: SourceForm) -> Result<i64, AppError> {
    use crate::accounts::{session::require_role, WRITERS};
    let user = require_role(WRITERS).await?;
    let checked = form.check().map_err(AppError::respond)?;
    let source_id = super::edit_db::insert(&crate::state::pool()?, &user, checked)
        .await
        .map_err(AppError::respond)?;
    leptos_axum::redirect(&format!("/desk/sources/{source_id}"));
    Ok(source_id)
}

#[server(endpoint = "desk/sources/update")]
pub async fn update_source(source_id: i64, version: i32, form: SourceForm) -> Result<(), AppError> {
    use crate::accounts::{session::require_role, WRITERS};
    let user = require_role(WRITERS).await?;
    let yours = form.values();
    let checked = form.check().map_err(AppError::respond)?;
    super::edit_db::update(
        &crate::state::pool()?,
        &user,
        source_id,
        version,
        checked,
        yours,
    )
    .await
    .map_err(AppError::respond)
}

/// Store the pasted text as the source's next snapshot; answers with its number.
#[server(endpoint = "desk/sources/add-snapshot")]
pub async fn add_snapshot(source_id: i64, body: String) -> Result<i32, AppError> {
    use crate::accounts::{session::require_role, WRITERS};
    let locale = crate::language::message_locale();
    let user = require_role(WRITERS).await?;
    // Browsers send line breaks as CRLF; store the text as readers see it.
    let body = body.replace("\r\n", "\n");
    if body.trim().is_empty() || body.chars().count() > 1_000_000 {
        return Err(
            AppError::invalid("body", td_string!(locale, message.source.text_required)).respond(),
        );
    }
    super::edit_db::add_snapshot(&crate::state::pool()?, &user, source_id, &body)
        .await
        .map_err(AppError::respond)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_pass() {
        assert!(is_web_link("https://www.kompas.tv/internasional/123"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("https://a b"));
        assert!(!is_web_link("https://"));
    }

    #[test]
    fn publication_times_round_trip() {
        let at = parse_published_at("2023-09-13 14:30").unwrap();
        assert_eq!(format_published_at(at), "2023-09-13 14:30");
        let day = parse_published_at("2023-09-13").unwrap();
        assert_eq!(format_published_at(day), "2023-09-13");
        assert!(parse_published_at("13/9/2023").is_err());
    }
}
