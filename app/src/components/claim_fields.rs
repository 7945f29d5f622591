//! The claim form's fields, shared by "new claim" and the claim editor, with the speaker picker:
//! a search over names and aliases (ID/EN) that fills in the speaker's slug. Without JavaScript
//! the speaker field takes a slug, name or alias and the server resolves it.

use leptos::prelude::*;

use crate::claims::form::ClaimForm;
use crate::claims::ClaimKind;
use crate::components::desk::FieldError;
use crate::entities::edit::search_entities;
use crate::error::AppError;
use crate::i18n::{t, td_string, use_i18n};
use crate::language::page_locale;

/// A labelled text input named `form[<field>]`, with its error under it.
#[component]
pub fn TextField(
    field: &'static str,
    label: &'static str,
    value: String,
    error: Signal<Option<AppError>>,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] maxlength: Option<u32>,
    #[prop(default = "form")] prefix: &'static str,
) -> impl IntoView {
    let id = format!("{prefix}-{field}");
    let invalid = move || error.get().and_then(|e| e.problem_with(field)).is_some();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <span class="hint">{hint}</span> })}
            <input id=id name=format!("{prefix}[{field}]") value=value required=required
                maxlength=maxlength.map(|m| m.to_string())
                aria-invalid=move || invalid().to_string()
                aria-describedby=format!("{field}-error") />
            <FieldError error field />
        </div>
    }
}

#[component]
pub fn TextAreaField(
    field: &'static str,
    label: &'static str,
    value: String,
    error: Signal<Option<AppError>>,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] required: bool,
    #[prop(default = 3)] rows: u32,
    #[prop(default = "form")] prefix: &'static str,
) -> impl IntoView {
    let id = format!("{prefix}-{field}");
    let invalid = move || error.get().and_then(|e| e.problem_with(field)).is_some();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <span class="hint">{hint}</span> })}
            <textarea id=id name=format!("{prefix}[{field}]") rows=rows required=required
                aria-invalid=move || invalid().to_string()
                aria-describedby=format!("{field}-error")>{value}</textarea>
            <FieldError error field />
        </div>
    }
}

#[component]
pub fn ClaimFields(current: ClaimForm, error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    let kind_options = ClaimKind::ALL
        .iter()
        .map(|kind| {
            view! { <option value=kind.as_str() selected=kind.as_str() == current.kind>{kind.label(locale)}</option> }
        })
        .collect_view();
    view! {
        <SpeakerPicker current=current.speaker.clone() error />
        <TextField field="speaker_role" label=td_string!(locale, desk.fields.speaker_role) value=current.speaker_role.clone() error
            hint=td_string!(locale, desk.fields.speaker_role_hint) maxlength=300 />
        <div class="field">
            <label for="form-kind">{t!(i18n, desk.common.kind)}</label>
            <select id="form-kind" name="form[kind]">{kind_options}</select>
            <FieldError error field="kind" />
        </div>
        <TextAreaField field="text" label=td_string!(locale, desk.fields.text) value=current.text.clone() error required=true rows=4 />
        <TextField field="language" label=td_string!(locale, desk.fields.language) value=current.language.clone() error hint=td_string!(locale, desk.fields.language_hint) required=true maxlength=3 />
        <TextAreaField field="translation" label=td_string!(locale, desk.fields.translation) value=current.translation.clone() error />
        <TextField field="translation_language" label=td_string!(locale, desk.fields.translation_language) value=current.translation_language.clone() error maxlength=3 />
        <TextField field="headline" label=td_string!(locale, desk.fields.headline) value=current.headline.clone() error maxlength=75 />
        <TextField field="claimed_on" label=td_string!(locale, desk.fields.claimed_on) value=current.claimed_on.clone() error hint=td_string!(locale, desk.fields.claimed_on_hint) />
        <TextField field="place" label=td_string!(locale, desk.fields.place) value=current.place.clone() error maxlength=200 />
        <TextField field="tags" label=td_string!(locale, desk.fields.tags) value=current.tags.clone() error hint=td_string!(locale, desk.fields.tags_hint) />
        <TextField field="slug" label=td_string!(locale, desk.fields.slug) value=current.slug.clone() error hint=td_string!(locale, desk.fields.slug_hint) maxlength=120 />
    }
}

/// The speaker field and its search. The search box has no name, so only the field is sent.
#[component]
fn SpeakerPicker(current: String, error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    let speaker = RwSignal::new(current);
    let query = RwSignal::new(String::new());
    // Client-only: the search runs as the user types and is never part of the server render.
    let hits = LocalResource::new(move || {
        let q = query.get();
        async move {
            if q.trim().chars().count() < 2 {
                Ok(Vec::new())
            } else {
                search_entities(q).await
            }
        }
    });
    view! {
        <div class="field speaker-picker">
            <label for="form-speaker">{t!(i18n, desk.fields.speaker)}</label>
            <span class="hint">{t!(i18n, desk.fields.speaker_hint)}</span>
            <input id="form-speaker" name="form[speaker]" required prop:value=move || speaker.get()
                on:input=move |ev| speaker.set(event_target_value(&ev))
                aria-describedby="speaker-error" />
            <FieldError error field="speaker" />
            <label class="sr-only" for="speaker-search">{t!(i18n, desk.fields.search_speakers)}</label>
            <input id="speaker-search" type="search" placeholder=td_string!(locale, desk.fields.search_speakers_placeholder)
                autocomplete="off" on:input=move |ev| query.set(event_target_value(&ev)) />
            {move || {
                    // Read only once something is typed: a LocalResource never resolves on the
                    // server, and reading it there would hold the page's Suspense on its fallback.
                    let hits = if query.with(|q| q.trim().chars().count() < 2) {
                        Vec::new()
                    } else {
                        hits.get().and_then(Result::ok).unwrap_or_default()
                    };
                    view! {
                        <ul class="picker-results" aria-live="polite">
                            {hits.into_iter().map(|hit| {
                                let slug = hit.slug.clone();
                                view! {
                                    <li>
                                        <button type="button" class="link-button" data-slug=hit.slug.clone()
                                            on:click=move |_| { speaker.set(slug.clone()); query.set(String::new()); }>
                                            {hit.name.clone()}
                                            {hit.matched_alias.clone().map(|alias| view! { <span class="muted">" — " {td_string!(locale, desk.common.also, alias).to_string()}</span> })}
                                            <span class="muted">" · " {hit.kind.label(locale)}</span>
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                }}
        </div>
    }
}
