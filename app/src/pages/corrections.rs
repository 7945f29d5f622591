//! `/corrections` — every correction made to a public claim after publication, newest first,
//! with the editor's note (IFCN asks fact-checkers to publish these).

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::components::error_view::ErrorView;
use crate::corrections::{list_corrections, CorrectionView};
use crate::format::day;
use crate::i18n::{t, td_string, use_i18n};
use crate::language::page_locale;

#[component]
pub fn CorrectionsPage() -> impl IntoView {
    let query = use_query_map();
    let before = move || {
        query
            .read()
            .get("before")
            .and_then(|b| b.parse::<i64>().ok())
    };
    let page = Resource::new_blocking(before, list_corrections);
    let i18n = use_i18n();
    let locale = page_locale();
    view! {
        <Title text=td_string!(locale, corrections.title) />
        <Meta name="description" content=td_string!(locale, corrections.description) />
        <Link rel="canonical" href="/corrections" />
        <section class="wrap corrections">
            <h1>{t!(i18n, corrections.title)}</h1>
            <p class="lede">{t!(i18n, corrections.lede)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! {
                            {page.corrections.is_empty().then(|| view! { <p class="muted">{t!(i18n, corrections.none)}</p> })}
                            <ol class="correction-list">
                                {page.corrections.into_iter().map(|c| view! { <CorrectionItem correction=c with_claim=true /> }).collect_view()}
                            </ol>
                            {page.next_before.map(|b| view! { <nav class="pager"><a class="pager__next" href=format!("/corrections?before={b}")>{t!(i18n, corrections.older)}</a></nav> })}
                        }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn CorrectionItem(
    correction: CorrectionView,
    #[prop(optional)] with_claim: bool,
) -> impl IntoView {
    let locale = page_locale();
    let fields = correction.changed(locale);
    view! {
        <li class="correction" data-correction=correction.correction_id>
            <p class="correction__meta">
                <time datetime=correction.corrected_at.to_rfc3339()>{day(locale, correction.corrected_at.date_naive())}</time>
                {td_string!(locale, corrections.changed, fields).to_string()}
            </p>
            {with_claim.then(|| view! { <p class="correction__claim"><a href=format!("/claims/{}", correction.claim_slug)>{correction.claim_title.clone()}</a></p> })}
            <p class="correction__note">{correction.note.clone()}</p>
        </li>
    }
}
