//! What a reader can ask the public listing (`/` and `/api/v1/claims` take the same URL query):
//! search text and filters, checked into a form the database query can take.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::AttributionStatus;
use crate::error::AppError;
use crate::i18n::{td_string, Locale};

/// Longest search text accepted, in characters. Longer text is refused with a message rather
/// than cut, so the reader knows what was searched for.
pub const MAX_SEARCH_CHARS: usize = 200;

/// The listing's URL query, as the reader wrote it. Every field is optional; empty means unset.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimFilter {
    /// Search text in web-search syntax: `"exact phrase"`, `OR`, `-excluded`.
    pub q: Option<String>,
    /// Entity slug of the speaker.
    pub speaker: Option<String>,
    /// Rating slug of the verdict.
    pub verdict: Option<String>,
    /// Attribution status (`unverified`, `verified`, `disputed`, `misattributed`).
    pub attribution: Option<String>,
    /// Topic tag.
    pub topic: Option<String>,
    /// Language code of the claim's original text.
    pub language: Option<String>,
    /// Claims made on or after this day (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Claims made on or before this day (`YYYY-MM-DD`).
    pub to: Option<String>,
    /// Keyset cursor from the previous page.
    pub after: Option<String>,
}

/// The filter after checking: only valid values, ready for the query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckedFilter {
    pub search: Option<String>,
    pub speaker: Option<String>,
    pub verdict: Option<String>,
    pub attribution: Option<AttributionStatus>,
    pub topic: Option<String>,
    pub language: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl ClaimFilter {
    /// Read the filter from URL query parameters (any source of `name → value`).
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        ClaimFilter {
            q: get("q"),
            speaker: get("speaker"),
            verdict: get("verdict"),
            attribution: get("attribution"),
            topic: get("topic"),
            language: get("language"),
            from: get("from"),
            to: get("to"),
            after: get("after"),
        }
    }

    /// The URL parameters that reproduce this filter, without the page cursor.
    pub fn params(&self) -> Vec<(&'static str, Option<&str>)> {
        vec![
            ("q", self.q.as_deref()),
            ("speaker", self.speaker.as_deref()),
            ("verdict", self.verdict.as_deref()),
            ("attribution", self.attribution.as_deref()),
            ("topic", self.topic.as_deref()),
            ("language", self.language.as_deref()),
            ("from", self.from.as_deref()),
            ("to", self.to.as_deref()),
        ]
    }

    /// True when anything narrows the listing.
    pub fn is_narrowed(&self) -> bool {
        self.params()
            .iter()
            .any(|(_, value)| value.is_some_and(|v| !v.trim().is_empty()))
    }

    /// The filter, checked; what is wrong is explained in `locale` (the reader's language on
    /// the site, English in the API).
    pub fn check(&self, locale: Locale) -> Result<CheckedFilter, AppError> {
        let set = |value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let attribution = set(&self.attribution)
            .map(|value| {
                value.parse::<AttributionStatus>().map_err(|_| {
                    AppError::BadRequest(
                        td_string!(locale, search_error.unknown_attribution, value).to_string(),
                    )
                })
            })
            .transpose()?;
        let language = set(&self.language).map(|l| l.to_lowercase());
        if let Some(language) = &language {
            let valid = (2..=3).contains(&language.len())
                && language.chars().all(|c| c.is_ascii_lowercase());
            if !valid {
                return Err(AppError::BadRequest(
                    td_string!(locale, search_error.bad_language).to_owned(),
                ));
            }
        }
        let day = |value: Option<String>, problem: &str| {
            value
                .map(|v| {
                    NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                        .ok()
                        // PostgreSQL's dates and chrono's differ at the extremes.
                        .filter(|d| (1..=9999).contains(&d.year()))
                        .ok_or_else(|| AppError::BadRequest(problem.to_owned()))
                })
                .transpose()
        };
        let from = day(set(&self.from), td_string!(locale, search_error.bad_from))?;
        let to = day(set(&self.to), td_string!(locale, search_error.bad_to))?;
        if let (Some(from), Some(to)) = (from, to) {
            if from > to {
                return Err(AppError::BadRequest(
                    td_string!(locale, search_error.from_after_to).to_owned(),
                ));
            }
        }
        Ok(CheckedFilter {
            search: search_text(self.q.as_deref(), locale)?,
            speaker: set(&self.speaker),
            verdict: set(&self.verdict),
            attribution,
            topic: set(&self.topic),
            language,
            from,
            to,
        })
    }
}

/// The search text with control characters turned into spaces (PostgreSQL refuses NUL, and
/// none of them mean anything in a search), blanks collapsed; None when nothing is left.
pub fn search_text(raw: Option<&str>, locale: Locale) -> Result<Option<String>, AppError> {
    let Some(raw) = raw else { return Ok(None) };
    let cleaned: String = raw
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.is_empty() {
        return Ok(None);
    }
    if cleaned.chars().count() > MAX_SEARCH_CHARS {
        let max = MAX_SEARCH_CHARS;
        return Err(AppError::BadRequest(
            td_string!(locale, search_error.too_long, max).to_string(),
        ));
    }
    Ok(Some(cleaned))
}

/// The search text to compare with speaker names, or None when the reader used search
/// operators (a "quoted phrase", OR, -word): they asked for words in the text, and a name
/// that merely resembles their query would only get in the way.
pub fn name_query(search: &str) -> Option<&str> {
    let operators = search.contains('"')
        || search
            .split_whitespace()
            .any(|word| word.eq_ignore_ascii_case("or") || word.starts_with('-'));
    (!operators).then_some(search)
}

