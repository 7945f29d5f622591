//! `/desk/users` — admins manage desk accounts: create, change role, disable, reset password.
//! Every action is a server function that checks the admin role first; the page only mirrors it.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::Redirect;

use crate::accounts::{
    list_desk_users, CreateDeskUser, DeskUser, ResetDeskPassword, UpdateDeskUser, UserRole,
};
use crate::components::error_view::ErrorView;
use crate::error::AppError;
use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::language::page_locale;

#[component]
pub fn DeskUsersPage() -> impl IntoView {
    let create = ServerAction::<CreateDeskUser>::new();
    let update = ServerAction::<UpdateDeskUser>::new();
    let reset = ServerAction::<ResetDeskPassword>::new();
    let users = Resource::new_blocking(
        move || {
            (
                create.version().get(),
                update.version().get(),
                reset.version().get(),
            )
        },
        |_| list_desk_users(),
    );
    let i18n = use_i18n();
    let locale = page_locale();
    view! {
        <Title text=td_string!(locale, desk.users.title) />
        <Meta name="robots" content="noindex" />
        <section class="wrap desk-users">
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, desk.users.loading)}</p> }>
                {move || Suspend::new(async move {
                    match users.await {
                        Ok(users) => view! {
                            <h1>{t!(i18n, desk.users.title)}</h1>
                            <ActionOutcome result=move || update.value().get().map(|r| r.map(|_| td_string!(locale, desk.users.updated)))/>
                            <ActionOutcome result=move || reset.value().get().map(|r| r.map(|_| td_string!(locale, desk.users.password_reset)))/>
                            <UserTable users update reset />
                            <CreateUserForm create />
                        }
                        .into_any(),
                        Err(AppError::Unauthorized) => view! { <Redirect path="/login?next=/desk/users" /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The result of the last action: a confirmation, or the reason it was refused.
#[component]
fn ActionOutcome(
    result: impl Fn() -> Option<Result<&'static str, AppError>> + Send + Sync + 'static,
) -> impl IntoView {
    let locale = page_locale();
    move || match result() {
        Some(Ok(message)) => view! { <p class="form-ok" role="status">{message}</p> }.into_any(),
        Some(Err(error)) => {
            view! { <p class="form-error" role="alert">{error.message(locale)}</p> }.into_any()
        }
        None => ().into_any(),
    }
}

fn role_options(locale: Locale, selected: UserRole) -> impl IntoView {
    UserRole::ALL
        .iter()
        .map(|role| view! { <option value=role.as_str() selected=*role == selected>{role.label(locale)}</option> })
        .collect_view()
}

#[component]
fn UserTable(
    users: Vec<DeskUser>,
    update: ServerAction<UpdateDeskUser>,
    reset: ServerAction<ResetDeskPassword>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    view! {
        <table class="desk-table">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, desk.users.account)}</th>
                    <th scope="col">{t!(i18n, desk.users.role_and_status)}</th>
                    <th scope="col">{t!(i18n, desk.users.new_password)}</th>
                </tr>
            </thead>
            <tbody>
                {users
                    .into_iter()
                    .map(|user| {
                        let status = if user.disabled { "disabled" } else { "active" };
                        view! {
                            <tr data-username=user.username.clone() data-status=status>
                                <td>
                                    <strong>{user.display_name.clone()}</strong>
                                    <br />
                                    <code>{user.username.clone()}</code>
                                    {(!user.can_log_in).then(|| view! { <span class="muted">" · " {t!(i18n, desk.users.no_password)}</span> })}
                                </td>
                                <td>
                                    <ActionForm action=update attr:class="inline-form">
                                        <input type="hidden" name="user_id" value=user.user_id />
                                        <input type="hidden" name="version" value=user.version />
                                        <label class="sr-only" for=format!("role-{}", user.user_id)>{t!(i18n, desk.users.role)}</label>
                                        <select name="role" id=format!("role-{}", user.user_id)>{role_options(locale, user.role)}</select>
                                        <label class="sr-only" for=format!("disabled-{}", user.user_id)>{t!(i18n, desk.users.status)}</label>
                                        <select name="disabled" id=format!("disabled-{}", user.user_id)>
                                            <option value="false" selected=!user.disabled>{t!(i18n, desk.users.active)}</option>
                                            <option value="true" selected=user.disabled>{t!(i18n, desk.users.disabled)}</option>
                                        </select>
                                        <button type="submit">{t!(i18n, desk.common.save)}</button>
                                    </ActionForm>
                                </td>
                                <td>
                                    <ActionForm action=reset attr:class="inline-form">
                                        <input type="hidden" name="user_id" value=user.user_id />
                                        <input type="hidden" name="version" value=user.version />
                                        <label class="sr-only" for=format!("password-{}", user.user_id)>{t!(i18n, desk.users.new_password)}</label>
                                        <input type="password" name="password" id=format!("password-{}", user.user_id)
                                            autocomplete="new-password" minlength="12" maxlength="256" required />
                                        <button type="submit">{t!(i18n, desk.users.reset)}</button>
                                    </ActionForm>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn CreateUserForm(create: ServerAction<CreateDeskUser>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    view! {
        <h2>{t!(i18n, desk.users.new_account)}</h2>
        <ActionOutcome result=move || create.value().get().map(|r| r.map(|_| td_string!(locale, desk.users.created)))/>
        <ActionForm action=create attr:class="desk-form">
            <label>
                <span>{t!(i18n, desk.common.username)}</span>
                <input name="username" required autocapitalize="none" spellcheck="false" maxlength="40" />
            </label>
            <label>
                <span>{t!(i18n, desk.users.display_name)}</span>
                <input name="display_name" required maxlength="100" />
            </label>
            <label>
                <span>{t!(i18n, desk.users.role)}</span>
                <select name="role">{role_options(locale, UserRole::FactChecker)}</select>
            </label>
            <label>
                <span>{t!(i18n, desk.users.password_rule)}</span>
                <input type="password" name="password" autocomplete="new-password" minlength="12" maxlength="256" required />
            </label>
            <button type="submit">{t!(i18n, desk.users.create)}</button>
        </ActionForm>
    }
}
