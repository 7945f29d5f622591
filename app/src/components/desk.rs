//! Pieces every desk page uses: the sign-in gate, form errors next to their fields, the outcome
//! of the last action, and the stale-edit comparison.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use crate::accounts::{get_current_user, CurrentUser};
use crate::components::error_view::ErrorView;
use crate::error::{AppError, FieldValue};
use crate::i18n::{t, use_i18n};

/// A desk page: titled, kept out of search engines, and only for signed-in users (others are
/// sent to the sign-in form and come back here). What each role may see is checked by the
/// server functions the page calls.
#[component]
pub fn DeskPage<F, V>(title: String, class: &'static str, children: F) -> impl IntoView
where
    F: Fn(CurrentUser) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let user = Resource::new_blocking(|| (), |_| get_current_user());
    let location = use_location();
    let i18n = use_i18n();
    view! {
        <Title text=title />
        <Meta name="robots" content="noindex" />
        <section class=format!("wrap desk {class}")>
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, common.loading)}</p> }>
                // Awaited in a `Suspend` so that the server render waits for it (a plain `.get()`
                // here renders the fallback on the server). Pages create their resources and
                // actions above this component, never inside `children`: made inside a Suspense
                // they are created twice on the server, lose the request context and break
                // hydration.
                {move || {
                    let children = children.clone();
                    Suspend::new(async move {
                        match user.await {
                            Ok(Some(user)) => children(user).into_any(),
                            Ok(None) | Err(AppError::Unauthorized) => {
                                let next = location.pathname.get_untracked();
                                let path = format!("/login?next={}", crate::pages::encode_query_value(&next));
                                view! { <Redirect path /> }.into_any()
                            }
                            Err(error) => view! { <ErrorView error /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

/// The error of an action's last run, if it failed.
pub fn action_error<S>(action: ServerAction<S>) -> Signal<Option<AppError>>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// True after the action's last run succeeded.
pub fn action_done<S>(action: ServerAction<S>) -> Signal<bool>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || matches!(action.value().get(), Some(Ok(_))))
}

/// The message for one field, shown under it (and linked to it for screen readers).
#[component]
pub fn FieldError(error: Signal<Option<AppError>>, field: &'static str) -> impl IntoView {
    move || {
        error.get().and_then(|e| e.problem_with(field)).map(|message| {
            view! { <span class="field-error" id=format!("{field}-error") role="alert">{message}</span> }
        })
    }
}

/// What happened to the last submission: a confirmation, or why it was refused.
#[component]
pub fn FormOutcome(
    error: Signal<Option<AppError>>,
    done: Signal<bool>,
    #[prop(into)] ok: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = crate::language::page_locale();
    move || match error.get() {
        Some(AppError::Invalid(_)) => view! {
            <p class="form-error" role="alert">{t!(i18n, desk.form.not_saved)}</p>
        }
        .into_any(),
        Some(AppError::StaleEdit(_)) => ().into_any(),
        Some(error) => {
            view! { <p class="form-error" role="alert">{error.message(locale)}</p> }.into_any()
        }
        None if done.get() => {
            view! { <p class="form-ok" role="status">{ok.clone()}</p> }.into_any()
        }
        None => ().into_any(),
    }
}

/// After a stale save: the user's values beside the current ones, for the fields that differ,
/// so nothing typed is lost. The form below holds the current values and version.
#[component]
pub fn StaleEditPanel(error: Signal<Option<AppError>>, current: Vec<FieldValue>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let Some(AppError::StaleEdit(yours)) = error.get() else {
            return ().into_any();
        };
        let rows: Vec<_> = yours
            .into_iter()
            .filter_map(|mine| {
                let now = current
                    .iter()
                    .find(|c| c.field == mine.field)
                    .map(|c| c.value.clone())
                    .unwrap_or_default();
                (now.trim() != mine.value.trim()).then(|| {
                    view! {
                        <tr>
                            <th scope="row">{mine.field.replace('_', " ")}</th>
                            <td><pre>{mine.value}</pre></td>
                            <td><pre>{now}</pre></td>
                        </tr>
                    }
                })
            })
            .collect();
        view! {
            <div class="conflict" role="alert">
                <h2>{t!(i18n, desk.stale.heading)}</h2>
                <p>{t!(i18n, desk.stale.text)}</p>
                <table class="desk-table">
                    <thead><tr><th scope="col">{t!(i18n, desk.stale.field)}</th><th scope="col">{t!(i18n, desk.stale.yours)}</th><th scope="col">{t!(i18n, desk.stale.current)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    }
}
