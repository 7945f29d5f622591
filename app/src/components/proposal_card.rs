//! One proposal with its evidence inline, and — for an editor who did not make it — the form
//! to approve or reject it (with a public correction note when the claim is already published).

use leptos::prelude::*;

use crate::accounts::{CurrentUser, UserRole};
use crate::claims::EditorialState;
use crate::components::desk::FieldError;
use crate::error::AppError;
use crate::format::day_en;
use crate::proposals::{DecideProposal, ProposalState, ProposalView};

#[component]
pub fn ProposalCard(
    proposal: ProposalView,
    user: CurrentUser,
    decide: ServerAction<DecideProposal>,
    /// Show the claim itself (the review queue does; the claim editor does not need to).
    #[prop(optional)]
    with_claim: bool,
) -> impl IntoView {
    // The action is shared by every card of the queue and Leptos clears its input once it
    // resolves, so each card remembers whether the last decision sent was its own.
    let decided_here = RwSignal::new(false);
    let id = proposal.proposal_id;
    Effect::new(move || {
        if let Some(input) = decide.input().get() {
            decided_here.set(input.proposal_id == id);
        }
    });
    let error = Signal::derive(move || {
        decide
            .value()
            .get()
            .and_then(Result::err)
            .filter(|_| decided_here.get())
    });
    let can_decide = proposal.state == ProposalState::Pending
        && user.role == UserRole::Editor
        && user.user_id != proposal.proposer_id;
    let own_pending =
        proposal.state == ProposalState::Pending && user.user_id == proposal.proposer_id;
    let published = proposal.claim_state == EditorialState::Published;
    view! {
        <article class="proposal" data-proposal=id data-state=proposal.state.as_str()>
            {with_claim.then(|| view! {
                <p class="proposal__claim">
                    <a href=format!("/desk/claims/{}", proposal.claim_id)>{proposal.claim_title.clone()}</a>
                    <span class="muted">" — " {proposal.speaker_name.clone()}</span>
                </p>
                <blockquote class="proposal__text">{proposal.claim_text.clone()}</blockquote>
            })}
            <p class="proposal__change">
                <strong>{proposal.axis.label_en()} ": "</strong>
                <span class="proposal__from">{proposal.from_label.clone().unwrap_or_else(|| "none".into())}</span>
                " → "
                <span class="proposal__to">{proposal.to_label.clone()}</span>
                <span class="muted">" · proposed by " {proposal.proposer.clone()} " on " {day_en(proposal.proposed_at.date_naive())}</span>
                <span class=format!("state state--{}", proposal.state.as_str())>{proposal.state.as_str()}</span>
            </p>
            <p class="proposal__rationale">{proposal.rationale.clone()}</p>
            <ul class="evidence">
                {proposal.evidence.iter().map(|e| view! {
                    <li>
                        <a href=format!("/sources/{}", e.source_id)>{e.source_title.clone()}</a>
                        {e.excerpt.clone().map(|x| view! { <q class="evidence__excerpt">{x}</q> })}
                    </li>
                }).collect_view()}
            </ul>
            {proposal.decider.clone().map(|decider| view! {
                <p class="proposal__decision">
                    {format!("{} by {decider}", proposal.state.as_str())}
                    {proposal.decision_note.clone().map(|n| format!(": {n}"))}
                </p>
            })}
            {own_pending.then(|| view! { <p class="muted">"Waiting for another editor (four-eyes rule)."</p> })}
            {can_decide.then(|| view! {
                <ActionForm action=decide attr:class="decide-form">
                    <input type="hidden" name="proposal_id" value=id />
                    <fieldset>
                        <legend>"Decision"</legend>
                        <label><input type="radio" name="decision" value="approve" required /> " Approve"</label>
                        <label><input type="radio" name="decision" value="reject" /> " Reject"</label>
                        <FieldError error field="decision" />
                    </fieldset>
                    <label for=format!("note-{id}")>"Note to the proposer"</label>
                    <textarea id=format!("note-{id}") name="note" rows="2" required></textarea>
                    <FieldError error field="note" />
                    {published.then(|| view! {
                        <label for=format!("correction-{id}")>"Public correction note (the claim is published; needed when approving)"</label>
                        <textarea id=format!("correction-{id}") name="correction_note" rows="2"></textarea>
                        <FieldError error field="correction_note" />
                    })}
                    <button type="submit">"Record decision"</button>
                    {move || error.get().filter(|e| !matches!(e, AppError::Invalid(_))).map(|e| view! { <p class="form-error" role="alert">{e.to_string()}</p> })}
                </ActionForm>
            })}
        </article>
    }
}
