//! Speakers and organisations: the public entity page (`/entities/{slug}`).

#[cfg(feature = "ssr")]
pub mod db;
pub mod edit;
#[cfg(feature = "ssr")]
pub mod edit_db;

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::claims::{AttributionStatus, ClaimListPage, ClaimSummary, SpeakerRef};
use crate::db_enum;
use crate::error::AppError;
use crate::i18n::{td_string, Locale};
use crate::ratings::Rating;

db_enum! {
    EntityKind as "entity_kind" {
        Person = "person", Government = "government", Agency = "agency",
        MediaOutlet = "media_outlet", Company = "company", Group = "group", Other = "other",
    }
}

impl EntityKind {
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            EntityKind::Person => td_string!(locale, entity_kind.person),
            EntityKind::Government => td_string!(locale, entity_kind.government),
            EntityKind::Agency => td_string!(locale, entity_kind.agency),
            EntityKind::MediaOutlet => td_string!(locale, entity_kind.media_outlet),
            EntityKind::Company => td_string!(locale, entity_kind.company),
            EntityKind::Group => td_string!(locale, entity_kind.group),
            EntityKind::Other => td_string!(locale, entity_kind.other),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    pub alias: String,
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityInfo {
    pub entity_id: i64,
    pub slug: String,
    pub name: String,
    pub kind: EntityKind,
    pub description: Option<String>,
    pub country: Option<String>,
    pub wikidata_id: Option<String>,
    pub parent: Option<SpeakerRef>,
    pub aliases: Vec<Alias>,
}

impl EntityInfo {
    /// The Wikidata page, rendered as schema.org `sameAs`.
    pub fn wikidata_url(&self) -> Option<String> {
        self.wikidata_id
            .as_ref()
            .map(|id| format!("https://www.wikidata.org/wiki/{id}"))
    }
}

/// How many of the entity's public claims carry each verdict (None: not yet rated).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerdictCount {
    pub verdict: Option<Rating>,
    pub count: i64,
}

/// How many of the entity's public claims have each attribution status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributionCount {
    pub status: AttributionStatus,
    pub count: i64,
}

/// A denial the entity issued, with the claim it denies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedDenial {
    pub denial: ClaimSummary,
    pub denied: ClaimSummary,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityPage {
    pub entity: EntityInfo,
    pub tally: Vec<VerdictCount>,
    pub attribution_tally: Vec<AttributionCount>,
    pub denials: Vec<IssuedDenial>,
    /// Other speakers' claims that name this entity (by name or alias), newest first.
    pub about: Vec<ClaimSummary>,
    pub claims: ClaimListPage,
    pub site: crate::site::SiteInfo,
}

#[server(input = GetUrl, endpoint = "public/entity")]
pub async fn get_public_entity(
    slug: String,
    after: Option<String>,
) -> Result<EntityPage, AppError> {
    // Errors carry their HTTP status (404 for an unknown slug or id, 400 for a bad cursor).
    async move {
        let pool = crate::state::pool()?;
        let entity = db::entity_by_slug(&pool, &slug)
            .await?
            .ok_or_else(|| AppError::not_found("This person or organisation"))?;
        let tally = db::verdict_tally(&pool, entity.entity_id).await?;
        let after = crate::claims::cursor::ListCursor::from_param(
            after.as_deref(),
            crate::language::request_locale(),
        )?;
        let query = crate::claims::db::ListQuery {
            filter: crate::claims::search::CheckedFilter {
                speaker: Some(entity.slug.clone()),
                ..Default::default()
            },
            after,
            limit: crate::claims::PAGE_SIZE,
            ..Default::default()
        };
        let claims = crate::claims::db::list_public(&pool, &query).await?;
        Ok(EntityPage {
            tally,
            attribution_tally: db::attribution_tally(&pool, entity.entity_id).await?,
            denials: db::issued_denials(&pool, entity.entity_id).await?,
            about: db::claims_about(&pool, entity.entity_id).await?,
            claims,
            site: crate::state::site()?,
            entity,
        })
    }
    .await
    .map_err(AppError::respond)
}
