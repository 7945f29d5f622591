//! `/desk` — the desk's start page: my drafts (returned ones first, with the editor's note), my
//! claims in review, my pending proposals and, for editors, how much waits in the review queue.

use leptos::prelude::*;

use crate::components::desk::DeskPage;
use crate::components::error_view::ErrorView;
use crate::dashboard::{get_dashboard, Dashboard, MyClaim};
use crate::format::day;
use crate::i18n::{t, td_string, use_i18n};
use crate::language::{number, page_locale};

#[component]
pub fn DeskHomePage() -> impl IntoView {
    // Resources are made above DeskPage's Suspense (see DeskPage).
    let dashboard = Resource::new_blocking(|| (), |_| get_dashboard());
    let locale = page_locale();
    view! {
        <DeskPage title=td_string!(locale, site.nav_desk).into() class="desk-home" children=move |_user| {
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
    let i18n = use_i18n();
    let locale = page_locale();
    let name = dashboard.user.display_name.clone();
    let queue_link = dashboard.review_queue_size.map(|size| {
        let count = number(locale, size);
        let text = if size == 1 {
            td_string!(locale, desk.home.queue_single, count).to_string()
        } else {
            td_string!(locale, desk.home.queue_plural, count).to_string()
        };
        (size, text)
    });
    view! {
        <h1>{t!(i18n, site.nav_desk)}</h1>
        <p class="lede">{td_string!(locale, desk.home.signed_in_as, name).to_string()}</p>
        <nav class="desk-actions" aria-label=td_string!(locale, site.nav_desk)>
            <a class="button" href="/desk/claims/new">{t!(i18n, desk.claim.new_title)}</a>
            <a href="/desk/sources">{t!(i18n, desk.sources.heading)}</a>
            <a href="/desk/entities">{t!(i18n, desk.entities.heading)}</a>
            {queue_link.map(|(size, text)| view! {
                <a href="/desk/review" data-queue-size=size>{text}</a>
            })}
        </nav>
        <section aria-labelledby="returned-heading">
            <h2 id="returned-heading">{t!(i18n, desk.home.returned_heading)}</h2>
            <ClaimLines claims=returned empty=td_string!(locale, desk.home.returned_empty) />
        </section>
        <section aria-labelledby="drafts-heading">
            <h2 id="drafts-heading">{t!(i18n, desk.home.drafts_heading)}</h2>
            <ClaimLines claims=drafts empty=td_string!(locale, desk.home.drafts_empty) />
        </section>
        <section aria-labelledby="in-review-heading">
            <h2 id="in-review-heading">{t!(i18n, desk.home.in_review_heading)}</h2>
            <ClaimLines claims=dashboard.in_review empty=td_string!(locale, desk.home.in_review_empty) />
        </section>
        <section aria-labelledby="proposals-heading">
            <h2 id="proposals-heading">{t!(i18n, desk.home.proposals_heading)}</h2>
            {if dashboard.proposals.is_empty() {
                view! { <p class="muted">{t!(i18n, desk.common.no_pending_proposals)}</p> }.into_any()
            } else {
                view! {
                    <ul class="desk-list">
                        {dashboard.proposals.into_iter().map(|p| view! {
                            <li>
                                <a href=format!("/desk/claims/{}", p.claim_id)>{p.claim_title}</a>
                                <span class="muted">{format!(" — {}: {} → {} · {}", p.axis.label(locale), p.from_label.unwrap_or_else(|| td_string!(locale, desk.common.none).into()), p.to_label, day(locale, p.proposed_at.date_naive()))}</span>
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
    let locale = page_locale();
    if claims.is_empty() {
        return view! { <p class="muted">{empty}</p> }.into_any();
    }
    view! {
        <ul class="desk-list">
            {claims.into_iter().map(|c| view! {
                <li>
                    <a href=format!("/desk/claims/{}", c.claim_id)>{c.title}</a>
                    <span class="muted">" · " {td_string!(locale, desk.home.changed, day = day(locale, c.updated_at.date_naive())).to_string()}</span>
                    {c.returned_note.map(|note| view! {
                        <p class="returned-note">
                            <strong>{format!("{}: ", c.returned_by.unwrap_or_else(|| td_string!(locale, desk.role.editor).into()))}</strong>
                            {note}
                        </p>
                    })}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
