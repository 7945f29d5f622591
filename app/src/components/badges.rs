use leptos::prelude::*;

use crate::claims::AttributionStatus;
use crate::i18n::{t, use_i18n};
use crate::language::page_locale;
use crate::ratings::Rating;

/// The verdict as a coloured label; "Not yet rated" when no verdict has been approved.
#[component]
pub fn VerdictBadge(verdict: Option<Rating>) -> impl IntoView {
    let i18n = use_i18n();
    match verdict {
        Some(rating) => {
            let style = format!("--badge-colour: {}", rating.safe_colour());
            view! {
                <span class="badge badge--verdict" style=style data-verdict=rating.slug.clone()>
                    <span class="badge__kicker">{t!(i18n, common.verdict)}</span>
                    {rating.label(page_locale()).to_owned()}
                </span>
            }
            .into_any()
        }
        None => view! {
            <span class="badge badge--verdict badge--none" data-verdict="none">
                <span class="badge__kicker">{t!(i18n, common.verdict)}</span>
                {t!(i18n, common.not_yet_rated)}
            </span>
        }
        .into_any(),
    }
}

#[component]
pub fn AttributionBadge(status: AttributionStatus) -> impl IntoView {
    let class = format!("badge badge--attribution badge--{}", status.as_str());
    view! {
        <span class=class data-attribution=status.as_str()>
            {status.label(page_locale())}
        </span>
    }
}
