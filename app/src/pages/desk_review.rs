//! `/desk/review` — the editors' review queue: pending proposals and claims in review, oldest
//! first, with the claim, the evidence excerpts and the current and proposed values inline.
//! Decisions are made here without leaving the page.

use leptos::prelude::*;

use crate::claims::workflow::{PublishClaim, ReturnClaim};
use crate::components::desk::{action_error, DeskPage, FieldError};
use crate::components::error_view::ErrorView;
use crate::components::proposal_card::ProposalCard;
use crate::format::day;
use crate::i18n::{t, td_string, use_i18n};
use crate::language::page_locale;
use crate::proposals::{get_review_queue, DecideProposal};

#[component]
pub fn DeskReviewPage() -> impl IntoView {
    // Actions and resources are made above DeskPage's Suspense (see DeskPage).
    let decide = ServerAction::<DecideProposal>::new();
    let publish = ServerAction::<PublishClaim>::new();
    let ret = ServerAction::<ReturnClaim>::new();
    let queue = Resource::new_blocking(
        move || {
            (
                decide.version().get(),
                publish.version().get(),
                ret.version().get(),
            )
        },
        |_| get_review_queue(),
    );
    let workflow_error = Signal::derive(move || {
        action_error(publish)
            .get()
            .or_else(|| action_error(ret).get())
    });
    let i18n = use_i18n();
    let locale = page_locale();
    view! {
        <DeskPage title=td_string!(locale, site.nav_review).into() class="desk-review" children=move |user| {
            view! {
                <h1>{t!(i18n, site.nav_review)}</h1>
                <p class="lede">{t!(i18n, desk.review.lede)}</p>
                {move || workflow_error.get().filter(|e| e.problem_with("note").is_none()).map(|e| view! { <p class="form-error" role="alert">{e.message(locale)}</p> })}
                <Suspense fallback=move || view! { <p class="loading">{t!(i18n, desk.review.loading)}</p> }>
                    {move || {
                        let user = user.clone();
                        Suspend::new(async move {
                            match queue.await {
                                Ok(queue) => view! {
                                    <section aria-labelledby="queue-proposals">
                                        <h2 id="queue-proposals">{td_string!(locale, desk.review.proposals_heading, count = queue.proposals.len()).to_string()}</h2>
                                        {queue.proposals.is_empty().then(|| view! { <p class="muted">{t!(i18n, desk.common.no_pending_proposals)}</p> })}
                                        {queue.proposals.into_iter().map(|proposal| view! {
                                            <ProposalCard proposal user=user.clone() decide with_claim=true />
                                        }).collect_view()}
                                    </section>
                                    <section aria-labelledby="queue-claims">
                                        <h2 id="queue-claims">{td_string!(locale, desk.review.claims_heading, count = queue.claims.len()).to_string()}</h2>
                                        {queue.claims.is_empty().then(|| view! { <p class="muted">{t!(i18n, desk.review.no_claims)}</p> })}
                                        {queue.claims.into_iter().map(|c| view! {
                                            <article class="queued-claim" data-claim=c.claim_id>
                                                <h3><a href=format!("/desk/claims/{}", c.claim_id)>{c.title.clone()}</a></h3>
                                                <p class="muted">{format!("{} · {}{}", c.speaker_name, td_string!(locale, desk.review.submitted, day = day(locale, c.submitted_at.date_naive())), c.author.clone().map(|name| format!(" {}", td_string!(locale, desk.common.by, name))).unwrap_or_default())}</p>
                                                <blockquote>{c.text.clone()}</blockquote>
                                                <ActionForm action=publish attr:class="inline-form">
                                                    <input type="hidden" name="claim_id" value=c.claim_id />
                                                    <input type="hidden" name="version" value=c.version />
                                                    <button type="submit">{t!(i18n, desk.workflow.publish)}</button>
                                                </ActionForm>
                                                <ActionForm action=ret attr:class="desk-form">
                                                    <input type="hidden" name="claim_id" value=c.claim_id />
                                                    <input type="hidden" name="version" value=c.version />
                                                    <label for=format!("return-{}", c.claim_id)>{t!(i18n, desk.workflow.return_label)}</label>
                                                    <textarea id=format!("return-{}", c.claim_id) name="note" rows="2" required></textarea>
                                                    <FieldError error=workflow_error field="note" />
                                                    <button type="submit">{t!(i18n, desk.workflow.return_button)}</button>
                                                </ActionForm>
                                            </article>
                                        }).collect_view()}
                                    </section>
                                }
                                .into_any(),
                                Err(error) => view! { <ErrorView error /> }.into_any(),
                            }
                        })
                    }}
                </Suspense>
            }
        } />
    }
}
