//! Corrections made after publication, as readers see them: on each claim page and on the
//! site-wide `/corrections` log (newest first).

#[cfg(feature = "ssr")]
pub mod db;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionView {
    pub correction_id: i64,
    pub claim_slug: String,
    pub claim_title: String,
    pub note: String,
    /// Which parts changed ("text", "verdict", "relations", "retraction" …).
    pub changed: Vec<String>,
    pub corrected_at: DateTime<Utc>,
}

impl CorrectionView {
    /// "text, verdict" in words a reader understands.
    pub fn changed_en(&self) -> String {
        let words: Vec<&str> = self
            .changed
            .iter()
            .map(|field| match field.as_str() {
                "text" => "wording",
                "speaker" => "speaker",
                "speaker_role" => "speaker's role",
                "translation" | "translation_language" => "translation",
                "headline" => "headline",
                "claimed_on" | "claimed_on_precision" => "date",
                "verdict" | "verdict_explanation" => "verdict",
                "attribution" | "attribution_status" | "attribution_explanation" => "attribution",
                "relations" => "related claims",
                "retraction" => "retraction",
                "tags" => "topics",
                "kind" => "type of claim",
                "place" => "place",
                "language" => "language",
                _ => "details",
            })
            .collect();
        let mut unique: Vec<&str> = Vec::new();
        for word in words {
            if !unique.contains(&word) {
                unique.push(word);
            }
        }
        unique.join(", ")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionsPage {
    pub corrections: Vec<CorrectionView>,
    /// Pass as `before` for the next (older) page.
    pub next_before: Option<i64>,
}

pub const CORRECTIONS_PAGE_SIZE: i64 = 30;

/// Corrections to public claims, newest first.
#[server(endpoint = "public/corrections", input = GetUrl)]
pub async fn list_corrections(before: Option<i64>) -> Result<CorrectionsPage, AppError> {
    db::list(&crate::state::pool()?, before, None)
        .await
        .map_err(AppError::respond)
}
