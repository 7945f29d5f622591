//! Claims as the public reads them: the listing on `/` and the claim page.
//! Server functions here only ever return published (or retracted, with their note) claims.

pub mod chain;
pub mod claim_review;
pub mod cursor;
#[cfg(feature = "ssr")]
pub mod db;
pub mod edit;
#[cfg(feature = "ssr")]
pub mod edit_db;
pub mod form;
pub mod search;
pub mod workflow;
#[cfg(feature = "ssr")]
pub mod workflow_db;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::db_enum;
use crate::error::AppError;
use crate::i18n::{td_string, Locale};
use crate::ratings::Rating;
use chain::AttributionChain;
pub use search::{ClaimFilter, Snippet};

db_enum! {
    /// The words are the speaker's own, or the reporter's rendering of them.
    ClaimKind as "claim_kind" { DirectQuote = "direct_quote", Paraphrase = "paraphrase" }
}

db_enum! {
    /// How precisely we know when a claim was made.
    DatePrecision as "date_precision" { Day = "day", Month = "month", Year = "year" }
}

db_enum! {
    EditorialState as "editorial_state" {
        Draft = "draft", InReview = "in_review", Published = "published", Retracted = "retracted",
    }
}

db_enum! {
    /// Did this speaker really say this? Separate from whether it is accurate.
    AttributionStatus as "attribution_status" {
        Unverified = "unverified", Verified = "verified", Disputed = "disputed",
        Misattributed = "misattributed",
    }
}

db_enum! {
    /// A directed link between two claims: `from` <kind> `to`.
    RelationKind as "relation_kind" {
        Denies = "denies", Confirms = "confirms", Supports = "supports",
        Contradicts = "contradicts", Repeats = "repeats", RespondsTo = "responds_to",
        Clarifies = "clarifies", Supersedes = "supersedes",
    }
}

db_enum! {
    /// How a source carries a claim.
    AppearanceRole as "appearance_role" { Primary = "primary", Report = "report", Relay = "relay" }
}

impl ClaimKind {
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            ClaimKind::DirectQuote => td_string!(locale, claim_kind.direct_quote),
            ClaimKind::Paraphrase => td_string!(locale, claim_kind.paraphrase),
        }
    }
}

impl EditorialState {
    /// The state as the desk reads it ("in review").
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            EditorialState::Draft => td_string!(locale, desk.state.draft),
            EditorialState::InReview => td_string!(locale, desk.state.in_review),
            EditorialState::Published => td_string!(locale, desk.state.published),
            EditorialState::Retracted => td_string!(locale, desk.state.retracted),
        }
    }
}

impl AppearanceRole {
    /// How a source carries a claim: said there first-hand, reported, or relayed.
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            AppearanceRole::Primary => td_string!(locale, desk.appearance_role.primary),
            AppearanceRole::Report => td_string!(locale, desk.appearance_role.report),
            AppearanceRole::Relay => td_string!(locale, desk.appearance_role.relay),
        }
    }
}

impl AttributionStatus {
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            AttributionStatus::Unverified => td_string!(locale, attribution.unverified),
            AttributionStatus::Verified => td_string!(locale, attribution.verified),
            AttributionStatus::Disputed => td_string!(locale, attribution.disputed),
            AttributionStatus::Misattributed => td_string!(locale, attribution.misattributed),
        }
    }

    /// What the status means, shown when the claim has no explanation of its own.
    pub fn meaning(self, locale: Locale) -> &'static str {
        match self {
            AttributionStatus::Unverified => td_string!(locale, attribution.meaning_unverified),
            AttributionStatus::Verified => td_string!(locale, attribution.meaning_verified),
            AttributionStatus::Disputed => td_string!(locale, attribution.meaning_disputed),
            AttributionStatus::Misattributed => {
                td_string!(locale, attribution.meaning_misattributed)
            }
        }
    }
}

