//! The claim editor's form: what it holds (strings, exactly as typed) and the checks that turn it
//! into values the database accepts. Pure functions, shared by server and browser.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ClaimKind, DatePrecision};
use crate::error::{at_most_characters, field_values, non_empty, AppError, FieldValue, Problems};
use crate::i18n::td_string;

/// Every editable field of a claim, as the form shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimForm {
    /// Empty on a new claim: made from the headline or the text.
    #[serde(default)]
    pub slug: String,
    /// The speaker's slug, name or alias (the picker fills in the slug).
    pub speaker: String,
    #[serde(default)]
    pub speaker_role: String,
    pub kind: String,
    pub text: String,
    pub language: String,
    #[serde(default)]
    pub translation: String,
    #[serde(default)]
    pub translation_language: String,
    #[serde(default)]
    pub headline: String,
    /// "2023-09-13", "2023-09" or "2023".
    #[serde(default)]
    pub claimed_on: String,
    #[serde(default)]
    pub place: String,
    /// Comma-separated.
    #[serde(default)]
    pub tags: String,
}

/// The form, checked: each value in the shape its column wants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedClaim {
    pub slug: Option<String>,
    pub speaker: String,
    pub speaker_role: Option<String>,
    pub kind: ClaimKind,
    pub text: String,
    pub language: String,
    pub translation: Option<(String, String)>,
    pub headline: Option<String>,
    pub claimed_on: Option<(NaiveDate, DatePrecision)>,
    pub place: Option<String>,
    pub tags: Vec<String>,
}

impl ClaimForm {
    /// The labelled values, for showing a stale save beside the current claim.
    pub fn values(&self) -> Vec<FieldValue> {
        field_values(&[
            ("slug", &self.slug),
            ("speaker", &self.speaker),
            ("speaker_role", &self.speaker_role),
            ("kind", &self.kind),
            ("text", &self.text),
            ("language", &self.language),
            ("translation", &self.translation),
            ("translation_language", &self.translation_language),
            ("headline", &self.headline),
            ("claimed_on", &self.claimed_on),
            ("place", &self.place),
            ("tags", &self.tags),
        ])
    }

    pub fn check(&self) -> Result<CheckedClaim, AppError> {
        let locale = crate::language::message_locale();
        let mut problems = Problems::default();
        let slug = non_empty(&self.slug).map(str::to_lowercase);
        if let Some(slug) = &slug {
            if !is_slug(slug, 120) {
                problems.add("slug", td_string!(locale, message.claim.slug_format));
            }
        }
        let speaker = self.speaker.trim().to_owned();
        if speaker.is_empty() {
            problems.add(
                "speaker",
                td_string!(locale, message.claim.speaker_required),
            );
        }
        let kind = self.kind.parse::<ClaimKind>().unwrap_or_else(|_| {
            problems.add("kind", td_string!(locale, message.claim.kind_required));
            ClaimKind::DirectQuote
        });
        let text = self.text.trim().to_owned();
        if text.is_empty() || text.chars().count() > 5000 {
            problems.add("text", td_string!(locale, message.claim.text_required));
        }
        let language = self.language.trim().to_lowercase();
        if !is_language(&language) {
            problems.add("language", td_string!(locale, message.common.language_code));
        }
        let translation = match (
            non_empty(&self.translation),
            non_empty(&self.translation_language),
        ) {
            (None, None) => None,
            (Some(text), Some(lang)) if is_language(&lang.to_lowercase()) => {
                if text.chars().count() > 5000 {
                    problems.add("translation", at_most_characters(locale, 5000));
                }
                Some((text.to_owned(), lang.to_lowercase()))
            }
            (Some(_), Some(_)) => {
                problems.add(
                    "translation_language",
                    td_string!(locale, message.claim.translation_language_code),
                );
                None
            }
            (Some(_), None) => {
                problems.add(
                    "translation_language",
                    td_string!(locale, message.claim.translation_language_required),
                );
                None
            }
            (None, Some(_)) => {
                problems.add(
                    "translation",
                    td_string!(locale, message.claim.translation_required),
                );
                None
            }
        };
        let headline = non_empty(&self.headline).map(str::to_owned);
        if headline.as_ref().is_some_and(|h| h.chars().count() > 75) {
            problems.add(
                "headline",
                td_string!(locale, message.claim.headline_too_long),
            );
        }
        let claimed_on = match parse_claimed_on(&self.claimed_on) {
            Ok(date) => date,
            Err(message) => {
                problems.add("claimed_on", message);
                None
            }
        };
        let speaker_role = non_empty(&self.speaker_role).map(str::to_owned);
        if speaker_role
            .as_ref()
            .is_some_and(|r| r.chars().count() > 300)
        {
            problems.add("speaker_role", at_most_characters(locale, 300));
        }
        let place = non_empty(&self.place).map(str::to_owned);
        if place.as_ref().is_some_and(|p| p.chars().count() > 200) {
            problems.add("place", at_most_characters(locale, 200));
        }
        let tags = match parse_tags(&self.tags) {
            Ok(tags) => tags,
            Err(message) => {
                problems.add("tags", message);
                Vec::new()
            }
        };
        problems.into_result()?;
        Ok(CheckedClaim {
            slug,
            speaker,
            speaker_role,
            kind,
            text,
            language,
            translation,
            headline,
            claimed_on,
            place,
            tags,
        })
    }
}

