//! `/claims/{slug}` — one claim with both judgements, how it reached us, where it appears, and
//! the claims that deny or confirm it, side by side.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::claims::claim_review::{claim_review, script_safe_json};
use crate::claims::{
    get_public_claim, shorten, AppearanceView, ClaimDetail, ClaimKind, EditorialState,
    RelatedClaim, RelationKind,
};
use crate::components::badges::{AttributionBadge, VerdictBadge};
use crate::components::claim_list::ClaimCard;
use crate::components::error_view::ErrorView;
use crate::components::social_meta::SocialMeta;
use crate::format::{claim_date, day};
use crate::i18n::{t, td_string, use_i18n};
use crate::language::page_locale;
use crate::pages::corrections::CorrectionItem;
use leptos_i18n::Locale as _;

#[component]
pub fn ClaimPage() -> impl IntoView {
    let params = use_params_map();
    let claim = Resource::new_blocking(
        move || params.read().get("slug").unwrap_or_default(),
        get_public_claim,
    );
    let i18n = use_i18n();
    view! {
        <Suspense fallback=move || view! { <p class="wrap loading">{t!(i18n, claim.loading)}</p> }>
            {move || Suspend::new(async move {
                match claim.await {
                    Ok(detail) => view! { <ClaimView detail /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ClaimView(detail: ClaimDetail) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    let summary = detail.summary.clone();
    let title = summary.title();
    let description = {
        let speaker = summary.speaker.name.clone();
        let text = shorten(detail.translation.as_deref().unwrap_or(&summary.text), 140);
        let verdict = summary
            .verdict
            .as_ref()
            .map(|r| r.label(locale))
            .unwrap_or(td_string!(locale, claim.not_yet_rated));
        let attribution = summary.attribution_status.label(locale);
        td_string!(
            locale,
            claim.description,
            speaker,
            text,
            verdict,
            attribution
        )
        .to_string()
    };
    let canonical = detail.site.url(&format!("/claims/{}", summary.slug));
    let json_ld = claim_review(&detail, locale.as_str()).map(|review| script_safe_json(&review));
    let speaker_href = format!("/entities/{}", summary.speaker.slug);
    let date = claim_date(locale, summary.claimed_on, summary.claimed_on_precision);
    let denials = detail.related(RelationKind::Denies, true);
    let confirmations: Vec<RelatedClaim> = detail
        .related(RelationKind::Confirms, true)
        .into_iter()
        .chain(detail.related(RelationKind::Supports, true))
        .collect();
    let other_related: Vec<RelatedClaim> = detail
        .related
        .iter()
        .filter(|r| {
            !(r.incoming
                && matches!(
                    r.kind,
                    RelationKind::Denies | RelationKind::Confirms | RelationKind::Supports
                ))
        })
        .cloned()
        .collect();
    let verdict_explanation = detail
        .verdict_explanation
        .clone()
        .or_else(|| {
            summary
                .verdict
                .as_ref()
                .map(|r| r.explanation(locale).to_owned())
        })
        .unwrap_or_else(|| td_string!(locale, claim.no_verdict).to_owned());
    let attribution_explanation = detail
        .attribution_explanation
        .clone()
        .unwrap_or_else(|| summary.attribution_status.meaning(locale).to_owned());
    let is_quote = summary.kind == ClaimKind::DirectQuote;

    view! {
        <Title text=title.clone() />
        <SocialMeta
            title=title.clone()
            description=description
            url=canonical
            site_name=detail.site.organisation_name.clone()
            kind="article"
        />
        <article class="wrap claim-page">
            // Read by search engines; not executed (CSP does not apply to data blocks).
            {json_ld.map(|json| view! { <script type="application/ld+json" inner_html=json></script> })}
            <header class="claim-page__header">
                <p class="eyebrow">
                    {summary.kind.label(locale)} " · " <time>{date}</time>
                    {detail.place.clone().map(|place| view! { " · " {place} })}
                </p>
                <h1>{title}</h1>
                <p class="claim-page__speaker">
                    <a href=speaker_href>{summary.speaker.name.clone()}</a>
                    {detail.speaker_role.clone().map(|role| view! { <span class="role">", " {role}</span> })}
                </p>
            </header>
            {(summary.editorial_state == EditorialState::Retracted)
                .then(|| {
                    view! {
                        <aside class="retraction" role="note">
                            <strong>{t!(i18n, claim.retracted)}</strong>
                            {detail.retracted_at.map(|at| {
                                let day = day(locale, at.date_naive());
                                td_string!(locale, claim.retracted_on, day).to_string()
                            })}
                            ": "
                            {detail.retraction_note.clone()}
                        </aside>
                    }
                })}
            <div class="claim-page__grid">
                <section class="claim-page__claim" aria-label=td_string!(locale, claim.the_claim)>
                    <blockquote class="claim-text" class:claim-text--quote=is_quote lang=summary.language.clone()>
                        <p>{summary.text.clone()}</p>
                    </blockquote>
                    {detail
                        .translation
                        .clone()
                        .map(|translation| {
                            view! {
                                <div class="translation" lang=detail.translation_language.clone()>
                                    <p class="translation__label">{t!(i18n, claim.our_translation)}</p>
                                    <p>{translation}</p>
                                </div>
                            }
                        })}
                    <div class="judgements">
                        <section class="judgement" aria-labelledby="verdict-heading">
                            <h2 id="verdict-heading">{t!(i18n, claim.is_it_accurate)}</h2>
                            <VerdictBadge verdict=summary.verdict.clone() />
                            <p>{verdict_explanation}</p>
                        </section>
                        <section class="judgement" aria-labelledby="attribution-heading">
                            <h2 id="attribution-heading">{t!(i18n, claim.did_they_say_it)}</h2>
                            <AttributionBadge status=summary.attribution_status />
                            <p>{attribution_explanation}</p>
                        </section>
                    </div>
                </section>
                <aside class="responses" aria-label=td_string!(locale, claim.responses_label)>
                    <ResponseColumn heading=td_string!(locale, claim.denials) class="responses__denials" claims=denials
                        empty=td_string!(locale, claim.no_denial) />
                    <ResponseColumn heading=td_string!(locale, claim.confirmations) class="responses__confirmations" claims=confirmations
                        empty=td_string!(locale, claim.no_confirmation) />
                </aside>
            </div>
            <section class="chain" aria-labelledby="chain-heading">
                <h2 id="chain-heading">{t!(i18n, claim.chain_heading)}</h2>
                <ul>
                    {detail
                        .appearances
                        .iter()
                        .map(|a| view! { <li class="chain__sentence">{a.chain.sentence(locale)}</li> })
                        .collect_view()}
                </ul>
            </section>
            <section class="appearances" aria-labelledby="appearances-heading">
                <h2 id="appearances-heading">{t!(i18n, claim.appearances_heading)}</h2>
                {detail.appearances.clone().into_iter().map(|appearance| view! { <Appearance appearance /> }).collect_view()}
            </section>
            {(!other_related.is_empty())
                .then(|| view! { <OtherRelated related=other_related /> })}
            {(!detail.tags.is_empty())
                .then(|| {
                    view! {
                        <p class="tags">
                            {t!(i18n, claim.topics)} " "
                            {detail.tags.iter().map(|tag| view! { <span class="tag">{tag.clone()}</span> }).collect_view()}
                        </p>
                    }
                })}
            {(!detail.corrections.is_empty())
                .then(|| {
                    view! {
                        <section class="correction-history" aria-labelledby="corrections-heading">
                            <h2 id="corrections-heading">{t!(i18n, claim.corrections_heading)}</h2>
                            <ol class="correction-list">
                                {detail.corrections.clone().into_iter().map(|correction| view! { <CorrectionItem correction /> }).collect_view()}
                            </ol>
                            <p><a href="/corrections">{t!(i18n, claim.all_corrections)}</a></p>
                        </section>
                    }
                })}
            <p class="claim-page__updated">
                {
                    let published = day(locale, summary.published_at.date_naive());
                    let updated = day(locale, detail.updated_at.date_naive());
                    td_string!(locale, claim.published, published, updated).to_string()
                }
            </p>
        </article>
    }
}

#[component]
fn ResponseColumn(
    heading: &'static str,
    class: &'static str,
    claims: Vec<RelatedClaim>,
    empty: &'static str,
) -> impl IntoView {
    let count = claims.len();
    view! {
        <section class=format!("responses__column {class}")>
            <h2>{heading} <span class="count">{count}</span></h2>
            {if claims.is_empty() {
                view! { <p class="empty">{empty}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {claims.into_iter().map(|r| view! { <li><ClaimCard claim=r.claim /></li> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn Appearance(appearance: AppearanceView) -> impl IntoView {
    let source_href = format!("/sources/{}", appearance.source_id);
    let (before, after) = (appearance.context_before(), appearance.context_after());
    let outlet = appearance.outlet_name.clone().unwrap_or_default();
    let i18n = use_i18n();
    let locale = page_locale();
    let published = appearance
        .source_published_at
        .map(|at| day(locale, at.date_naive()));
    // Only http(s) links reach the page (the database refuses others); rel keeps them inert.
    let external = appearance
        .source_url
        .clone()
        .filter(|url| url.starts_with("https://") || url.starts_with("http://"));
    view! {
        <figure class="appearance">
            <blockquote class="excerpt">
                <p>
                    {(!before.is_empty()).then(|| format!("…{before}"))}
                    <mark>{appearance.exact.clone()}</mark>
                    {(!after.is_empty()).then(|| format!("{after}…"))}
                </p>
            </blockquote>
            <figcaption>
                <a href=source_href>{appearance.source_title.clone()}</a>
                " — " {outlet}
                {published.map(|day| view! { ", " {day} })}
                {appearance.cue_verb.clone().map(|cue| view! { <span class="cue">" · " {td_string!(locale, claim.cue, cue).to_string()}</span> })}
                {external.map(|url| view! { " · " <a href=url rel="nofollow noopener noreferrer" target="_blank">{t!(i18n, claim.original)}</a> })}
            </figcaption>
        </figure>
    }
}

#[component]
fn OtherRelated(related: Vec<RelatedClaim>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    view! {
        <section class="related" aria-labelledby="related-heading">
            <h2 id="related-heading">{t!(i18n, claim.related_heading)}</h2>
            <ul>
                {related
                    .into_iter()
                    .map(|r| {
                        let label = if r.incoming { r.kind.incoming_label(locale) } else { r.kind.outgoing_label(locale) };
                        view! {
                            <li class="related__item">
                                <p class="related__kind">{label}</p>
                                <ClaimCard claim=r.claim />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
