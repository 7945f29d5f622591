//! The organisation's rating scale (the `rating` table), as shown next to a verdict.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::i18n::Locale;

/// A verdict as the public sees it: the rating's labels, colour and explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub slug: String,
    pub label_en: String,
    pub label_id: String,
    pub colour: String,
    /// schema.org ratingValue (1 worst – 5 best); none for "Unproven" and "Not rated".
    pub rating_value: Option<i16>,
    pub explanation_en: String,
    pub explanation_id: String,
    pub retired: bool,
}

impl Rating {
    /// A rating from a LEFT JOIN's nullable columns: None when the claim has no verdict.
    /// Labels and explanations come in pairs: (English, Indonesian).
    pub fn from_columns(
        slug: Option<String>,
        labels: (Option<String>, Option<String>),
        colour: Option<String>,
        rating_value: Option<i16>,
        explanations: (Option<String>, Option<String>),
        retired: Option<bool>,
    ) -> Option<Rating> {
        Some(Rating {
            slug: slug?,
            label_en: labels.0?,
            label_id: labels.1?,
            colour: colour?,
            rating_value,
            explanation_en: explanations.0.unwrap_or_default(),
            explanation_id: explanations.1.unwrap_or_default(),
            retired: retired.unwrap_or(false),
        })
    }

    /// The rating's name in the reader's language (from the rating table's EN/ID columns).
    pub fn label(&self, locale: Locale) -> &str {
        match locale {
            Locale::en => &self.label_en,
            Locale::id => &self.label_id,
        }
    }

    pub fn explanation(&self, locale: Locale) -> &str {
        match locale {
            Locale::en => &self.explanation_en,
            Locale::id => &self.explanation_id,
        }
    }

    /// Only `#rrggbb` values reach the page (the database checks the same), so the colour can be
    /// used in a style attribute without opening a door to CSS injection.
    pub fn safe_colour(&self) -> &str {
        let valid = self.colour.len() == 7
            && self.colour.starts_with('#')
            && self.colour[1..].chars().all(|c| c.is_ascii_hexdigit());
        if valid {
            &self.colour
        } else {
            "#6e6e73"
        }
    }
}

/// What `/methodology` shows from the database: the rating scale, and the site's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Methodology {
    pub scale: Vec<Rating>,
    pub site: crate::site::SiteInfo,
}

#[server(input = GetUrl, endpoint = "public/methodology")]
pub async fn get_methodology() -> Result<Methodology, AppError> {
    async move {
        let pool = crate::state::pool()?;
        Ok(Methodology {
            scale: db::all(&pool).await?,
            site: crate::state::site()?,
        })
    }
    .await
    .map_err(AppError::respond)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rating(colour: &str) -> Rating {
        Rating {
            slug: "false".into(),
            label_en: "False".into(),
            label_id: "Keliru".into(),
            colour: colour.into(),
            rating_value: Some(1),
            explanation_en: "Not accurate.".into(),
            explanation_id: "Tidak akurat.".into(),
            retired: false,
        }
    }

    #[test]
    fn only_hex_colours_are_used_in_styles() {
        assert_eq!(rating("#b42318").safe_colour(), "#b42318");
        assert_eq!(rating("red;background:url(x)").safe_colour(), "#6e6e73");
    }
}

#[cfg(feature = "ssr")]
pub mod db {
    use sqlx::PgPool;

    use super::Rating;
    use crate::error::AppError;

    /// The whole scale in its display order, retired ratings included (old claims carry them).
    pub async fn all(pool: &PgPool) -> Result<Vec<Rating>, AppError> {
        Ok(sqlx::query_as!(
            Rating,
            "select slug, label_en, label_id, colour, rating_value, explanation_en, explanation_id,
                    retired
               from rating order by sort_order, rating_id"
        )
        .fetch_all(pool)
        .await?)
    }
}
