//! Keyset pagination cursors for claim listings. Opaque to readers but plain:
//! - newest first, ordered by (published_at desc, claim_id desc): `<microseconds since epoch>.<claim id>`;
//! - search results, ordered by (score desc, claim_id desc): `r<score>_<claim id>`.

use chrono::{DateTime, Datelike, Utc};

use crate::error::AppError;
use crate::i18n::{td_string, Locale};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ListCursor {
    Newest {
        published_at: DateTime<Utc>,
        claim_id: i64,
    },
    /// The score is PostgreSQL's `real`; printed in Rust's shortest round-trip form, it comes
    /// back as the very same value, so the next page starts exactly after the last row.
    Ranked { score: f32, claim_id: i64 },
}

impl ListCursor {
    pub fn encode(&self) -> String {
        match self {
            ListCursor::Newest {
                published_at,
                claim_id,
            } => format!("{}.{claim_id}", published_at.timestamp_micros()),
            ListCursor::Ranked { score, claim_id } => format!("r{score}_{claim_id}"),
        }
    }

    /// The `after` URL parameter: absent or empty means the first page.
    /// The `after` URL parameter: absent or empty means the first page; a malformed one is a
    /// bad request, explained in the reader's language.
    pub fn from_param(param: Option<&str>, locale: Locale) -> Result<Option<Self>, AppError> {
        let Some(text) = param.filter(|p| !p.is_empty()) else {
            return Ok(None);
        };
        Self::decode(text).map(Some).ok_or_else(|| {
            AppError::BadRequest(td_string!(locale, search_error.bad_cursor).to_owned())
        })
    }

    pub fn decode(text: &str) -> Option<Self> {
        if let Some(ranked) = text.strip_prefix('r') {
            let (score, id) = ranked.split_once('_')?;
            let score: f32 = score.parse().ok().filter(|s: &f32| s.is_finite())?;
            let claim_id: i64 = id.parse().ok()?;
            return Some(ListCursor::Ranked { score, claim_id });
        }
        let (micros, id) = text.split_once('.')?;
        let micros: i64 = micros.parse().ok()?;
        let claim_id: i64 = id.parse().ok()?;
        let published_at = DateTime::from_timestamp_micros(micros)
            // Beyond PostgreSQL's range the database would refuse it with an error.
            .filter(|at| (1..=9999).contains(&at.year()))?;
        Some(ListCursor::Newest {
            published_at,
            claim_id,
        })
    }

    /// (published_at, claim_id) of a newest-first cursor.
    pub fn newest(&self) -> Option<(DateTime<Utc>, i64)> {
        match *self {
            ListCursor::Newest {
                published_at,
                claim_id,
            } => Some((published_at, claim_id)),
            ListCursor::Ranked { .. } => None,
        }
    }

    /// (score, claim_id) of a search-results cursor.
    pub fn ranked(&self) -> Option<(f32, i64)> {
        match *self {
            ListCursor::Ranked { score, claim_id } => Some((score, claim_id)),
            ListCursor::Newest { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_survive_the_round_trip() {
        let newest = ListCursor::Newest {
            published_at: DateTime::from_timestamp_micros(1_694_615_400_123_456).unwrap(),
            claim_id: 42,
        };
        assert_eq!(ListCursor::decode(&newest.encode()), Some(newest));
        for score in [0.1_f32, 1.0 / 3.0, 1.062_745_1, 0.0] {
            let ranked = ListCursor::Ranked { score, claim_id: 7 };
            assert_eq!(
                ListCursor::decode(&ranked.encode()),
                Some(ranked),
                "{score}"
            );
        }
    }

    #[test]
    fn malformed_cursors_are_a_bad_request() {
        for text in [
            "",
            "abc",
            "1.x",
            "x.1",
            "99999999999999999999.1",
            "r_1",
            "rNaN_1",
            "rinf_1",
            "r0.5",
            "-8000000000000000000.1",
        ] {
            assert_eq!(ListCursor::decode(text), None, "{text}");
        }
        assert_eq!(ListCursor::from_param(Some(""), Locale::en), Ok(None));
        assert!(matches!(
            ListCursor::from_param(Some("abc"), Locale::id),
            Err(AppError::BadRequest(message)) if message.contains("tidak valid")
        ));
    }
}
