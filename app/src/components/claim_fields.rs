//! The claim form's fields, shared by "new claim" and the claim editor, with the speaker picker:
//! a search over names and aliases (ID/EN) that fills in the speaker's slug. Without JavaScript
//! the speaker field takes a slug, name or alias and the server resolves it.

use leptos::prelude::*;

use crate::claims::form::ClaimForm;
use crate::claims::ClaimKind;
use crate::components::desk::FieldError;
use crate::entities::edit::search_entities;
use crate::error::AppError;

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
    let kind_options = ClaimKind::ALL
        .iter()
        .map(|kind| {
            view! { <option value=kind.as_str() selected=kind.as_str() == current.kind>{kind.label_en()}</option> }
        })
        .collect_view();
    view! {
        <SpeakerPicker current=current.speaker.clone() error />
        <TextField field="speaker_role" label="Speaker's role at the time" value=current.speaker_role.clone() error
            hint="e.g. juru bicara Kementerian Luar Negeri AS" maxlength=300 />
        <div class="field">
            <label for="form-kind">"Kind"</label>
            <select id="form-kind" name="form[kind]">{kind_options}</select>
            <FieldError error field="kind" />
        </div>
        <TextAreaField field="text" label="The claim, in its original words" value=current.text.clone() error required=true rows=4 />
        <TextField field="language" label="Language of the claim" value=current.language.clone() error hint="id, en, ru, ko …" required=true maxlength=3 />
        <TextAreaField field="translation" label="Translation" value=current.translation.clone() error />
        <TextField field="translation_language" label="Language of the translation" value=current.translation_language.clone() error maxlength=3 />
        <TextField field="headline" label="Headline (shown in listings and to search engines)" value=current.headline.clone() error maxlength=75 />
        <TextField field="claimed_on" label="When it was said" value=current.claimed_on.clone() error hint="2023-09-13, 2023-09 or 2023" />
        <TextField field="place" label="Where it was said" value=current.place.clone() error maxlength=200 />
        <TextField field="tags" label="Topics" value=current.tags.clone() error hint="comma-separated, e.g. korea-utara, senjata" />
        <TextField field="slug" label="Address (slug)" value=current.slug.clone() error hint="made from the headline when empty; fixed once published" maxlength=120 />
    }
}

/// The speaker field and its search. The search box has no name, so only the field is sent.
#[component]
fn SpeakerPicker(current: String, error: Signal<Option<AppError>>) -> impl IntoView {
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
            <label for="form-speaker">"Speaker"</label>
            <span class="hint">"The speaker's slug, or a name or alias; search below."</span>
            <input id="form-speaker" name="form[speaker]" required prop:value=move || speaker.get()
                on:input=move |ev| speaker.set(event_target_value(&ev))
                aria-describedby="speaker-error" />
            <FieldError error field="speaker" />
            <label class="sr-only" for="speaker-search">"Search speakers"</label>
            <input id="speaker-search" type="search" placeholder="Search names and aliases (AS, Amerika Serikat, United States…)"
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
                                            {hit.matched_alias.clone().map(|a| view! { <span class="muted">" — also “" {a} "”"</span> })}
                                            <span class="muted">" · " {hit.kind.label_en()}</span>
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
