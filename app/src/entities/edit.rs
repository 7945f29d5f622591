//! The entity editor (`/desk/entities/…`) and the speaker picker's search: names and aliases in
//! every language, so "AS", "Amerika Serikat" and "United States" all find the same entity.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::EntityKind;
use crate::claims::form::{is_language, is_slug, slugify};
use crate::error::{at_most_characters, field_values, non_empty, AppError, FieldValue, Problems};
use crate::i18n::td_string;

/// Every editable field of an entity, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityForm {
    #[serde(default)]
    pub slug: String,
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub wikidata_id: String,
    /// The parent organisation's slug.
    #[serde(default)]
    pub parent: String,
    /// One alias per line: "Amerika Serikat | id".
    #[serde(default)]
    pub aliases: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedEntity {
    pub slug: String,
    pub name: String,
    pub kind: EntityKind,
    pub description: Option<String>,
    pub country: Option<String>,
    pub wikidata_id: Option<String>,
    pub parent: Option<String>,
    pub aliases: Vec<(String, String)>,
}

impl EntityForm {
    pub fn values(&self) -> Vec<FieldValue> {
        field_values(&[
            ("slug", &self.slug),
            ("name", &self.name),
            ("kind", &self.kind),
            ("description", &self.description),
            ("country", &self.country),
            ("wikidata_id", &self.wikidata_id),
            ("parent", &self.parent),
            ("aliases", &self.aliases),
        ])
    }

    pub fn check(&self) -> Result<CheckedEntity, AppError> {
        let locale = crate::language::message_locale();
        let mut problems = Problems::default();
        let name = self.name.trim().to_owned();
        if name.is_empty() || name.chars().count() > 200 {
            problems.add("name", td_string!(locale, message.entity.name_required));
        }
        let slug = non_empty(&self.slug)
            .map(str::to_owned)
            .map(|s| s.to_lowercase())
            .unwrap_or_else(|| slugify(&name));
        if !is_slug(&slug, 120) {
            problems.add("slug", td_string!(locale, message.entity.slug_format));
        }
        let kind = self.kind.parse::<EntityKind>().unwrap_or_else(|_| {
            problems.add("kind", td_string!(locale, message.entity.kind_required));
            EntityKind::Other
        });
        let description = non_empty(&self.description).map(str::to_owned);
        if description
            .as_ref()
            .is_some_and(|d| d.chars().count() > 2000)
        {
            problems.add("description", at_most_characters(locale, 2000));
        }
        let country = non_empty(&self.country)
            .map(str::to_owned)
            .map(|c| c.to_uppercase());
        if country
            .as_ref()
            .is_some_and(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()))
        {
            problems.add("country", td_string!(locale, message.entity.country_format));
        }
        let wikidata_id = non_empty(&self.wikidata_id)
            .map(str::to_owned)
            .map(|w| w.to_uppercase());
        if wikidata_id.as_ref().is_some_and(|w| {
            !(w.len() > 1
                && w.starts_with('Q')
                && !w[1..].starts_with('0')
                && w[1..].bytes().all(|b| b.is_ascii_digit()))
        }) {
            problems.add(
                "wikidata_id",
                td_string!(locale, message.entity.wikidata_format),
            );
        }
        let parent = non_empty(&self.parent).map(str::to_owned);
        let mut aliases = Vec::new();
        for line in self
            .aliases
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            match line.rsplit_once('|') {
                Some((alias, language))
                    if !alias.trim().is_empty()
                        && alias.trim().chars().count() <= 200
                        && is_language(language.trim()) =>
                {
                    aliases.push((alias.trim().to_owned(), language.trim().to_owned()))
                }
                _ => {
                    problems.add(
                        "aliases",
                        td_string!(locale, message.entity.alias_format, line).to_string(),
                    );
                    break;
                }
            }
        }
        aliases.sort();
        aliases.dedup();
        problems.into_result()?;
        Ok(CheckedEntity {
            slug,
            name,
            kind,
            description,
            country,
            wikidata_id,
            parent,
            aliases,
        })
    }
}

/// One search result for the speaker picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityHit {
    pub entity_id: i64,
    pub slug: String,
    pub name: String,
    pub kind: EntityKind,
    /// The alias that matched, when it was not the name.
    pub matched_alias: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskEntity {
    pub entity_id: i64,
    pub version: i32,
    pub form: EntityForm,
}

/// Entities whose name, slug or alias contains `q` (all of them, by name, when `q` is empty).
#[server(endpoint = "desk/entities/search")]
pub async fn search_entities(q: String) -> Result<Vec<EntityHit>, AppError> {
    use crate::accounts::{session::require_role, DESK};
    require_role(DESK).await?;
    super::edit_db::search(&crate::state::pool()?, q.trim())
        .await
        .map_err(AppError::respond)
}

#[server(endpoint = "desk/entities/get")]
pub async fn get_desk_entity(entity_id: i64) -> Result<DeskEntity, AppError> {
    use crate::accounts::{session::require_role, DESK};
    let locale = crate::language::message_locale();
    require_role(DESK).await?;
    super::edit_db::desk_entity(&crate::state::pool()?, entity_id)
        .await?
        .ok_or_else(|| {
            AppError::NotFound(td_string!(locale, message.entity.not_found).to_owned()).respond()
        })
}

/// A new entity; answers with its slug (the speaker picker fills it in). `stay` keeps a plain
/// form post on the page it came from (the claim editor) instead of opening the new entity.
#[server(endpoint = "desk/entities/create")]
pub async fn create_entity(
    form: EntityForm,
    #[server(default)] stay: bool,
) -> Result<String, AppError> {
    use crate::accounts::{session::require_role, WRITERS};
    let user = require_role(WRITERS).await?;
    let checked = form.check().map_err(AppError::respond)?;
    let (entity_id, slug) = super::edit_db::insert(&crate::state::pool()?, &user, checked)
        .await
        .map_err(AppError::respond)?;
    if !stay {
        leptos_axum::redirect(&format!("/desk/entities/{entity_id}"));
    }
    Ok(slug)
}

#[server(endpoint = "desk/entities/update")]
pub async fn update_entity(entity_id: i64, version: i32, form: EntityForm) -> Result<(), AppError> {
    use crate::accounts::{session::require_role, WRITERS};
    let user = require_role(WRITERS).await?;
    let yours = form.values();
    let checked = form.check().map_err(AppError::respond)?;
    super::edit_db::update(
        &crate::state::pool()?,
        &user,
        entity_id,
        version,
        checked,
        yours,
    )
    .await
    .map_err(AppError::respond)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_with_aliases_is_checked() {
        let form = EntityForm {
            name: "Amerika Serikat".into(),
            kind: "government".into(),
            country: "us".into(),
            wikidata_id: "q30".into(),
            aliases: "AS | id\nUnited States | en\n\nAS | id".into(),
            ..EntityForm::default()
        };
        let checked = form.check().unwrap();
        assert_eq!(checked.slug, "amerika-serikat");
        assert_eq!(checked.country.as_deref(), Some("US"));
        assert_eq!(checked.wikidata_id.as_deref(), Some("Q30"));
        assert_eq!(checked.aliases.len(), 2);
    }

    #[test]
    fn bad_fields_are_named() {
        let form = EntityForm {
            name: "".into(),
            kind: "planet".into(),
            country: "Indonesia".into(),
            wikidata_id: "Q0".into(),
            aliases: "AS without language".into(),
            ..EntityForm::default()
        };
        let error = form.check().unwrap_err();
        for field in ["name", "kind", "country", "wikidata_id", "aliases"] {
            assert!(error.problem_with(field).is_some(), "{field}");
        }
    }
}
