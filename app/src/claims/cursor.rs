//! Keyset pagination cursor for listings ordered by (published_at desc, claim_id desc).
//! Opaque to readers but plain: `<microseconds since epoch>.<claim id>`.

use chrono::{DateTime, Utc};

use crate::error::AppError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListCursor {
    pub published_at: DateTime<Utc>,
    pub claim_id: i64,
}

impl ListCursor {
    pub fn encode(&self) -> String {
        format!("{}.{}", self.published_at.timestamp_micros(), self.claim_id)
    }

    /// The `after` URL parameter: absent or empty means the first page.
    pub fn from_param(param: Option<&str>) -> Result<Option<Self>, AppError> {
        param
            .filter(|p| !p.is_empty())
            .map(Self::decode)
            .transpose()
    }

    pub fn decode(text: &str) -> Result<Self, AppError> {
        let invalid = || {
            AppError::BadRequest("The page link is not valid; start from the first page.".into())
        };
        let (micros, id) = text.split_once('.').ok_or_else(invalid)?;
        let micros: i64 = micros.parse().map_err(|_| invalid())?;
        let claim_id: i64 = id.parse().map_err(|_| invalid())?;
        let published_at = DateTime::from_timestamp_micros(micros).ok_or_else(invalid)?;
        Ok(ListCursor {
            published_at,
            claim_id,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_survives_the_round_trip() {
        let cursor = ListCursor {
            published_at: DateTime::from_timestamp_micros(1_694_615_400_123_456).unwrap(),
            claim_id: 42,
        };
        assert_eq!(ListCursor::decode(&cursor.encode()), Ok(cursor));
    }

    #[test]
    fn malformed_cursors_are_a_bad_request() {
        for text in ["", "abc", "1.x", "x.1", "99999999999999999999.1"] {
            assert!(
                matches!(ListCursor::decode(text), Err(AppError::BadRequest(_))),
                "{text}"
            );
        }
    }
}
