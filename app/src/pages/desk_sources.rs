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
use crate::format::day_en;
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
    view! {
        <DeskPage title="Sources".into() class="desk-sources" children=move |_user| {
            view! {
                <h1>"Sources"</h1>
                <p><a class="button" href="/desk/sources/new">"New source"</a></p>
                <form method="get" action="/desk/sources" class="inline-form">
                    <label for="source-q">"Search"</label>
                    <input id="source-q" type="search" name="q" value=q() />
                    <button type="submit">"Search"</button>
                </form>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match sources.await {
                            Ok(list) => view! {
                                <ul class="desk-list">
                                    {list.into_iter().map(|s| view! {
                                        <li>
                                            <a href=format!("/desk/sources/{}", s.source_id)>{s.title}</a>
                                            <span class="muted">{s.outlet_name.map(|o| format!(" — {o}"))}{if s.has_snapshot { " · text captured" } else { " · no text yet" }}</span>
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
    let kinds = SourceKind::ALL
        .iter()
        .map(|k| view! { <option value=k.as_str() selected=k.as_str() == current.kind>{k.label_en()}</option> })
        .collect_view();
    view! {
        <div class="field">
            <label for="form-kind">"Kind"</label>
            <select id="form-kind" name="form[kind]">{kinds}</select>
            <FieldError error field="kind" />
        </div>
        <TextField field="title" label="Title" value=current.title.clone() error required=true maxlength=500 />
        <TextField field="outlet" label="Outlet (entity slug)" value=current.outlet.clone() error hint="e.g. kompas-tv" />
        <TextField field="url" label="Web address" value=current.url.clone() error hint="https://…" />
        <TextField field="authors" label="Authors" value=current.authors.clone() error hint="comma-separated" />
        <TextField field="editors" label="Editors" value=current.editors.clone() error hint="comma-separated" />
        <TextField field="language" label="Language" value=current.language.clone() error required=true maxlength=3 />
        <TextField field="published_at" label="Published" value=current.published_at.clone() error hint="2023-09-13 or 2023-09-13 14:30 (UTC)" />
        <TextAreaField field="summary" label="Summary" value=current.summary.clone() error />
    }
}

#[component]
pub fn NewSourcePage() -> impl IntoView {
    let create = ServerAction::<CreateSource>::new();
    let error = action_error(create);
    view! {
        <DeskPage title="New source".into() class="desk-source" children=move |_user| {
            view! {
                <h1>"New source"</h1>
                <FormOutcome error done=action_done(create) ok="Source saved." />
                <ActionForm action=create attr:class="desk-form">
                    <SourceFields current=SourceForm { kind: "news_article".into(), language: "id".into(), ..SourceForm::default() } error />
                    <button type="submit">"Save source"</button>
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
    view! {
        <DeskPage title="Source".into() class="desk-source" children=move |_user| {
            view! {
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match source.await {
                            Ok(source) => view! {
                                <h1>{source.form.title.clone()}</h1>
                                <p><a href=format!("/sources/{}", source.source_id)>"Public page"</a>
                                   " · " <a href=format!("/desk/audit?object_type=source&object_id={}", source.source_id)>"History"</a></p>
                                <FormOutcome error done=action_done(update) ok="Saved." />
                                <StaleEditPanel error current=source.form.values() />
                                <ActionForm action=update attr:class="desk-form">
                                    <input type="hidden" name="source_id" value=source.source_id />
                                    <input type="hidden" name="version" value=source.version />
                                    <SourceFields current=source.form.clone() error />
                                    <button type="submit">"Save"</button>
                                </ActionForm>
                                <h2>"Captured text"</h2>
                                <ul class="snapshots">
                                    {source.snapshots.iter().map(|s| view! {
                                        <li>{format!("Snapshot {} · {} · {} characters · SHA-256 ", s.snapshot_number, day_en(s.captured_at.date_naive()), s.characters)}<code>{s.sha256_hex.clone()}</code></li>
                                    }).collect_view()}
                                </ul>
                                {source.latest.clone().map(|latest| view! {
                                    <details>
                                        <summary>{format!("Text of snapshot {}", latest.snapshot_number)}</summary>
                                        <div class="snapshot">{latest.body}</div>
                                    </details>
                                })}
                                <ActionForm action=snapshot attr:class="desk-form">
                                    <input type="hidden" name="source_id" value=source.source_id />
                                    <div class="field">
                                        <label for="snapshot-body">{if source.snapshots.is_empty() { "Paste the source's text" } else { "Paste a new capture (stored as the next snapshot; older ones stay)" }}</label>
                                        <textarea id="snapshot-body" name="body" rows="10" required></textarea>
                                        <FieldError error=snapshot_error field="body" />
                                    </div>
                                    <button type="submit">"Store snapshot"</button>
                                    <FormOutcome error=snapshot_error done=action_done(snapshot) ok="Snapshot stored." />
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
