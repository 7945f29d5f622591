//! The organisation's rating scale (the `rating` table), as shown next to a verdict.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

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
    pub retired: bool,
}

impl Rating {
    /// A rating from a LEFT JOIN's nullable columns: None when the claim has no verdict.
    pub fn from_columns(
        slug: Option<String>,
        label_en: Option<String>,
        label_id: Option<String>,
        colour: Option<String>,
        rating_value: Option<i16>,
        explanation_en: Option<String>,
        retired: Option<bool>,
    ) -> Option<Rating> {
        Some(Rating {
            slug: slug?,
            label_en: label_en?,
            label_id: label_id?,
            colour: colour?,
            rating_value,
            explanation_en: explanation_en.unwrap_or_default(),
            retired: retired.unwrap_or(false),
        })
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

/// One step of the scale as the methodology page explains it, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScaleStep {
    pub rating: Rating,
    pub explanation_id: String,
}

/// What `/methodology` shows from the database: the rating scale, and the site's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Methodology {
    pub scale: Vec<ScaleStep>,
    pub site: crate::site::SiteInfo,
}

#[server(input = GetUrl, endpoint = "public/methodology")]
pub async fn get_methodology() -> Result<Methodology, AppError> {
    async move {
        let pool = crate::state::pool()?;
        Ok(Methodology {
            scale: db::scale(&pool).await?,
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

    use super::{Rating, ScaleStep};
    use crate::error::AppError;

    /// The whole scale in its display order, retired ratings included (old claims carry them).
    pub async fn all(pool: &PgPool) -> Result<Vec<Rating>, AppError> {
        Ok(sqlx::query_as!(
            Rating,
            "select slug, label_en, label_id, colour, rating_value, explanation_en, retired
               from rating order by sort_order, rating_id"
        )
        .fetch_all(pool)
        .await?)
    }

    /// The scale with both languages' explanations, for the methodology page.
    pub async fn scale(pool: &PgPool) -> Result<Vec<ScaleStep>, AppError> {
        let rows = sqlx::query!(
            "select slug, label_en, label_id, colour, rating_value, explanation_en, explanation_id,
                    retired
               from rating order by sort_order, rating_id"
        )
        .fetch_all(pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| ScaleStep {
                rating: Rating {
                    slug: row.slug,
                    label_en: row.label_en,
                    label_id: row.label_id,
                    colour: row.colour,
                    rating_value: row.rating_value,
                    explanation_en: row.explanation_en,
                    retired: row.retired,
                },
                explanation_id: row.explanation_id,
            })
            .collect())
    }
}
