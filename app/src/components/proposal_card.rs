//! One proposal with its evidence inline, and — for an editor who did not make it — the form
//! to approve or reject it (with a public correction note when the claim is already published).

use leptos::prelude::*;

use crate::accounts::{CurrentUser, UserRole};
use crate::claims::EditorialState;
use crate::components::desk::FieldError;
use crate::error::AppError;
use crate::format::day;
use crate::i18n::{t, td_string, use_i18n};
use crate::language::page_locale;
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
    let i18n = use_i18n();
    let locale = page_locale();
    let state = proposal.state.label(locale);
    let proposed_by = td_string!(
        locale,
        desk.proposal.proposed_by,
        proposer = proposal.proposer.clone(),
        day = day(locale, proposal.proposed_at.date_naive())
    )
    .to_string();
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
                <strong>{proposal.axis.label(locale)} ": "</strong>
                <span class="proposal__from">{proposal.from_label.clone().unwrap_or_else(|| td_string!(locale, desk.common.none).into())}</span>
                " → "
                <span class="proposal__to">{proposal.to_label.clone()}</span>
                <span class="muted">" · " {proposed_by}</span>
                <span class=format!("state state--{}", proposal.state.as_str())>{state}</span>
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
                    {td_string!(locale, desk.proposal.decided, state, decider).to_string()}
                    {proposal.decision_note.clone().map(|n| format!(": {n}"))}
                </p>
            })}
            {own_pending.then(|| view! { <p class="muted">{t!(i18n, desk.proposal.waiting)}</p> })}
            {can_decide.then(|| view! {
                <ActionForm action=decide attr:class="decide-form">
                    <input type="hidden" name="proposal_id" value=id />
                    <fieldset>
                        <legend>{t!(i18n, desk.proposal.decision)}</legend>
                        <label><input type="radio" name="decision" value="approve" required /> " " {t!(i18n, desk.proposal.approve)}</label>
                        <label><input type="radio" name="decision" value="reject" /> " " {t!(i18n, desk.proposal.reject)}</label>
                        <FieldError error field="decision" />
                    </fieldset>
                    <label for=format!("note-{id}")>{t!(i18n, desk.proposal.note)}</label>
                    <textarea id=format!("note-{id}") name="note" rows="2" required></textarea>
                    <FieldError error field="note" />
                    {published.then(|| view! {
                        <label for=format!("correction-{id}")>{t!(i18n, desk.proposal.correction_note)}</label>
                        <textarea id=format!("correction-{id}") name="correction_note" rows="2"></textarea>
                        <FieldError error field="correction_note" />
                    })}
                    <button type="submit">{t!(i18n, desk.proposal.record)}</button>
                    {move || error.get().filter(|e| !matches!(e, AppError::Invalid(_))).map(|e| view! { <p class="form-error" role="alert">{e.message(locale)}</p> })}
                </ActionForm>
            })}
        </article>
    }
}
