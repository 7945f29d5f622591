//! `/desk/entities`, `/desk/entities/new`, `/desk/entities/{id}` — people and organisations:
//! names, aliases per language, kind, Wikidata id and parent organisation.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::claim_fields::{TextAreaField, TextField};
use crate::components::desk::{
    action_done, action_error, DeskPage, FieldError, FormOutcome, StaleEditPanel,
};
use crate::components::error_view::ErrorView;
use crate::entities::edit::{
    get_desk_entity, search_entities, CreateEntity, EntityForm, UpdateEntity,
};
use crate::entities::EntityKind;
use crate::error::AppError;
use crate::i18n::{t, td_string, use_i18n};
use crate::language::page_locale;

#[component]
pub fn DeskEntitiesPage() -> impl IntoView {
    // Resources are made above DeskPage's Suspense (see DeskPage).
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let hits = Resource::new_blocking(q, search_entities);
    let i18n = use_i18n();
    let locale = page_locale();
    view! {
        <DeskPage title=td_string!(locale, desk.entities.heading).into() class="desk-entities" children=move |_user| {
            view! {
                <h1>{t!(i18n, desk.entities.heading)}</h1>
                <p><a class="button" href="/desk/entities/new">{t!(i18n, desk.entities.new_button)}</a></p>
                <form method="get" action="/desk/entities" class="inline-form">
                    <label for="entity-q">{t!(i18n, desk.entities.search_label)}</label>
                    <input id="entity-q" type="search" name="q" value=q() />
                    <button type="submit">{t!(i18n, desk.common.search)}</button>
                </form>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match hits.await {
                            Ok(hits) => view! {
                                <ul class="desk-list">
                                    {hits.into_iter().map(|h| view! {
                                        <li>
                                            <a href=format!("/desk/entities/{}", h.entity_id)>{h.name}</a>
                                            <span class="muted">{format!(" · {} · ", h.kind.label(locale))}<code>{h.slug}</code>{h.matched_alias.map(|alias| format!(" · {}", td_string!(locale, desk.common.also, alias)))}</span>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any(),
                            Err(error) => view! { <ErrorView error /> }.into_any(),
                        }
                    })}
                </Suspense>
            }
        } />
    }
}

#[component]
fn EntityFields(current: EntityForm, error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    let kinds = EntityKind::ALL
        .iter()
        .map(|k| view! { <option value=k.as_str() selected=k.as_str() == current.kind>{k.label(locale)}</option> })
        .collect_view();
    view! {
        <TextField field="name" label=td_string!(locale, desk.common.name) value=current.name.clone() error required=true maxlength=200 />
        <div class="field">
            <label for="form-kind">{t!(i18n, desk.common.kind)}</label>
            <select id="form-kind" name="form[kind]">{kinds}</select>
            <FieldError error field="kind" />
        </div>
        <TextField field="slug" label=td_string!(locale, desk.entities.slug) value=current.slug.clone() error hint=td_string!(locale, desk.entities.slug_hint) maxlength=120 />
        <TextAreaField field="aliases" label=td_string!(locale, desk.entities.aliases) value=current.aliases.clone() error hint=td_string!(locale, desk.entities.aliases_hint) rows=4 />
        <TextAreaField field="description" label=td_string!(locale, desk.entities.description) value=current.description.clone() error />
        <TextField field="country" label=td_string!(locale, desk.entities.country) value=current.country.clone() error hint=td_string!(locale, desk.entities.country_hint) maxlength=2 />
        <TextField field="wikidata_id" label=td_string!(locale, desk.entities.wikidata) value=current.wikidata_id.clone() error hint=td_string!(locale, desk.entities.wikidata_hint) />
        <TextField field="parent" label=td_string!(locale, desk.entities.parent) value=current.parent.clone() error />
    }
}

#[component]
pub fn NewEntityPage() -> impl IntoView {
    let create = ServerAction::<CreateEntity>::new();
    let error = action_error(create);
    let i18n = use_i18n();
    let locale = page_locale();
    view! {
        <DeskPage title=td_string!(locale, desk.entities.new_title).into() class="desk-entity" children=move |_user| {
            view! {
                <h1>{t!(i18n, desk.entities.new_heading)}</h1>
                <FormOutcome error done=action_done(create) ok=td_string!(locale, desk.common.saved) />
                <ActionForm action=create attr:class="desk-form">
                    <EntityFields current=EntityForm { kind: "person".into(), ..EntityForm::default() } error />
                    <button type="submit">{t!(i18n, desk.common.save)}</button>
                </ActionForm>
            }
        } />
    }
}

#[component]
pub fn DeskEntityPage() -> impl IntoView {
    // Actions and resources are made above DeskPage's Suspense (see DeskPage).
    let params = use_params_map();
    let entity_id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    });
    let update = ServerAction::<UpdateEntity>::new();
    let entity = Resource::new_blocking(
        move || (entity_id.get(), update.version().get()),
        |(id, _)| get_desk_entity(id),
    );
    let error = action_error(update);
    let i18n = use_i18n();
    let locale = page_locale();
    view! {
        <DeskPage title=td_string!(locale, desk.entities.page_title).into() class="desk-entity" children=move |_user| {
            view! {
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match entity.await {
                            Ok(entity) => view! {
                                <h1>{entity.form.name.clone()}</h1>
                                <p><a href=format!("/entities/{}", entity.form.slug)>{t!(i18n, desk.common.public_page)}</a>
                                   " · " <a href=format!("/desk/audit?object_type=entity&object_id={}", entity.entity_id)>{t!(i18n, desk.common.history)}</a></p>
                                <FormOutcome error done=action_done(update) ok=td_string!(locale, desk.common.saved) />
                                <StaleEditPanel error current=entity.form.values() />
                                <ActionForm action=update attr:class="desk-form">
                                    <input type="hidden" name="entity_id" value=entity.entity_id />
                                    <input type="hidden" name="version" value=entity.version />
                                    <EntityFields current=entity.form.clone() error />
                                    <button type="submit">{t!(i18n, desk.common.save)}</button>
                                </ActionForm>
                            }.into_any(),
                            Err(error) => view! { <ErrorView error /> }.into_any(),
                        }
                    })}
                </Suspense>
            }
        } />
    }
}
