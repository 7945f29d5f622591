//! `/desk` — the desk's start page: my drafts (returned ones first, with the editor's note), my
//! claims in review, my pending proposals and, for editors, how much waits in the review queue.

use leptos::prelude::*;

use crate::components::desk::DeskPage;
use crate::components::error_view::ErrorView;
use crate::dashboard::{get_dashboard, Dashboard, MyClaim};
use crate::format::{count_en, day_en};

#[component]
pub fn DeskHomePage() -> impl IntoView {
    // Resources are made above DeskPage's Suspense (see DeskPage).
    let dashboard = Resource::new_blocking(|| (), |_| get_dashboard());
    view! {
        <DeskPage title="Desk".into() class="desk-home" children=move |_user| {
            view! {
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match dashboard.await {
                            Ok(dashboard) => view! { <DashboardView dashboard /> }.into_any(),
                            Err(error) => view! { <ErrorView error /> }.into_any(),
                        }
                    })}
                </Suspense>
            }
        } />
    }
}

#[component]
fn DashboardView(dashboard: Dashboard) -> impl IntoView {
    let (returned, drafts): (Vec<MyClaim>, Vec<MyClaim>) = dashboard
        .drafts
        .into_iter()
        .partition(|c| c.returned_note.is_some());
    view! {
        <h1>"Desk"</h1>
        <p class="lede">{format!("Signed in as {}.", dashboard.user.display_name)}</p>
        <nav class="desk-actions" aria-label="Desk">
            <a class="button" href="/desk/claims/new">"New claim"</a>
            <a href="/desk/sources">"Sources"</a>
            <a href="/desk/entities">"People and organisations"</a>
            {dashboard.review_queue_size.map(|size| view! {
                <a href="/desk/review" data-queue-size=size>{format!("Review queue ({})", count_en(size, "item", "items"))}</a>
            })}
        </nav>
        <section aria-labelledby="returned-heading">
            <h2 id="returned-heading">"Returned to me"</h2>
            <ClaimLines claims=returned empty="Nothing has been returned to you." />
        </section>
        <section aria-labelledby="drafts-heading">
            <h2 id="drafts-heading">"My drafts"</h2>
            <ClaimLines claims=drafts empty="No drafts." />
        </section>
        <section aria-labelledby="in-review-heading">
            <h2 id="in-review-heading">"Waiting for review"</h2>
            <ClaimLines claims=dashboard.in_review empty="None of your claims is waiting for review." />
        </section>
        <section aria-labelledby="proposals-heading">
            <h2 id="proposals-heading">"My pending proposals"</h2>
            {if dashboard.proposals.is_empty() {
                view! { <p class="muted">"No pending proposals."</p> }.into_any()
            } else {
                view! {
                    <ul class="desk-list">
                        {dashboard.proposals.into_iter().map(|p| view! {
                            <li>
                                <a href=format!("/desk/claims/{}", p.claim_id)>{p.claim_title}</a>
                                <span class="muted">{format!(" — {}: {} → {} · {}", p.axis.label_en(), p.from_label.unwrap_or_else(|| "none".into()), p.to_label, day_en(p.proposed_at.date_naive()))}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn ClaimLines(claims: Vec<MyClaim>, empty: &'static str) -> impl IntoView {
    if claims.is_empty() {
        return view! { <p class="muted">{empty}</p> }.into_any();
    }
    view! {
        <ul class="desk-list">
            {claims.into_iter().map(|c| view! {
                <li>
                    <a href=format!("/desk/claims/{}", c.claim_id)>{c.title}</a>
                    <span class="muted">{format!(" · changed {}", day_en(c.updated_at.date_naive()))}</span>
                    {c.returned_note.map(|note| view! {
                        <p class="returned-note">
                            <strong>{format!("{}: ", c.returned_by.unwrap_or_else(|| "Editor".into()))}</strong>
                            {note}
                        </p>
                    })}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
