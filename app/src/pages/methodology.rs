//! `/methodology` — how we judge claims: the rating scale as it is in the database, the
//! attribution statuses, the four-eyes rule and the corrections policy (the IFCN Code of
//! Principles expects fact-checkers to publish these).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::claims::AttributionStatus;
use crate::components::error_view::ErrorView;
use crate::components::social_meta::SocialMeta;
use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::language::page_locale;
use crate::ratings::{get_methodology, Methodology, Rating};

#[component]
pub fn MethodologyPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_methodology());
    view! {
        <Title text=td_string!(page_locale(), methodology.title) />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <MethodologyView data /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MethodologyView(data: Methodology) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    let organisation = data.site.organisation_name.clone();
    view! {
        <SocialMeta
            title=td_string!(locale, methodology.title)
            description=td_string!(locale, methodology.description)
            url=data.site.url("/methodology")
            site_name=organisation.clone()
            kind="article"
        />
        <article class="wrap methodology">
            <header class="page-intro">
                <h1>{t!(i18n, methodology.title)}</h1>
                <p class="lede">{t!(i18n, methodology.lede)}</p>
            </header>

            <section aria-labelledby="scale-heading">
                <h2 id="scale-heading">{t!(i18n, methodology.scale_heading)}</h2>
                <p>{t!(i18n, methodology.scale_intro)}</p>
                <ol class="scale">
                    {data.scale.into_iter().map(|rating| view! { <ScaleItem rating /> }).collect_view()}
                </ol>
            </section>

            <section aria-labelledby="attribution-heading">
                <h2 id="attribution-heading">{t!(i18n, methodology.attribution_heading)}</h2>
                <p>{t!(i18n, methodology.attribution_intro)}</p>
                <dl class="statuses">
                    {AttributionStatus::ALL.iter().map(|status| view! {
                        <dt data-status=status.as_str()>{status.label(locale)}</dt>
                        <dd>{status.meaning(locale)}</dd>
                    }).collect_view()}
                </dl>
            </section>

            <section aria-labelledby="review-heading">
                <h2 id="review-heading">{t!(i18n, methodology.review_heading)}</h2>
                <p>{t!(i18n, methodology.review_text)}</p>
            </section>

            <section aria-labelledby="corrections-heading">
                <h2 id="corrections-heading">{t!(i18n, methodology.corrections_heading)}</h2>
                <p>
                    {t!(i18n, methodology.corrections_before)} " "
                    <a href="/corrections">{t!(i18n, methodology.corrections_link)}</a>
                    {t!(i18n, methodology.corrections_after)}
                </p>
                <p>{td_string!(locale, methodology.mistake, organisation).to_string()}</p>
            </section>

            <section aria-labelledby="sources-heading">
                <h2 id="sources-heading">{t!(i18n, methodology.sources_heading)}</h2>
                <p>{t!(i18n, methodology.sources_text)}</p>
            </section>
        </article>
    }
}

/// One rating: its name and explanation in the reader's language first, then its name in the
/// other language (a reader may know a verdict by either).
#[component]
fn ScaleItem(rating: Rating) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    let other = match locale {
        Locale::en => Locale::id,
        Locale::id => Locale::en,
    };
    let value = match rating.rating_value {
        Some(value) => td_string!(locale, methodology.score, value).to_string(),
        None => td_string!(locale, methodology.no_score).to_owned(),
    };
    view! {
        <li class="scale__step" data-rating=rating.slug.clone()>
            <span class="badge badge--verdict" style=format!("--badge-colour: {}", rating.safe_colour())>{rating.label(locale).to_owned()}</span>
            <span class="scale__id" lang=leptos_i18n::Locale::as_str(other)>{rating.label(other).to_owned()}</span>
            <span class="scale__value">{value}</span>
            {rating.retired.then(|| view! { <span class="scale__retired">{t!(i18n, methodology.retired)}</span> })}
            <p class="scale__explanation">{rating.explanation(locale).to_owned()}</p>
        </li>
    }
}
