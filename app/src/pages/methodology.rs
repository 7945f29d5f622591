//! `/methodology` — how we judge claims: the rating scale as it is in the database, the
//! attribution statuses, the four-eyes rule and the corrections policy (the IFCN Code of
//! Principles expects fact-checkers to publish these).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::claims::AttributionStatus;
use crate::components::error_view::ErrorView;
use crate::components::social_meta::SocialMeta;
use crate::ratings::{get_methodology, Methodology, ScaleStep};

#[component]
pub fn MethodologyPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_methodology());
    view! {
        <Title text="How we check claims" />
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
    let organisation = data.site.organisation_name.clone();
    view! {
        <SocialMeta
            title="How we check claims"
            description="Our rating scale, what our attribution statuses mean, how every judgement is approved, and how we correct mistakes."
            url=data.site.url("/methodology")
            site_name=organisation.clone()
            kind="article"
        />
        <article class="wrap methodology">
            <header class="page-intro">
                <h1>"How we check claims"</h1>
                <p class="lede">
                    "Every claim on this site gets two separate judgements: did the speaker really say it "
                    "(its attribution status), and is what they said accurate (its verdict). "
                    "A claim can be correctly attributed and false, or accurate and misattributed."
                </p>
            </header>

            <section aria-labelledby="scale-heading">
                <h2 id="scale-heading">"Verdicts: our rating scale"</h2>
                <p>"The verdict says how accurate a statement is. The Indonesian name of each rating is shown beside the English one."</p>
                <ol class="scale">
                    {data.scale.into_iter().map(|step| view! { <ScaleItem step /> }).collect_view()}
                </ol>
            </section>

            <section aria-labelledby="attribution-heading">
                <h2 id="attribution-heading">"Attribution: did they say it?"</h2>
                <p>
                    "Many claims reach us second- or third-hand: a broadcaster relays a news agency that reports what an official said. "
                    "Each claim page shows that chain, and its attribution status says how sure we are that the words are the speaker's."
                </p>
                <dl class="statuses">
                    {AttributionStatus::ALL.iter().map(|status| view! {
                        <dt data-status=status.as_str()>{status.label_en()}</dt>
                        <dd>{status.meaning_en()}</dd>
                    }).collect_view()}
                </dl>
            </section>

            <section aria-labelledby="review-heading">
                <h2 id="review-heading">"Four eyes on every judgement"</h2>
                <p>
                    "A fact-checker proposes a verdict or an attribution status with a written rationale and at least one source as evidence. "
                    "An editor who did not make the proposal approves or rejects it. The same person can never both propose and approve; "
                    "our database refuses it, not only our software. Only approved judgements are ever shown here."
                </p>
            </section>

            <section aria-labelledby="corrections-heading">
                <h2 id="corrections-heading">"Corrections policy"</h2>
                <p>
                    "When we change anything on a published claim — its wording, speaker, verdict, attribution status or related claims — "
                    "the editor writes a public note saying what changed and why. The note appears on the claim's page and in our "
                    <a href="/corrections">"corrections log"</a>
                    ". A claim we can no longer stand by is retracted, not deleted: it stays online, marked as retracted, with the reason."
                </p>
                <p>
                    "Spotted a mistake? Tell " {organisation} " and name the claim's address; we answer every correction request."
                </p>
            </section>

            <section aria-labelledby="sources-heading">
                <h2 id="sources-heading">"Sources"</h2>
                <p>
                    "We keep a copy of each source's text as we read it, so every excerpt we quote can be checked against it even if the original page changes. "
                    "Each claim links to every report it appeared in, with the quoted passage highlighted."
                </p>
            </section>
        </article>
    }
}

#[component]
fn ScaleItem(step: ScaleStep) -> impl IntoView {
    let rating = step.rating;
    let value = rating
        .rating_value
        .map(|v| format!("{v} of 5"))
        .unwrap_or_else(|| "no score".to_owned());
    view! {
        <li class="scale__step" data-rating=rating.slug.clone()>
            <span class="badge badge--verdict" style=format!("--badge-colour: {}", rating.safe_colour())>{rating.label_en.clone()}</span>
            <span class="scale__id" lang="id">{rating.label_id.clone()}</span>
            <span class="scale__value">{value}</span>
            {rating.retired.then(|| view! { <span class="scale__retired">"retired: no longer given, kept on older claims"</span> })}
            <p class="scale__explanation">{rating.explanation_en.clone()}</p>
            <p class="scale__explanation scale__explanation--id" lang="id">{step.explanation_id}</p>
        </li>
    }
}
