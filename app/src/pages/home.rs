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
use crate::format::language_name_en;

#[component]
pub fn HomePage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || ClaimFilter::from_params(|name| query.read().get(name));
    let claims = Resource::new_blocking(filter, list_published_claims);
    let options = Resource::new_blocking(|| (), |_| get_filter_options());

    view! {
        <Title text="Latest fact-checked claims" />
        <div class="wrap">
            <header class="page-intro">
                <h1>"Latest claims"</h1>
                <p class="lede">
                    "Statements from the news, traced to the people who made them and to the reports that carried them. "
                    "Each claim has two separate judgements: did the speaker really say it, and is it accurate?"
                </p>
            </header>
            <Suspense fallback=|| view! { <p class="loading">"Loading filters…"</p> }>
                {move || Suspend::new(async move {
                    match options.await {
                        Ok(options) => view! {
                            <SocialMeta
                                title="Latest fact-checked claims"
                                description=HOME_DESCRIPTION
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
            <section id="results" aria-label="Claims">
                <Suspense fallback=|| view! { <p class="loading">"Loading claims…"</p> }>
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
                                    "No published claims match this search. Try fewer words or fewer filters."
                                } else {
                                    "No claims have been published yet."
                                };
                                view! {
                                    {heading.map(|text| view! { <h2 class="results-heading">{text}</h2> })}
                                    <ClaimList claims=page.claims empty_message=empty />
                                    <nav class="pager" aria-label="More claims">
                                        {current.after.is_some().then(|| view! { <a href=first.clone()>"← First page"</a> })}
                                        {next.map(|href| view! { <a class="pager__next" href=href>"More claims →"</a> })}
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

const HOME_DESCRIPTION: &str = "Quoted and attributed claims from the news, with who said them, where they were reported, and our verdicts.";

/// "Results for “bantah”" when the reader searched; nothing for the plain latest list.
fn results_heading(filter: &ClaimFilter) -> Option<String> {
    let q = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
    match q {
        Some(q) => Some(format!("Results for “{q}”")),
        None if filter.is_narrowed() => Some("Filtered claims".to_owned()),
        None => None,
    }
}

/// A plain GET form: the search box first, the filters folded in a `<details>` that opens by
/// itself when a filter is set. Works the same with and without JavaScript, and by keyboard.
#[component]
fn SearchForm(options: FilterOptions, filter: ClaimFilter) -> impl IntoView {
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let filters_set = ClaimFilter {
        q: None,
        after: None,
        ..filter.clone()
    }
    .is_narrowed();
    let selected = |current: &Option<String>, option: &str| current.as_deref() == Some(option);
    view! {
        <form class="search" method="get" action="/" role="search" aria-label="Search claims">
            <div class="search__bar">
                <label for="search-q" class="visually-hidden">"Search claims"</label>
                <input
                    id="search-q"
                    type="search"
                    name="q"
                    value=value(&filter.q)
                    maxlength=MAX_SEARCH_CHARS.to_string()
                    placeholder="Search claims and speakers…"
                    aria-describedby="search-help"
                />
                <button type="submit">"Search"</button>
            </div>
            <p id="search-help" class="search__help">
                "Words match in Indonesian and English (\u{201c}bantah\u{201d} finds \u{201c}membantah\u{201d}). "
                "Use \u{201c}quotes\u{201d} for a phrase, OR for either word, and -word to leave a word out."
            </p>
            <details class="filters" open=filters_set>
                <summary>"Filters"</summary>
                <div class="filters__grid">
                    <label>
                        <span>"Speaker"</span>
                        <select name="speaker">
                            <option value="">"Everyone"</option>
                            {options.speakers.into_iter().map(|s| {
                                let on = selected(&filter.speaker, &s.slug);
                                view! { <option value=s.slug selected=on>{s.name}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>"Verdict"</span>
                        <select name="verdict">
                            <option value="">"Any verdict"</option>
                            {options.ratings.into_iter().map(|r| {
                                let on = selected(&filter.verdict, &r.slug);
                                view! { <option value=r.slug selected=on>{r.label_en}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>"Attribution"</span>
                        <select name="attribution">
                            <option value="">"Any attribution status"</option>
                            {AttributionStatus::ALL.iter().map(|status| {
                                let on = selected(&filter.attribution, status.as_str());
                                view! { <option value=status.as_str() selected=on>{status.label_en()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>"Topic"</span>
                        <select name="topic">
                            <option value="">"All topics"</option>
                            {options.topics.into_iter().map(|topic| {
                                let on = selected(&filter.topic, &topic);
                                let label = topic.replace('-', " ");
                                view! { <option value=topic selected=on>{label}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>"Language of the claim"</span>
                        <select name="language">
                            <option value="">"Any language"</option>
                            {options.languages.into_iter().map(|code| {
                                let on = selected(&filter.language, &code);
                                let label = language_name_en(&code);
                                view! { <option value=code selected=on>{label}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>"Said from"</span>
                        <input type="date" name="from" value=value(&filter.from) />
                    </label>
                    <label>
                        <span>"Said until"</span>
                        <input type="date" name="to" value=value(&filter.to) />
                    </label>
                </div>
                <div class="filters__actions">
                    <button type="submit">"Apply filters"</button>
                    {filter.is_narrowed().then(|| view! { <a class="filters__clear" href="/">"Clear search and filters"</a> })}
                </div>
            </details>
        </form>
    }
}
