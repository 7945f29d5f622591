//! `/entities/{slug}` — a speaker or organisation: who they are, their published claims and how
//! those claims were rated.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::url_with_query;
use crate::components::claim_list::{ClaimCard, ClaimList};
use crate::components::error_view::ErrorView;
use crate::components::social_meta::SocialMeta;
use crate::entities::{
    get_public_entity, AttributionCount, EntityKind, EntityPage as EntityPageData, IssuedDenial,
    VerdictCount,
};
use crate::i18n::{t, td_string, use_i18n};
use crate::language::{claims_count, number, page_locale, published_claims_count};

#[component]
pub fn EntityPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let page = Resource::new_blocking(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                query.read().get("after"),
            )
        },
        |(slug, after)| get_public_entity(slug, after),
    );
    let i18n = use_i18n();
    view! {
        <Suspense fallback=move || view! { <p class="wrap loading">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(data) => view! { <EntityView data /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EntityView(data: EntityPageData) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    let entity = data.entity.clone();
    let total: i64 = data.tally.iter().map(|t| t.count).sum();
    let description = {
        let name = &entity.name;
        let kind = entity.kind.label(locale);
        let claims = claims_count(locale, total);
        let organisation = &data.site.organisation_name;
        td_string!(locale, entity.description, name, kind, claims, organisation).to_string()
    };
    let name = entity.name.clone();
    let next = data.claims.next_cursor.clone().map(|cursor| {
        url_with_query(
            &format!("/entities/{}", entity.slug),
            &[("after", Some(&cursor))],
        )
    });
    let mut languages: Vec<String> = entity.aliases.iter().map(|a| a.language.clone()).collect();
    languages.dedup();
    view! {
        <Title text=entity.name.clone() />
        <SocialMeta
            title=entity.name.clone()
            description=description
            url=data.site.url(&format!("/entities/{}", entity.slug))
            site_name=data.site.organisation_name.clone()
            kind=if entity.kind == EntityKind::Person { "profile" } else { "website" }
        />
        <div class="wrap entity-page">
            <header class="page-intro">
                <p class="eyebrow">
                    {entity.kind.label(locale)}
                    {entity.country.clone().map(|c| view! { " · " {c} })}
                </p>
                <h1>{entity.name.clone()}</h1>
                {entity.description.clone().map(|d| view! { <p class="lede">{d}</p> })}
                {entity
                    .parent
                    .clone()
                    .map(|parent| {
                        view! {
                            <p class="entity-page__parent">
                                {t!(i18n, entity.part_of)} " " <a href=format!("/entities/{}", parent.slug)>{parent.name}</a>
                            </p>
                        }
                    })}
                {(!entity.aliases.is_empty())
                    .then(|| {
                        view! {
                            <dl class="aliases">
                                {languages
                                    .into_iter()
                                    .map(|language| {
                                        let names: Vec<String> = entity
                                            .aliases
                                            .iter()
                                            .filter(|a| a.language == language)
                                            .map(|a| a.alias.clone())
                                            .collect();
                                        view! {
                                            <dt>{td_string!(locale, entity.also_known_as, language = language.clone()).to_string()}</dt>
                                            <dd lang=language>{names.join(", ")}</dd>
                                        }
                                    })
                                    .collect_view()}
                            </dl>
                        }
                    })}
                {entity
                    .wikidata_url()
                    .map(|url| {
                        view! {
                            <p class="sameas">
                                <a href=url rel="noopener noreferrer">"Wikidata: " {entity.wikidata_id.clone()}</a>
                            </p>
                        }
                    })}
            </header>
            <div class="tallies">
                <section class="tally" aria-labelledby="tally-heading">
                    <h2 id="tally-heading">{
                        let claims = published_claims_count(locale, total);
                        td_string!(locale, entity.verdicts_on, claims).to_string()
                    }</h2>
                    <Tally tally=data.tally.clone() total />
                </section>
                <section class="tally" aria-labelledby="attribution-tally-heading">
                    <h2 id="attribution-tally-heading">{t!(i18n, entity.did_they_say_it)}</h2>
                    <AttributionTally tally=data.attribution_tally.clone() total />
                </section>
            </div>
            <section class="entity-claims" aria-labelledby="claims-heading">
                <h2 id="claims-heading">{td_string!(locale, entity.claims_by, name = name.clone()).to_string()}</h2>
                <ClaimList claims=data.claims.claims.clone() empty_message=td_string!(locale, entity.no_claims) />
                {next.map(|href| view! { <nav class="pager"><a class="pager__next" href=href>{t!(i18n, common.older_claims)}</a></nav> })}
            </section>
            {(!data.denials.is_empty()).then(|| view! {
                <section class="denials-issued" aria-labelledby="denials-heading">
                    <h2 id="denials-heading">{td_string!(locale, entity.denials_by, name = name.clone()).to_string()}</h2>
                    <ul class="denial-pairs">
                        {data.denials.clone().into_iter().map(|pair| view! { <DenialPair pair /> }).collect_view()}
                    </ul>
                </section>
            })}
            {(!data.about.is_empty()).then(|| view! {
                <section class="claims-about" aria-labelledby="about-heading">
                    <h2 id="about-heading">{td_string!(locale, entity.claims_about, name = name.clone()).to_string()}</h2>
                    <ClaimList claims=data.about.clone() empty_message="" />
                </section>
            })}
        </div>
    }
}

/// A small bar chart of claims per verdict, readable without colour (counts are written out).
#[component]
fn Tally(tally: Vec<VerdictCount>, total: i64) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    if total == 0 {
        return view! { <p class="empty">{t!(i18n, entity.nothing_rated)}</p> }.into_any();
    }
    view! {
        <ul class="tally__bars">
            {tally
                .into_iter()
                .map(|row| {
                    let width = (row.count as f64 / total as f64 * 100.0).round();
                    let (label, colour, slug) = match &row.verdict {
                        Some(r) => (r.label(locale).to_owned(), r.safe_colour().to_owned(), r.slug.clone()),
                        None => (td_string!(locale, common.not_yet_rated).to_owned(), "#b8b8bd".to_owned(), "none".to_owned()),
                    };
                    view! {
                        <li class="tally__row" data-verdict=slug>
                            <span class="tally__label">{label}</span>
                            <span class="tally__bar">
                                <span class="tally__fill" style=format!("width: {width}%; background: {colour}")></span>
                            </span>
                            <span class="tally__count">{number(locale, row.count)}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// Claims per attribution status, written out (the statuses have no colour of their own).
#[component]
fn AttributionTally(tally: Vec<AttributionCount>, total: i64) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    if total == 0 {
        return view! { <p class="empty">{t!(i18n, entity.no_published)}</p> }.into_any();
    }
    view! {
        <ul class="tally__bars">
            {tally
                .into_iter()
                .map(|row| {
                    let width = (row.count as f64 / total as f64 * 100.0).round();
                    view! {
                        <li class="tally__row" data-attribution=row.status.as_str()>
                            <span class="tally__label">{row.status.label(locale)}</span>
                            <span class="tally__bar">
                                <span class=format!("tally__fill tally__fill--{}", row.status.as_str()) style=format!("width: {width}%")></span>
                            </span>
                            <span class="tally__count">{number(locale, row.count)}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// One denial the entity issued, beside the claim it denies.
#[component]
fn DenialPair(pair: IssuedDenial) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="denial-pair">
            <div>
                <p class="denial-pair__label">{t!(i18n, entity.their_denial)}</p>
                <ClaimCard claim=pair.denial />
            </div>
            <div>
                <p class="denial-pair__label">{t!(i18n, entity.what_they_denied)}</p>
                <ClaimCard claim=pair.denied />
            </div>
        </li>
    }
}
