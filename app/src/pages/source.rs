//! `/sources/{id}` — a document: what it is, what it relays, who relays it, and its claims.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::url_with_query;
use crate::components::claim_list::ClaimList;
use crate::components::error_view::ErrorView;
use crate::error::AppError;
use crate::format::day;
use crate::i18n::{t, td_string, use_i18n};
use crate::language::{language_name, number, page_locale};
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
    let i18n = use_i18n();
    view! {
        <Suspense fallback=move || view! { <p class="wrap loading">{t!(i18n, common.loading)}</p> }>
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
    let i18n = use_i18n();
    let locale = page_locale();
    let source = data.source.clone();
    let description = {
        let title = &source.title;
        let kind = source.kind.label(locale);
        match source.outlet.as_ref().map(|o| o.name.as_str()) {
            Some(outlet) => {
                td_string!(locale, source.description_outlet, title, kind, outlet).to_string()
            }
            None => td_string!(locale, source.description, title, kind).to_string(),
        }
    };
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
                <p class="eyebrow">
                    {source.kind.label(locale)} " · "
                    {td_string!(locale, source.language, language = language_name(locale, &source.language)).to_string()}
                </p>
                <h1 lang=source.language.clone()>{source.title.clone()}</h1>
                <dl class="facts">
                    {source.outlet.clone().map(|o| view! {
                        <dt>{t!(i18n, source.outlet)}</dt>
                        <dd><a href=format!("/entities/{}", o.slug)>{o.name}</a></dd>
                    })}
                    {source.published_at.map(|at| view! { <dt>{t!(i18n, source.published)}</dt><dd>{day(locale, at.date_naive())}</dd> })}
                    {(!source.authors.is_empty()).then(|| view! { <dt>{t!(i18n, source.written_by)}</dt><dd>{source.authors.join(", ")}</dd> })}
                    {(!source.editors.is_empty()).then(|| view! { <dt>{t!(i18n, source.edited_by)}</dt><dd>{source.editors.join(", ")}</dd> })}
                    {source.retrieved_at.map(|at| view! { <dt>{t!(i18n, source.retrieved)}</dt><dd>{day(locale, at.date_naive())}</dd> })}
                    {external.map(|url| view! {
                        <dt>{t!(i18n, source.link)}</dt>
                        <dd><a href=url.clone() rel="nofollow noopener noreferrer">{url.clone()}</a></dd>
                    })}
                    {source.snapshot.clone().map(|s| view! {
                        <dt>{t!(i18n, source.captured_text)}</dt>
                        <dd>
                            {
                                let number_ = s.snapshot_number;
                                let characters = number(locale, s.characters.into());
                                let day = day(locale, s.captured_at.date_naive());
                                td_string!(locale, source.snapshot, number = number_, characters, day).to_string()
                            }
                            " " <code class="hash">{s.sha256_hex}</code>
                        </dd>
                    })}
                </dl>
                {source.summary.clone().map(|s| view! { <p class="lede">{s}</p> })}
            </header>
            <div class="citations">
                <Citations heading=td_string!(locale, source.relays) links=data.cites.clone()
                    empty=td_string!(locale, source.relays_none) />
                <Citations heading=td_string!(locale, source.relayed_by) links=data.cited_by.clone()
                    empty=td_string!(locale, source.relayed_by_none) />
            </div>
            <section aria-labelledby="claims-heading">
                <h2 id="claims-heading">{t!(i18n, source.claims_heading)}</h2>
                <ClaimList claims=data.claims.claims.clone() empty_message=td_string!(locale, source.no_claims) />
                {next.map(|href| view! { <nav class="pager"><a class="pager__next" href=href>{t!(i18n, common.more_claims)}</a></nav> })}
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
