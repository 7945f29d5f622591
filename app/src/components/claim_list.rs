use leptos::prelude::*;

use super::badges::{AttributionBadge, VerdictBadge};
use crate::claims::{ClaimKind, ClaimSummary, Snippet};
use crate::format::claim_date;
use crate::i18n::{t, use_i18n};
use crate::language::page_locale;

/// A list of claims as cards, or a friendly line when there are none.
#[component]
pub fn ClaimList(claims: Vec<ClaimSummary>, #[prop(into)] empty_message: String) -> impl IntoView {
    if claims.is_empty() {
        return view! { <p class="empty">{empty_message}</p> }.into_any();
    }
    view! {
        <ol class="claim-list">
            {claims
                .into_iter()
                .map(|claim| view! { <li><ClaimCard claim /></li> })
                .collect_view()}
        </ol>
    }
    .into_any()
}

#[component]
pub fn ClaimCard(claim: ClaimSummary) -> impl IntoView {
    let href = format!("/claims/{}", claim.slug);
    let speaker_href = format!("/entities/{}", claim.speaker.slug);
    let i18n = use_i18n();
    let date = claim_date(page_locale(), claim.claimed_on, claim.claimed_on_precision);
    let quote_mark =
        (claim.kind == ClaimKind::DirectQuote).then(|| view! { {t!(i18n, common.quote)} " · " });
    view! {
        <article class="claim-card" data-claim=claim.slug.clone()>
            <p class="claim-card__meta">
                <a class="claim-card__speaker" href=speaker_href>{claim.speaker.name.clone()}</a>
                " · "
                {quote_mark}
                <span>{date}</span>
            </p>
            <h3 class="claim-card__title">
                <a href=href>{claim.title()}</a>
            </h3>
            {claim.snippet.clone().map(|snippet| view! { <SnippetLine snippet /> })}
            <p class="claim-card__badges">
                <VerdictBadge verdict=claim.verdict.clone() />
                <AttributionBadge status=claim.attribution_status />
            </p>
        </article>
    }
}

/// The words around a search match, the matched words marked (all text escaped as usual).
#[component]
fn SnippetLine(snippet: Snippet) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="claim-card__snippet">
            {snippet.in_translation.then(|| view! { <span class="claim-card__snippet-kicker">{t!(i18n, common.translation)} " "</span> })}
            {snippet
                .parts
                .into_iter()
                .map(|(text, matched)| {
                    if matched {
                        view! { <mark>{text}</mark> }.into_any()
                    } else {
                        text.into_any()
                    }
                })
                .collect_view()}
        </p>
    }
}
