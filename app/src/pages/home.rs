//! `/` — the latest published claims, or search results: full-text search plus filters by
//! speaker, verdict, attribution status, topic, language and date, keyset-paginated. The URL
//! holds the whole query, so results can be shared; everything works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::url_with_query;
use crate::claims::search::MAX_SEARCH_CHARS;
use crate::claims::{
    get_filter_options, list_published_claims, AttributionStatus, ClaimFilter, FilterOptions,
};
use crate::components::claim_list::ClaimList;
use crate::components::error_view::ErrorView;
use crate::components::social_meta::SocialMeta;
use crate::i18n::{t, td_string, use_i18n};
use crate::language::{language_name, page_locale};

#[component]
pub fn HomePage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || ClaimFilter::from_params(|name| query.read().get(name));
    let claims = Resource::new_blocking(filter, list_published_claims);
    let options = Resource::new_blocking(|| (), |_| get_filter_options());
    let i18n = use_i18n();
    let locale = page_locale();

    view! {
        <Title text=td_string!(locale, home.title) />
        <div class="wrap">
            <header class="page-intro">
                <h1>{t!(i18n, home.heading)}</h1>
                <p class="lede">{t!(i18n, home.lede)}</p>
            </header>
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, home.loading_filters)}</p> }>
                {move || Suspend::new(async move {
                    match options.await {
                        Ok(options) => view! {
                            <SocialMeta
                                title=td_string!(locale, home.title)
                                description=td_string!(locale, home.description)
                                url=options.site.url("/")
                                site_name=options.site.organisation_name.clone()
                                kind="website"
                            />
                            <SearchForm options filter=filter() />
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
            <section id="results" aria-label=td_string!(locale, home.results_label)>
                <Suspense fallback=move || view! { <p class="loading">{t!(i18n, home.loading_claims)}</p> }>
                    {move || Suspend::new(async move {
                        let current = filter();
                        match claims.await {
                            Ok(page) => {
                                let params = current.params();
                                let first = url_with_query("/", &params);
                                let next = page.next_cursor.map(|cursor| {
                                    let mut params = params.clone();
                                    params.push(("after", Some(&cursor)));
                                    url_with_query("/", &params)
                                });
                                let heading = results_heading(&current);
                                let empty = if current.is_narrowed() {
                                    td_string!(locale, home.no_match)
                                } else {
                                    td_string!(locale, home.none_yet)
                                };
                                view! {
                                    {heading.map(|text| view! { <h2 class="results-heading">{text}</h2> })}
                                    <ClaimList claims=page.claims empty_message=empty />
                                    <nav class="pager" aria-label=td_string!(locale, home.pager_label)>
                                        {current.after.is_some().then(|| view! { <a href=first.clone()>{t!(i18n, common.first_page)}</a> })}
                                        {next.map(|href| view! { <a class="pager__next" href=href>{t!(i18n, common.more_claims)}</a> })}
                                    </nav>
                                }
                                .into_any()
                            }
                            Err(error) => view! { <ErrorView error /> }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
        </div>
    }
}

/// "Results for “bantah”" when the reader searched; nothing for the plain latest list.
fn results_heading(filter: &ClaimFilter) -> Option<String> {
    let locale = page_locale();
    let query = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
    match query {
        Some(query) => Some(td_string!(locale, home.results_for, query).to_string()),
        None if filter.is_narrowed() => Some(td_string!(locale, home.filtered).to_owned()),
        None => None,
    }
}

/// A plain GET form: the search box first, the filters folded in a `<details>` that opens by
/// itself when a filter is set. Works the same with and without JavaScript, and by keyboard.
#[component]
fn SearchForm(options: FilterOptions, filter: ClaimFilter) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let filters_set = ClaimFilter {
        q: None,
        after: None,
        ..filter.clone()
    }
    .is_narrowed();
    let selected = |current: &Option<String>, option: &str| current.as_deref() == Some(option);
    view! {
        <form class="search" method="get" action="/" role="search" aria-label=td_string!(locale, home.search_label)>
            <div class="search__bar">
                <label for="search-q" class="visually-hidden">{t!(i18n, home.search_label)}</label>
                <input
                    id="search-q"
                    type="search"
                    name="q"
                    value=value(&filter.q)
                    maxlength=MAX_SEARCH_CHARS.to_string()
                    placeholder=td_string!(locale, home.search_placeholder)
                    aria-describedby="search-help"
                />
                <button type="submit">{t!(i18n, home.search_button)}</button>
            </div>
            <p id="search-help" class="search__help">{t!(i18n, home.search_help)}</p>
            <details class="filters" open=filters_set>
                <summary>{t!(i18n, home.filters)}</summary>
                <div class="filters__grid">
                    <label>
                        <span>{t!(i18n, home.speaker)}</span>
                        <select name="speaker">
                            <option value="">{t!(i18n, home.everyone)}</option>
                            {options.speakers.into_iter().map(|s| {
                                let on = selected(&filter.speaker, &s.slug);
                                view! { <option value=s.slug selected=on>{s.name}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>{t!(i18n, home.verdict)}</span>
                        <select name="verdict">
                            <option value="">{t!(i18n, home.any_verdict)}</option>
                            {options.ratings.into_iter().map(|r| {
                                let on = selected(&filter.verdict, &r.slug);
                                let label = r.label(locale).to_owned();
                                view! { <option value=r.slug selected=on>{label}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>{t!(i18n, home.attribution)}</span>
                        <select name="attribution">
                            <option value="">{t!(i18n, home.any_attribution)}</option>
                            {AttributionStatus::ALL.iter().map(|status| {
                                let on = selected(&filter.attribution, status.as_str());
                                view! { <option value=status.as_str() selected=on>{status.label(locale)}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>{t!(i18n, home.topic)}</span>
                        <select name="topic">
                            <option value="">{t!(i18n, home.all_topics)}</option>
                            {options.topics.into_iter().map(|topic| {
                                let on = selected(&filter.topic, &topic);
                                let label = topic.replace('-', " ");
                                view! { <option value=topic selected=on>{label}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>{t!(i18n, home.claim_language)}</span>
                        <select name="language">
                            <option value="">{t!(i18n, home.any_language)}</option>
                            {options.languages.into_iter().map(|code| {
                                let on = selected(&filter.language, &code);
                                let label = language_name(locale, &code);
                                view! { <option value=code selected=on>{label}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>{t!(i18n, home.said_from)}</span>
                        <input type="date" name="from" value=value(&filter.from) />
                    </label>
                    <label>
                        <span>{t!(i18n, home.said_until)}</span>
                        <input type="date" name="to" value=value(&filter.to) />
                    </label>
                </div>
                <div class="filters__actions">
                    <button type="submit">{t!(i18n, home.apply)}</button>
                    {filter.is_narrowed().then(|| view! { <a class="filters__clear" href="/">{t!(i18n, home.clear)}</a> })}
                </div>
            </details>
        </form>
    }
}
