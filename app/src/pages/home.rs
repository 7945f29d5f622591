//! `/` — the latest published claims, filterable by speaker and verdict, keyset-paginated.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_navigate, use_query_map};

use super::url_with_query;
use crate::claims::{get_filter_options, list_published_claims, ClaimFilter, FilterOptions};
use crate::components::claim_list::ClaimList;
use crate::components::error_view::ErrorView;

#[component]
pub fn HomePage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        ClaimFilter {
            speaker: q.get("speaker"),
            verdict: q.get("verdict"),
            after: q.get("after"),
        }
    };
    let claims = Resource::new_blocking(filter, list_published_claims);
    let options = Resource::new_blocking(|| (), |_| get_filter_options());

    view! {
        <Title text="Latest fact-checked claims" />
        <Meta
            name="description"
            content="Quoted and attributed claims from the news, with who said them, where they were reported, and our verdicts."
        />
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
                        Ok(options) => view! { <FilterForm options filter=filter() /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
            <Suspense fallback=|| view! { <p class="loading">"Loading claims…"</p> }>
                {move || Suspend::new(async move {
                    let current = filter();
                    match claims.await {
                        Ok(page) => {
                            let newest = url_with_query(
                                "/",
                                &[("speaker", current.speaker.as_deref()), ("verdict", current.verdict.as_deref())],
                            );
                            let next = page.next_cursor.map(|cursor| {
                                url_with_query(
                                    "/",
                                    &[
                                        ("speaker", current.speaker.as_deref()),
                                        ("verdict", current.verdict.as_deref()),
                                        ("after", Some(&cursor)),
                                    ],
                                )
                            });
                            view! {
                                <ClaimList
                                    claims=page.claims
                                    empty_message="No published claims match these filters."
                                />
                                <nav class="pager" aria-label="More claims">
                                    {current.after.is_some().then(|| view! { <a href=newest.clone()>"← Newest claims"</a> })}
                                    {next.map(|href| view! { <a class="pager__next" href=href>"Older claims →"</a> })}
                                </nav>
                            }
                            .into_any()
                        }
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// A plain GET form (works without JavaScript); once the page is hydrated, choosing a value
/// applies it at once.
#[component]
fn FilterForm(options: FilterOptions, filter: ClaimFilter) -> impl IntoView {
    let navigate = use_navigate();
    let apply = move |speaker: Option<String>, verdict: Option<String>| {
        let href = url_with_query(
            "/",
            &[
                ("speaker", speaker.as_deref()),
                ("verdict", verdict.as_deref()),
            ],
        );
        navigate(&href, Default::default());
    };
    let (speaker, verdict) = (filter.speaker.clone(), filter.verdict.clone());
    let on_speaker = {
        let apply = apply.clone();
        let verdict = verdict.clone();
        move |ev| apply(Some(event_target_value(&ev)), verdict.clone())
    };
    let on_verdict = {
        let speaker = speaker.clone();
        move |ev| apply(speaker.clone(), Some(event_target_value(&ev)))
    };
    view! {
        <form class="filters" method="get" action="/" role="search" aria-label="Filter claims">
            <label>
                <span>"Speaker"</span>
                <select name="speaker" on:change=on_speaker>
                    <option value="">"Everyone"</option>
                    {options
                        .speakers
                        .into_iter()
                        .map(|s| {
                            let selected = speaker.as_deref() == Some(s.slug.as_str());
                            view! { <option value=s.slug selected=selected>{s.name}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                <span>"Verdict"</span>
                <select name="verdict" on:change=on_verdict>
                    <option value="">"Any verdict"</option>
                    {options
                        .ratings
                        .into_iter()
                        .map(|r| {
                            let selected = verdict.as_deref() == Some(r.slug.as_str());
                            view! { <option value=r.slug selected=selected>{r.label_en}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <button type="submit">"Apply"</button>
            {(filter.speaker.is_some() || filter.verdict.is_some())
                .then(|| view! { <a class="filters__clear" href="/">"Clear filters"</a> })}
        </form>
    }
}
