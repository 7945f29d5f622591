//! `/desk/audit` — the audit log for desk users: every change, newest first, filterable by
//! object (type and id) and by user. Read-only, like the table behind it.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

use super::url_with_query;
use crate::audit::{list_audit_events, AuditEventView, AuditFilter};
use crate::components::error_view::ErrorView;
use crate::error::AppError;

const OBJECT_TYPES: &[&str] = &[
    "claim",
    "appearance",
    "relation",
    "proposal",
    "source",
    "entity",
    "app_user",
];

#[component]
pub fn DeskAuditPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        AuditFilter {
            object_type: q.get("object_type").filter(|t| !t.is_empty()),
            object_id: q.get("object_id").and_then(|id| id.trim().parse().ok()),
            actor: q.get("actor").filter(|a| !a.is_empty()),
            before: q.get("before").and_then(|id| id.parse().ok()),
        }
    };
    let page = Resource::new_blocking(filter, list_audit_events);
    view! {
        <Title text="Audit log" />
        <Meta name="robots" content="noindex" />
        <section class="wrap desk-audit">
            <h1>"Audit log"</h1>
            <p class="lede">"Every change to claims, sources, entities, relations, proposals and accounts. Nobody can edit or delete these entries."</p>
            <Suspense fallback=|| view! { <p class="loading">"Loading the log…"</p> }>
                {move || Suspend::new(async move {
                    let current = filter();
                    match page.await {
                        Ok(page) => {
                            let next = page.next_before.map(|before| {
                                url_with_query(
                                    "/desk/audit",
                                    &[
                                        ("object_type", current.object_type.as_deref()),
                                        ("object_id", current.object_id.map(|id| id.to_string()).as_deref()),
                                        ("actor", current.actor.as_deref()),
                                        ("before", Some(&before.to_string())),
                                    ],
                                )
                            });
                            view! {
                                <AuditFilterForm filter=current />
                                <AuditTable events=page.events />
                                {next.map(|href| view! { <nav class="pager"><a class="pager__next" href=href>"Older entries →"</a></nav> })}
                            }
                            .into_any()
                        }
                        Err(AppError::Unauthorized) => view! { <Redirect path="/login?next=/desk/audit" /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn AuditFilterForm(filter: AuditFilter) -> impl IntoView {
    view! {
        <form class="filters" method="get" action="/desk/audit" aria-label="Filter the audit log">
            <label>
                <span>"Object type"</span>
                <select name="object_type">
                    <option value="">"All"</option>
                    {OBJECT_TYPES
                        .iter()
                        .map(|t| view! { <option value=*t selected=filter.object_type.as_deref() == Some(*t)>{*t}</option> })
                        .collect_view()}
                </select>
            </label>
            <label>
                <span>"Object id"</span>
                <input name="object_id" inputmode="numeric" value=filter.object_id.map(|id| id.to_string()) />
            </label>
            <label>
                <span>"User"</span>
                <input name="actor" value=filter.actor.clone() autocapitalize="none" spellcheck="false" />
            </label>
            <button type="submit">"Show"</button>
        </form>
    }
}

#[component]
fn AuditTable(events: Vec<AuditEventView>) -> impl IntoView {
    if events.is_empty() {
        return view! { <p class="empty">"No audit entries match."</p> }.into_any();
    }
    view! {
        <table class="desk-table audit-table">
            <thead>
                <tr>
                    <th scope="col">"When (UTC)"</th>
                    <th scope="col">"Who"</th>
                    <th scope="col">"What"</th>
                    <th scope="col">"Before → after"</th>
                </tr>
            </thead>
            <tbody>
                {events
                    .into_iter()
                    .map(|event| {
                        let object_href = url_with_query(
                            "/desk/audit",
                            &[("object_type", Some(&event.object_type)), ("object_id", Some(&event.object_id.to_string()))],
                        );
                        let actor_href = url_with_query("/desk/audit", &[("actor", Some(&event.actor))]);
                        view! {
                            <tr data-action=event.action.clone()>
                                <td><time>{event.occurred_at.format("%Y-%m-%d %H:%M:%S").to_string()}</time></td>
                                <td><a href=actor_href>{event.actor.clone()}</a></td>
                                <td>
                                    <code>{event.action.clone()}</code>
                                    " on "
                                    <a href=object_href>{format!("{} #{}", event.object_type, event.object_id)}</a>
                                    {event.note.clone().map(|note| view! { <p class="muted">{note}</p> })}
                                </td>
                                <td>
                                    {event.before.clone().map(|json| view! { <details><summary>"before"</summary><pre>{json}</pre></details> })}
                                    {event.after.clone().map(|json| view! { <details><summary>"after"</summary><pre>{json}</pre></details> })}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