/// The words the reader excluded with `-word`, joined with OR, or None.
///
/// The query is read in three configurations at once and each reading excludes its own stem
/// ("-membantah" is "bantah" in Indonesian but "membantah" in English), so one reading could
/// let back in a claim another excludes. These words are checked again in every reading.
pub fn excluded_words(search: &str) -> Option<String> {
    let mut in_quotes = false;
    let mut words = Vec::new();
    for word in search.split_whitespace() {
        if !in_quotes {
            if let Some(excluded) = word.strip_prefix('-').filter(|w| !w.starts_with('"')) {
                let excluded = excluded.trim_matches(|c: char| !c.is_alphanumeric());
                if !excluded.is_empty() {
                    words.push(excluded.to_owned());
                }
            }
        }
        in_quotes ^= word.matches('"').count() % 2 == 1;
    }
    (!words.is_empty()).then(|| words.join(" OR "))
}

/// Where the database marks a matched word in a snippet. Private-use characters cannot clash
/// with markup: the snippet is split on them and rendered as escaped text with `<mark>`.
pub const MARK_START: char = '\u{E000}';
pub const MARK_END: char = '\u{E001}';

/// A piece of a claim's text around the words that matched a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// (text, matched) in reading order.
    pub parts: Vec<(String, bool)>,
    /// True when the match is in the English translation rather than the original text.
    pub in_translation: bool,
}

impl Snippet {
    /// A snippet from marked text, or None when nothing in it is marked.
    pub fn from_marked(marked: &str, in_translation: bool) -> Option<Snippet> {
        if !marked.contains(MARK_START) {
            return None;
        }
        let mut parts = Vec::new();
        for (i, piece) in marked.split(MARK_START).enumerate() {
            match piece.split_once(MARK_END) {
                Some((hit, rest)) if i > 0 => {
                    parts.push((hit.to_owned(), true));
                    parts.push((rest.to_owned(), false));
                }
                _ => parts.push((piece.replace(MARK_END, ""), false)),
            }
        }
        parts.retain(|(text, _)| !text.is_empty());
        Some(Snippet {
            parts,
            in_translation,
        })
    }

    /// The snippet as plain text (for feeds and the API).
    pub fn plain(&self) -> String {
        self.parts.iter().map(|(text, _)| text.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_blanks_are_cleaned_from_search_text() {
        assert_eq!(
            search_text(Some(" bantah\u{0}\t\n korea "), Locale::en),
            Ok(Some("bantah korea".into()))
        );
        assert_eq!(search_text(Some(" \u{7} "), Locale::en), Ok(None));
        assert_eq!(search_text(None, Locale::en), Ok(None));
    }

    #[test]
    fn overlong_search_text_gets_a_message() {
        let long = "a".repeat(10_000);
        assert!(matches!(
            search_text(Some(&long), Locale::en),
            Err(AppError::BadRequest(message)) if message.contains("too long")
        ));
    }

    #[test]
    fn filters_are_checked_with_clear_messages() {
        let filter = ClaimFilter {
            attribution: Some("maybe".into()),
            ..Default::default()
        };
        assert!(
            matches!(filter.check(Locale::en), Err(AppError::BadRequest(m)) if m.contains("maybe"))
        );
        let filter = ClaimFilter {
            from: Some("13/09/2023".into()),
            ..Default::default()
        };
        assert!(
            matches!(filter.check(Locale::en), Err(AppError::BadRequest(m)) if m.contains("YYYY-MM-DD"))
        );
        assert!(
            matches!(filter.check(Locale::id), Err(AppError::BadRequest(m)) if m.contains("TTTT-BB-HH"))
        );
        let filter = ClaimFilter {
            from: Some("2023-09-14".into()),
            to: Some("2023-09-13".into()),
            language: Some(" ID ".into()),
            attribution: Some("disputed".into()),
            ..Default::default()
        };
        assert!(filter.check(Locale::en).is_err());
        let filter = ClaimFilter {
            to: Some("2023-09-14".into()),
            language: Some(" ID ".into()),
            attribution: Some("disputed".into()),
            speaker: Some("".into()),
            ..Default::default()
        };
        let checked = filter.check(Locale::en).unwrap();
        assert_eq!(checked.language.as_deref(), Some("id"));
        assert_eq!(checked.attribution, Some(AttributionStatus::Disputed));
        assert_eq!(checked.speaker, None);
        assert!(filter.is_narrowed());
        assert!(!ClaimFilter::default().is_narrowed());
    }

    #[test]
    fn names_are_matched_only_without_search_operators() {
        assert_eq!(name_query("Amerika Serikat"), Some("Amerika Serikat"));
        assert_eq!(name_query("Kim Jong-un"), Some("Kim Jong-un"));
        assert_eq!(name_query("\"Korea Utara\""), None);
        assert_eq!(name_query("Putin or Kim"), None);
        assert_eq!(name_query("membantah -Rusia"), None);
    }

    #[test]
    fn excluded_words_are_found_outside_quotes() {
        assert_eq!(excluded_words("korea -membantah"), Some("membantah".into()));
        assert_eq!(excluded_words("a -b -c,"), Some("b OR c".into()));
        assert_eq!(excluded_words("\"x -y\" z"), None);
        assert_eq!(excluded_words("korea - utara"), None);
    }

    #[test]
    fn snippets_split_on_the_database_marks() {
        let marked = format!("Rusia {MARK_START}membantah{MARK_END} tuduhan");
        let snippet = Snippet::from_marked(&marked, false).unwrap();
        assert_eq!(
            snippet.parts,
            vec![
                ("Rusia ".to_owned(), false),
                ("membantah".to_owned(), true),
                (" tuduhan".to_owned(), false)
            ]
        );
        assert_eq!(snippet.plain(), "Rusia membantah tuduhan");
        assert_eq!(Snippet::from_marked("no match here", false), None);
    }
}