pub fn is_slug(value: &str, max_len: usize) -> bool {
    !value.is_empty()
        && value.len() <= max_len
        && value.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

pub fn is_language(value: &str) -> bool {
    (2..=3).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_lowercase())
}

/// "2023-09-13" (day), "2023-09" (month) or "2023" (year); empty for unknown.
pub fn parse_claimed_on(value: &str) -> Result<Option<(NaiveDate, DatePrecision)>, &'static str> {
    let help = td_string!(crate::language::message_locale(), message.claim.date_format);
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = value.split('-').collect();
    let number = |s: &str| s.parse::<u32>().ok();
    let (year, month, day, precision) = match parts.as_slice() {
        [y] if y.len() == 4 => (number(y), Some(1), Some(1), DatePrecision::Year),
        [y, m] if y.len() == 4 => (number(y), number(m), Some(1), DatePrecision::Month),
        [y, m, d] if y.len() == 4 => (number(y), number(m), number(d), DatePrecision::Day),
        _ => return Err(help),
    };
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d)
            .map(|date| Some((date, precision)))
            .ok_or(help),
        _ => Err(help),
    }
}

/// How a stored date goes back into the form.
pub fn format_claimed_on(date: Option<NaiveDate>, precision: Option<DatePrecision>) -> String {
    match (date, precision) {
        (Some(date), Some(DatePrecision::Year)) => date.format("%Y").to_string(),
        (Some(date), Some(DatePrecision::Month)) => date.format("%Y-%m").to_string(),
        (Some(date), _) => date.format("%Y-%m-%d").to_string(),
        _ => String::new(),
    }
}

/// "Korea Utara, senjata" → ["korea-utara", "senjata"], sorted, without duplicates.
pub fn parse_tags(value: &str) -> Result<Vec<String>, &'static str> {
    let locale = crate::language::message_locale();
    let mut tags = Vec::new();
    for raw in value.split(',') {
        let tag = raw
            .trim()
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-");
        if tag.is_empty() {
            continue;
        }
        if !is_slug(&tag, 120) {
            return Err(td_string!(locale, message.claim.tags_format));
        }
        tags.push(tag);
    }
    tags.sort();
    tags.dedup();
    if tags.len() > 30 {
        return Err(td_string!(locale, message.claim.too_many_tags));
    }
    Ok(tags)
}

/// A URL slug made from a headline or claim text: ASCII letters and digits, at most 80 characters,
/// cut at a word boundary. Letters with accents lose them ("é" → "e"); other scripts are dropped.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_owned();
    if slug.len() > 80 {
        slug.truncate(80);
        if let Some(cut) = slug.rfind('-') {
            slug.truncate(cut);
        }
    }
    if slug.is_empty() {
        "claim".to_owned()
    } else {
        slug
    }
}

fn fold_accent(c: char) -> Option<char> {
    let folded = match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ò'..='ö' | 'Ò'..='Ö' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        other => other,
    };
    Some(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ClaimForm {
        ClaimForm {
            speaker: "vladimir-putin".into(),
            kind: "direct_quote".into(),
            text: "Kami tidak menerima senjata dari Korea Utara.".into(),
            language: "id".into(),
            ..ClaimForm::default()
        }
    }

    #[test]
    fn a_minimal_form_passes() {
        let checked = form().check().unwrap();
        assert_eq!(checked.language, "id");
        assert_eq!(checked.slug, None);
        assert!(checked.tags.is_empty());
    }

    #[test]
    fn every_wrong_field_is_named() {
        let bad = ClaimForm {
            slug: "Not A Slug".into(),
            speaker: " ".into(),
            kind: "rumour".into(),
            text: "".into(),
            language: "indonesian".into(),
            translation: "We did not".into(),
            headline: "x".repeat(76),
            claimed_on: "13/6/2023".into(),
            tags: "ok, not_ok".into(),
            ..ClaimForm::default()
        };
        let error = bad.check().unwrap_err();
        for field in [
            "slug",
            "speaker",
            "kind",
            "text",
            "language",
            "translation_language",
            "headline",
            "claimed_on",
            "tags",
        ] {
            assert!(error.problem_with(field).is_some(), "{field} not reported");
        }
        assert_eq!(error.status_code(), 422);
    }

    #[test]
    fn dates_keep_their_precision() {
        assert_eq!(
            parse_claimed_on("2023-09").unwrap(),
            Some((
                NaiveDate::from_ymd_opt(2023, 9, 1).unwrap(),
                DatePrecision::Month
            ))
        );
        assert_eq!(
            parse_claimed_on("2023").unwrap().unwrap().1,
            DatePrecision::Year
        );
        assert!(parse_claimed_on("2023-02-30").is_err());
        assert!(parse_claimed_on("23-02-01").is_err());
        let (date, precision) = parse_claimed_on("2023-09-13").unwrap().unwrap();
        assert_eq!(format_claimed_on(Some(date), Some(precision)), "2023-09-13");
    }

    #[test]
    fn tags_are_normalised() {
        assert_eq!(
            parse_tags(" Korea Utara, senjata,senjata ,").unwrap(),
            vec!["korea-utara", "senjata"]
        );
    }

    #[test]
    fn slugs_come_from_text() {
        assert_eq!(
            slugify("Rusia membantah: \"Kami tidak menerima senjata\""),
            "rusia-membantah-kami-tidak-menerima-senjata"
        );
        assert_eq!(slugify("Café à Séoul"), "cafe-a-seoul");
        assert_eq!(slugify("…"), "claim");
        assert!(slugify(&"kata ".repeat(40)).len() <= 80);
    }
}
