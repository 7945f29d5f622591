//! Corrections made after publication, as readers see them: on each claim page and on the
//! site-wide `/corrections` log (newest first).

#[cfg(feature = "ssr")]
pub mod db;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::i18n::{td_string, Locale};

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
    /// "text, verdict" in words a reader understands, in the reader's language.
    pub fn changed(&self, locale: Locale) -> String {
        let mut unique: Vec<&str> = Vec::new();
        for field in &self.changed {
            let word = match field.as_str() {
                "text" => td_string!(locale, corrections.field_text),
                "speaker" => td_string!(locale, corrections.field_speaker),
                "speaker_role" => td_string!(locale, corrections.field_speaker_role),
                "translation" | "translation_language" => {
                    td_string!(locale, corrections.field_translation)
                }
                "headline" => td_string!(locale, corrections.field_headline),
                "claimed_on" | "claimed_on_precision" => td_string!(locale, corrections.field_date),
                "verdict" | "verdict_explanation" => td_string!(locale, corrections.field_verdict),
                "attribution" | "attribution_status" | "attribution_explanation" => {
                    td_string!(locale, corrections.field_attribution)
                }
                "relations" => td_string!(locale, corrections.field_relations),
                "retraction" => td_string!(locale, corrections.field_retraction),
                "tags" => td_string!(locale, corrections.field_topics),
                "kind" => td_string!(locale, corrections.field_kind),
                "place" => td_string!(locale, corrections.field_place),
                "language" => td_string!(locale, corrections.field_language),
                _ => td_string!(locale, corrections.field_other),
            };
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
