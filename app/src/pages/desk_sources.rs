//! `/desk/sources`, `/desk/sources/new`, `/desk/sources/{id}` — the source list and editor. A
//! source's text is pasted as a snapshot, stored with its SHA-256 and never changed; a new paste
//! is the next snapshot.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::claim_fields::{TextAreaField, TextField};
use crate::components::desk::{
    action_done, action_error, DeskPage, FieldError, FormOutcome, StaleEditPanel,
};
use crate::components::error_view::ErrorView;
use crate::error::AppError;
use crate::format::day;
use crate::i18n::{t, td_string, use_i18n};
use crate::language::{number, page_locale};
use crate::sources::edit::{
    get_desk_source, list_desk_sources, AddSnapshot, CreateSource, SourceForm, UpdateSource,
};
use crate::sources::SourceKind;

#[component]
pub fn DeskSourcesPage() -> impl IntoView {
    // Resources are made above DeskPage's Suspense (see DeskPage).
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let sources = Resource::new_blocking(q, list_desk_sources);
    let i18n = use_i18n();
    let locale = page_locale();
    view! {
        <DeskPage title=td_string!(locale, desk.sources.heading).into() class="desk-sources" children=move |_user| {
            view! {
                <h1>{t!(i18n, desk.sources.heading)}</h1>
                <p><a class="button" href="/desk/sources/new">{t!(i18n, desk.sources.new_heading)}</a></p>
                <form method="get" action="/desk/sources" class="inline-form">
                    <label for="source-q">{t!(i18n, desk.common.search)}</label>
                    <input id="source-q" type="search" name="q" value=q() />
                    <button type="submit">{t!(i18n, desk.common.search)}</button>
                </form>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match sources.await {
                            Ok(list) => view! {
                                <ul class="desk-list">
                                    {list.into_iter().map(|s| view! {
                                        <li>
                                            <a href=format!("/desk/sources/{}", s.source_id)>{s.title}</a>
                                            <span class="muted">{s.outlet_name.map(|o| format!(" — {o}"))}" · "{if s.has_snapshot { td_string!(locale, desk.claim.text_captured) } else { td_string!(locale, desk.sources.no_text) }}</span>
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
fn SourceFields(current: SourceForm, error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    let kinds = SourceKind::ALL
        .iter()
        .map(|k| view! { <option value=k.as_str() selected=k.as_str() == current.kind>{k.label(locale)}</option> })
        .collect_view();
    view! {
        <div class="field">
            <label for="form-kind">{t!(i18n, desk.common.kind)}</label>
            <select id="form-kind" name="form[kind]">{kinds}</select>
            <FieldError error field="kind" />
        </div>
        <TextField field="title" label=td_string!(locale, desk.sources.field_title) value=current.title.clone() error required=true maxlength=500 />
        <TextField field="outlet" label=td_string!(locale, desk.sources.outlet) value=current.outlet.clone() error hint=td_string!(locale, desk.sources.outlet_hint) />
        <TextField field="url" label=td_string!(locale, desk.sources.url) value=current.url.clone() error hint="https://…" />
        <TextField field="authors" label=td_string!(locale, desk.sources.authors) value=current.authors.clone() error hint=td_string!(locale, desk.sources.list_hint) />
        <TextField field="editors" label=td_string!(locale, desk.sources.editors) value=current.editors.clone() error hint=td_string!(locale, desk.sources.list_hint) />
        <TextField field="language" label=td_string!(locale, desk.sources.language) value=current.language.clone() error required=true maxlength=3 />
        <TextField field="published_at" label=td_string!(locale, desk.sources.published) value=current.published_at.clone() error hint=td_string!(locale, desk.sources.published_hint) />
        <TextAreaField field="summary" label=td_string!(locale, desk.sources.summary) value=current.summary.clone() error />
    }
}

#[component]
pub fn NewSourcePage() -> impl IntoView {
    let create = ServerAction::<CreateSource>::new();
    let error = action_error(create);
    let i18n = use_i18n();
    let locale = page_locale();
    view! {
        <DeskPage title=td_string!(locale, desk.sources.new_heading).into() class="desk-source" children=move |_user| {
            view! {
                <h1>{t!(i18n, desk.sources.new_heading)}</h1>
                <FormOutcome error done=action_done(create) ok=td_string!(locale, desk.sources.created) />
                <ActionForm action=create attr:class="desk-form">
                    <SourceFields current=SourceForm { kind: "news_article".into(), language: "id".into(), ..SourceForm::default() } error />
                    <button type="submit">{t!(i18n, desk.sources.save_source)}</button>
                </ActionForm>
            }
        } />
    }
}

#[component]
pub fn DeskSourcePage() -> impl IntoView {
    // Actions and resources are made above DeskPage's Suspense (see DeskPage).
    let params = use_params_map();
    let source_id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    });
    let update = ServerAction::<UpdateSource>::new();
    let snapshot = ServerAction::<AddSnapshot>::new();
    let source = Resource::new_blocking(
        move || {
            (
                source_id.get(),
                update.version().get(),
                snapshot.version().get(),
            )
        },
        |(id, _, _)| get_desk_source(id),
    );
    let error = action_error(update);
    let snapshot_error = action_error(snapshot);
    let i18n = use_i18n();
    let locale = page_locale();
    view! {
        <DeskPage title=td_string!(locale, desk.sources.page_title).into() class="desk-source" children=move |_user| {
            view! {
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match source.await {
                            Ok(source) => view! {
                                <h1>{source.form.title.clone()}</h1>
                                <p><a href=format!("/sources/{}", source.source_id)>{t!(i18n, desk.common.public_page)}</a>
                                   " · " <a href=format!("/desk/audit?object_type=source&object_id={}", source.source_id)>{t!(i18n, desk.common.history)}</a></p>
                                <FormOutcome error done=action_done(update) ok=td_string!(locale, desk.common.saved) />
                                <StaleEditPanel error current=source.form.values() />
                                <ActionForm action=update attr:class="desk-form">
                                    <input type="hidden" name="source_id" value=source.source_id />
                                    <input type="hidden" name="version" value=source.version />
                                    <SourceFields current=source.form.clone() error />
                                    <button type="submit">{t!(i18n, desk.common.save)}</button>
                                </ActionForm>
                                <h2>{t!(i18n, source.captured_text)}</h2>
                                <ul class="snapshots">
                                    {source.snapshots.iter().map(|s| view! {
                                        <li>{td_string!(locale, desk.sources.snapshot_line, number = s.snapshot_number, day = day(locale, s.captured_at.date_naive()), characters = number(locale, s.characters.into())).to_string()}" "<code>{s.sha256_hex.clone()}</code></li>
                                    }).collect_view()}
                                </ul>
                                {source.latest.clone().map(|latest| view! {
                                    <details>
                                        <summary>{td_string!(locale, desk.sources.snapshot_text, number = latest.snapshot_number).to_string()}</summary>
                                        <div class="snapshot">{latest.body}</div>
                                    </details>
                                })}
                                <ActionForm action=snapshot attr:class="desk-form">
                                    <input type="hidden" name="source_id" value=source.source_id />
                                    <div class="field">
                                        <label for="snapshot-body">{if source.snapshots.is_empty() { td_string!(locale, desk.sources.paste_first) } else { td_string!(locale, desk.sources.paste_next) }}</label>
                                        <textarea id="snapshot-body" name="body" rows="10" required></textarea>
                                        <FieldError error=snapshot_error field="body" />
                                    </div>
                                    <button type="submit">{t!(i18n, desk.sources.store_snapshot)}</button>
                                    <FormOutcome error=snapshot_error done=action_done(snapshot) ok=td_string!(locale, desk.sources.snapshot_stored) />
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
