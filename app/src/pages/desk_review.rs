//! `/desk/review` — the editors' review queue: pending proposals and claims in review, oldest
//! first, with the claim, the evidence excerpts and the current and proposed values inline.
//! Decisions are made here without leaving the page.

use leptos::prelude::*;

use crate::claims::workflow::{PublishClaim, ReturnClaim};
use crate::components::desk::{action_error, DeskPage, FieldError};
use crate::components::error_view::ErrorView;
use crate::components::proposal_card::ProposalCard;
use crate::format::day_en;
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
    view! {
        <DeskPage title="Review queue".into() class="desk-review" children=move |user| {
            view! {
                <h1>"Review queue"</h1>
                <p class="lede">"Oldest first. You can decide on proposals made by others; your own wait for another editor."</p>
                {move || workflow_error.get().filter(|e| e.problem_with("note").is_none()).map(|e| view! { <p class="form-error" role="alert">{e.to_string()}</p> })}
                <Suspense fallback=|| view! { <p class="loading">"Loading the queue…"</p> }>
                    {move || {
                        let user = user.clone();
                        Suspend::new(async move {
                            match queue.await {
                                Ok(queue) => view! {
                                    <section aria-labelledby="queue-proposals">
                                        <h2 id="queue-proposals">{format!("Proposals ({})", queue.proposals.len())}</h2>
                                        {queue.proposals.is_empty().then(|| view! { <p class="muted">"No pending proposals."</p> })}
                                        {queue.proposals.into_iter().map(|proposal| view! {
                                            <ProposalCard proposal user=user.clone() decide with_claim=true />
                                        }).collect_view()}
                                    </section>
                                    <section aria-labelledby="queue-claims">
                                        <h2 id="queue-claims">{format!("Claims in review ({})", queue.claims.len())}</h2>
                                        {queue.claims.is_empty().then(|| view! { <p class="muted">"No claims waiting."</p> })}
                                        {queue.claims.into_iter().map(|c| view! {
                                            <article class="queued-claim" data-claim=c.claim_id>
                                                <h3><a href=format!("/desk/claims/{}", c.claim_id)>{c.title.clone()}</a></h3>
                                                <p class="muted">{format!("{} · submitted {}{}", c.speaker_name, day_en(c.submitted_at.date_naive()), c.author.clone().map(|a| format!(" by {a}")).unwrap_or_default())}</p>
                                                <blockquote>{c.text.clone()}</blockquote>
                                                <ActionForm action=publish attr:class="inline-form">
                                                    <input type="hidden" name="claim_id" value=c.claim_id />
                                                    <input type="hidden" name="version" value=c.version />
                                                    <button type="submit">"Publish"</button>
                                                </ActionForm>
                                                <ActionForm action=ret attr:class="desk-form">
                                                    <input type="hidden" name="claim_id" value=c.claim_id />
                                                    <input type="hidden" name="version" value=c.version />
                                                    <label for=format!("return-{}", c.claim_id)>"Return to the author with a note"</label>
                                                    <textarea id=format!("return-{}", c.claim_id) name="note" rows="2" required></textarea>
                                                    <FieldError error=workflow_error field="note" />
                                                    <button type="submit">"Return to draft"</button>
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
