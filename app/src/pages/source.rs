//! `/sources/{id}` — a document: what it is, what it relays, who relays it, and its claims.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::url_with_query;
use crate::components::claim_list::ClaimList;
use crate::components::error_view::ErrorView;
use crate::error::AppError;
use crate::format::day_en;
use crate::sources::{get_public_source, CitationLink, SourcePage as SourcePageData};

#[component]
pub fn SourcePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let page = Resource::new_blocking(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                query.read().get("after"),
            )
        },
        |(id, after)| async move {
            // A non-numeric id cannot name a source: same answer as an unknown one.
            let id: i64 = id.parse().map_err(|_| AppError::not_found("This source"))?;
            get_public_source(id, after).await
        },
    );
    view! {
        <Suspense fallback=|| view! { <p class="wrap loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(data) => view! { <SourceView data /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SourceView(data: SourcePageData) -> impl IntoView {
    let source = data.source.clone();
    let outlet_name = source.outlet.as_ref().map(|o| o.name.clone());
    let description = format!(
        "{} — {}{}. The claims it carries and the reports it relays.",
        source.title,
        source.kind.label_en(),
        outlet_name.map(|o| format!(" by {o}")).unwrap_or_default()
    );
    let external = source
        .url
        .clone()
        .filter(|url| url.starts_with("https://") || url.starts_with("http://"));
    let next = data.claims.next_cursor.clone().map(|cursor| {
        url_with_query(
            &format!("/sources/{}", source.source_id),
            &[("after", Some(&cursor))],
        )
    });
    view! {
        <Title text=source.title.clone() />
        <Meta name="description" content=description />
        <Link rel="canonical" href=format!("/sources/{}", source.source_id) />
        <div class="wrap source-page">
            <header class="page-intro">
                <p class="eyebrow">{source.kind.label_en()} " · language: " {source.language.clone()}</p>
                <h1 lang=source.language.clone()>{source.title.clone()}</h1>
                <dl class="facts">
                    {source.outlet.clone().map(|o| view! {
                        <dt>"Outlet"</dt>
                        <dd><a href=format!("/entities/{}", o.slug)>{o.name}</a></dd>
                    })}
                    {source.published_at.map(|at| view! { <dt>"Published"</dt><dd>{day_en(at.date_naive())}</dd> })}
                    {(!source.authors.is_empty()).then(|| view! { <dt>"Written by"</dt><dd>{source.authors.join(", ")}</dd> })}
                    {(!source.editors.is_empty()).then(|| view! { <dt>"Edited by"</dt><dd>{source.editors.join(", ")}</dd> })}
                    {source.retrieved_at.map(|at| view! { <dt>"Retrieved"</dt><dd>{day_en(at.date_naive())}</dd> })}
                    {external.map(|url| view! {
                        <dt>"Link"</dt>
                        <dd><a href=url.clone() rel="nofollow noopener noreferrer">{url.clone()}</a></dd>
                    })}
                    {source.snapshot.clone().map(|s| view! {
                        <dt>"Captured text"</dt>
                        <dd>
                            "Version " {s.snapshot_number} ", " {s.characters} " characters, captured "
                            {day_en(s.captured_at.date_naive())} ", SHA-256 " <code class="hash">{s.sha256_hex}</code>
                        </dd>
                    })}
                </dl>
                {source.summary.clone().map(|s| view! { <p class="lede">{s}</p> })}
            </header>
            <div class="citations">
                <Citations heading="This source relays" links=data.cites.clone()
                    empty="It does not credit another report." />
                <Citations heading="Relayed by" links=data.cited_by.clone()
                    empty="No source in our records relays it." />
            </div>
            <section aria-labelledby="claims-heading">
                <h2 id="claims-heading">"Claims in this source"</h2>
                <ClaimList claims=data.claims.claims.clone() empty_message="No published claims from this source yet." />
                {next.map(|href| view! { <nav class="pager"><a class="pager__next" href=href>"More claims →"</a></nav> })}
            </section>
        </div>
    }
}

#[component]
fn Citations(
    heading: &'static str,
    links: Vec<CitationLink>,
    empty: &'static str,
) -> impl IntoView {
    view! {
        <section class="citations__group">
            <h2>{heading}</h2>
            {if links.is_empty() {
                view! { <p class="empty">{empty}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {links
                            .into_iter()
                            .map(|link| {
                                view! {
                                    <li>
                                        <a href=format!("/sources/{}", link.source_id)>{link.title}</a>
                                        {link.outlet_name.map(|o| view! { " — " {o} })}
                                        {link.cue.map(|cue| view! { <span class="cue">" (“" {cue} "”)"</span> })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