impl RelationKind {
    /// Heading for related claims, seen from the claim that the relation points *to*.
    pub fn incoming_label(self, locale: Locale) -> &'static str {
        match self {
            RelationKind::Denies => td_string!(locale, relation.denied_by),
            RelationKind::Confirms => td_string!(locale, relation.confirmed_by),
            RelationKind::Supports => td_string!(locale, relation.supported_by),
            RelationKind::Contradicts => td_string!(locale, relation.contradicted_by),
            RelationKind::Repeats => td_string!(locale, relation.repeated_by),
            RelationKind::RespondsTo => td_string!(locale, relation.responses),
            RelationKind::Clarifies => td_string!(locale, relation.clarified_by),
            RelationKind::Supersedes => td_string!(locale, relation.superseded_by),
        }
    }

    /// Heading for related claims, seen from the claim the relation starts *from*.
    pub fn outgoing_label(self, locale: Locale) -> &'static str {
        match self {
            RelationKind::Denies => td_string!(locale, relation.denies),
            RelationKind::Confirms => td_string!(locale, relation.confirms),
            RelationKind::Supports => td_string!(locale, relation.supports),
            RelationKind::Contradicts => td_string!(locale, relation.contradicts),
            RelationKind::Repeats => td_string!(locale, relation.repeats),
            RelationKind::RespondsTo => td_string!(locale, relation.responds_to),
            RelationKind::Clarifies => td_string!(locale, relation.clarifies),
            RelationKind::Supersedes => td_string!(locale, relation.supersedes),
        }
    }
}

/// Who said something, as linked from a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerRef {
    pub slug: String,
    pub name: String,
    pub wikidata_id: Option<String>,
}

/// One line in a listing of claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimSummary {
    pub claim_id: i64,
    pub slug: String,
    pub headline: Option<String>,
    pub text: String,
    pub language: String,
    pub kind: ClaimKind,
    pub speaker: SpeakerRef,
    pub claimed_on: Option<NaiveDate>,
    pub claimed_on_precision: Option<DatePrecision>,
    pub editorial_state: EditorialState,
    pub attribution_status: AttributionStatus,
    pub verdict: Option<Rating>,
    pub published_at: DateTime<Utc>,
    /// Where the search text matched, when the listing is a search.
    pub snippet: Option<Snippet>,
}

impl ClaimSummary {
    /// What a listing shows as the claim's title: its headline, or the start of its text.
    pub fn title(&self) -> String {
        match &self.headline {
            Some(headline) => headline.clone(),
            None => shorten(&self.text, 75),
        }
    }
}

/// Cut `text` to at most `max_chars` characters at a word boundary, with an ellipsis.
pub fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    let at_word = cut.rfind(' ').map(|i| &cut[..i]).unwrap_or(&cut);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.', ' ']))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimListPage {
    pub claims: Vec<ClaimSummary>,
    /// Cursor for the next page, when there is one.
    pub next_cursor: Option<String>,
}

pub const PAGE_SIZE: i64 = 20;

/// One place where the claim appears, with its excerpt and how it reached the reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppearanceView {
    pub source_id: i64,
    pub source_title: String,
    pub outlet_name: Option<String>,
    pub source_url: Option<String>,
    pub source_published_at: Option<DateTime<Utc>>,
    pub role: AppearanceRole,
    pub cue_verb: Option<String>,
    pub prefix: String,
    pub exact: String,
    pub suffix: String,
    pub chain: AttributionChain,
}

impl AppearanceView {
    /// The text before the excerpt as a reader sees it: from the first whole word, on one line.
    pub fn context_before(&self) -> String {
        let text = self.prefix.replace('\n', " ");
        let from_word = match text.find(' ') {
            Some(space) if !text.starts_with(' ') => &text[space + 1..],
            _ => text.as_str(),
        };
        from_word.trim_start().to_owned()
    }

    /// The text after the excerpt, up to the last whole word, on one line.
    pub fn context_after(&self) -> String {
        let text = self.suffix.replace('\n', " ");
        let to_word = match text.rfind(' ') {
            Some(space) if !text.ends_with(' ') => &text[..space],
            _ => text.as_str(),
        };
        to_word.trim_end().to_owned()
    }
}

/// Another public claim linked to this one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedClaim {
    pub kind: RelationKind,
    /// True when this claim is the relation's `to` side (e.g. it is the one being denied).
    pub incoming: bool,
    pub note: Option<String>,
    pub claim: ClaimSummary,
}

