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
use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::language::page_locale;

const OBJECT_TYPES: &[&str] = &[
    "claim",
    "appearance",
    "relation",
    "proposal",
    "source",
    "entity",
    "app_user",
];

/// An object type as the filter and the log read it; the stored name when we have no label.
fn object_type_label(locale: Locale, object_type: &str) -> String {
    let label = match object_type {
        "claim" => td_string!(locale, desk.audit.objects.claim),
        "appearance" => td_string!(locale, desk.audit.objects.appearance),
        "relation" => td_string!(locale, desk.audit.objects.relation),
        "proposal" => td_string!(locale, desk.audit.objects.proposal),
        "source" => td_string!(locale, desk.audit.objects.source),
        "entity" => td_string!(locale, desk.audit.objects.entity),
        "app_user" => td_string!(locale, desk.audit.objects.app_user),
        other => return other.to_owned(),
    };
    label.to_owned()
}

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
    let i18n = use_i18n();
    let locale = page_locale();
    view! {
        <Title text=td_string!(locale, site.nav_audit) />
        <Meta name="robots" content="noindex" />
        <section class="wrap desk-audit">
            <h1>{t!(i18n, site.nav_audit)}</h1>
            <p class="lede">{t!(i18n, desk.audit.lede)}</p>
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, desk.audit.loading)}</p> }>
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
                                {next.map(|href| view! { <nav class="pager"><a class="pager__next" href=href>{t!(i18n, desk.audit.older)}</a></nav> })}
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
    let i18n = use_i18n();
    let locale = page_locale();
    view! {
        <form class="filters" method="get" action="/desk/audit" aria-label=td_string!(locale, desk.audit.filter_label)>
            <label>
                <span>{t!(i18n, desk.audit.object_type)}</span>
                <select name="object_type">
                    <option value="">{t!(i18n, desk.audit.all)}</option>
                    {OBJECT_TYPES
                        .iter()
                        .map(|object_type| view! { <option value=*object_type selected=filter.object_type.as_deref() == Some(*object_type)>{object_type_label(locale, object_type)}</option> })
                        .collect_view()}
                </select>
            </label>
            <label>
                <span>{t!(i18n, desk.audit.object_id)}</span>
                <input name="object_id" inputmode="numeric" value=filter.object_id.map(|id| id.to_string()) />
            </label>
            <label>
                <span>{t!(i18n, desk.audit.user)}</span>
                <input name="actor" value=filter.actor.clone() autocapitalize="none" spellcheck="false" />
            </label>
            <button type="submit">{t!(i18n, desk.audit.show)}</button>
        </form>
    }
}

#[component]
fn AuditTable(events: Vec<AuditEventView>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    if events.is_empty() {
        return view! { <p class="empty">{t!(i18n, desk.audit.empty)}</p> }.into_any();
    }
    view! {
        <table class="desk-table audit-table">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, desk.audit.when)}</th>
                    <th scope="col">{t!(i18n, desk.audit.who)}</th>
                    <th scope="col">{t!(i18n, desk.audit.what)}</th>
                    <th scope="col">{t!(i18n, desk.audit.before_after)}</th>
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
                                    " " {t!(i18n, desk.audit.on)} " "
                                    <a href=object_href>{format!("{} #{}", object_type_label(locale, &event.object_type), event.object_id)}</a>
                                    {event.note.clone().map(|note| view! { <p class="muted">{note}</p> })}
                                </td>
                                <td>
                                    {event.before.clone().map(|json| view! { <details><summary>{t!(i18n, desk.audit.before)}</summary><pre>{json}</pre></details> })}
                                    {event.after.clone().map(|json| view! { <details><summary>{t!(i18n, desk.audit.after)}</summary><pre>{json}</pre></details> })}
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