/// Everything the public claim page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimDetail {
    pub summary: ClaimSummary,
    /// Person or organisation: schema.org needs to know which.
    pub speaker_kind: crate::entities::EntityKind,
    pub speaker_role: Option<String>,
    pub translation: Option<String>,
    pub translation_language: Option<String>,
    pub place: Option<String>,
    pub attribution_explanation: Option<String>,
    pub verdict_explanation: Option<String>,
    pub retraction_note: Option<String>,
    pub retracted_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub tags: Vec<String>,
    pub appearances: Vec<AppearanceView>,
    pub related: Vec<RelatedClaim>,
    /// Corrections made after publication, newest first.
    pub corrections: Vec<crate::corrections::CorrectionView>,
    /// The site's address and organisation, for the canonical URL and ClaimReview.
    pub site: crate::site::SiteInfo,
}

impl ClaimDetail {
    /// Related claims of one kind and direction, in a stable order.
    pub fn related(&self, kind: RelationKind, incoming: bool) -> Vec<RelatedClaim> {
        self.related
            .iter()
            .filter(|r| r.kind == kind && r.incoming == incoming)
            .cloned()
            .collect()
    }
}

/// What the listing can be filtered by: speakers, topics and languages of public claims, and
/// the rating scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterOptions {
    pub speakers: Vec<SpeakerRef>,
    pub ratings: Vec<Rating>,
    pub topics: Vec<String>,
    pub languages: Vec<String>,
    pub site: crate::site::SiteInfo,
}

#[server(input = GetUrl, endpoint = "public/claims")]
pub async fn list_published_claims(filter: ClaimFilter) -> Result<ClaimListPage, AppError> {
    // Errors carry their HTTP status (404 for a draft or unknown slug, 400 for a bad cursor).
    async move {
        let pool = crate::state::pool()?;
        let query = db::ListQuery {
            // Messages about a bad query are written in the reader's language.
            filter: filter.check(crate::language::request_locale())?,
            after: cursor::ListCursor::from_param(
                filter.after.as_deref(),
                crate::language::request_locale(),
            )?,
            limit: PAGE_SIZE,
            ..Default::default()
        };
        db::list_public(&pool, &query).await
    }
    .await
    .map_err(AppError::respond)
}

#[server(input = GetUrl, endpoint = "public/claim")]
pub async fn get_public_claim(slug: String) -> Result<ClaimDetail, AppError> {
    // Errors carry their HTTP status (404 for a draft or unknown slug, 400 for a bad cursor).
    async move {
        let pool = crate::state::pool()?;
        db::public_claim_detail(&pool, &slug, &crate::state::site()?)
            .await?
            .ok_or_else(|| AppError::not_found("This claim"))
    }
    .await
    .map_err(AppError::respond)
}

#[server(input = GetUrl, endpoint = "public/filter-options")]
pub async fn get_filter_options() -> Result<FilterOptions, AppError> {
    // Errors carry their HTTP status (404 for a draft or unknown slug, 400 for a bad cursor).
    async move {
        let pool = crate::state::pool()?;
        db::filter_options(&pool, &crate::state::site()?).await
    }
    .await
    .map_err(AppError::respond)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_shortened_at_a_word_boundary() {
        assert_eq!(shorten("short", 75), "short");
        let text = "Rusia saat ini terlibat dalam perjuangan yang adil melawan kekuatan hegemonik";
        let short = shorten(text, 40);
        assert!(short.chars().count() <= 40, "{short}");
        assert_eq!(short, "Rusia saat ini terlibat dalam…");
    }

    #[test]
    fn excerpt_context_shows_whole_words_only() {
        let appearance = AppearanceView {
            source_id: 1,
            source_title: "T".into(),
            outlet_name: None,
            source_url: None,
            source_published_at: None,
            role: AppearanceRole::Relay,
            cue_verb: None,
            prefix: "i pasukan Rusia di Ukraina.\n".into(),
            exact: "AS menuduh".into(),
            suffix: " Baik pejabat Rusia maupun K".into(),
            chain: chain::AttributionChain {
                speaker: "S".into(),
                cue_verb: None,
                role: AppearanceRole::Relay,
                reporters: vec![],
                carrier: "C".into(),
            },
        };
        assert_eq!(appearance.context_before(), "pasukan Rusia di Ukraina. ");
        assert_eq!(appearance.context_after(), " Baik pejabat Rusia maupun");
    }

    #[test]
    fn relation_labels_read_from_both_ends() {
        assert_eq!(RelationKind::Denies.incoming_label(Locale::en), "Denied by");
        assert_eq!(RelationKind::Denies.outgoing_label(Locale::en), "Denies");
    }
}
