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
    view! {
        <Title text="Desk accounts" />
        <Meta name="robots" content="noindex" />
        <section class="wrap desk-users">
            <Suspense fallback=|| view! { <p class="loading">"Loading accounts…"</p> }>
                {move || Suspend::new(async move {
                    match users.await {
                        Ok(users) => view! {
                            <h1>"Desk accounts"</h1>
                            <ActionOutcome result=move || update.value().get().map(|r| r.map(|_| "Account updated."))/>
                            <ActionOutcome result=move || reset.value().get().map(|r| r.map(|_| "Password reset; the account's sessions have ended."))/>
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
    move || match result() {
        Some(Ok(message)) => view! { <p class="form-ok" role="status">{message}</p> }.into_any(),
        Some(Err(error)) => {
            view! { <p class="form-error" role="alert">{error.to_string()}</p> }.into_any()
        }
        None => ().into_any(),
    }
}

fn role_options(selected: UserRole) -> impl IntoView {
    UserRole::ALL
        .iter()
        .map(|role| view! { <option value=role.as_str() selected=*role == selected>{role.label_en()}</option> })
        .collect_view()
}

#[component]
fn UserTable(
    users: Vec<DeskUser>,
    update: ServerAction<UpdateDeskUser>,
    reset: ServerAction<ResetDeskPassword>,
) -> impl IntoView {
    view! {
        <table class="desk-table">
            <thead>
                <tr>
                    <th scope="col">"Account"</th>
                    <th scope="col">"Role and status"</th>
                    <th scope="col">"New password"</th>
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
                                    {(!user.can_log_in).then(|| view! { <span class="muted">" · no password"</span> })}
                                </td>
                                <td>
                                    <ActionForm action=update attr:class="inline-form">
                                        <input type="hidden" name="user_id" value=user.user_id />
                                        <input type="hidden" name="version" value=user.version />
                                        <label class="sr-only" for=format!("role-{}", user.user_id)>"Role"</label>
                                        <select name="role" id=format!("role-{}", user.user_id)>{role_options(user.role)}</select>
                                        <label class="sr-only" for=format!("disabled-{}", user.user_id)>"Status"</label>
                                        <select name="disabled" id=format!("disabled-{}", user.user_id)>
                                            <option value="false" selected=!user.disabled>"Active"</option>
                                            <option value="true" selected=user.disabled>"Disabled"</option>
                                        </select>
                                        <button type="submit">"Save"</button>
                                    </ActionForm>
                                </td>
                                <td>
                                    <ActionForm action=reset attr:class="inline-form">
                                        <input type="hidden" name="user_id" value=user.user_id />
                                        <input type="hidden" name="version" value=user.version />
                                        <label class="sr-only" for=format!("password-{}", user.user_id)>"New password"</label>
                                        <input type="password" name="password" id=format!("password-{}", user.user_id)
                                            autocomplete="new-password" minlength="12" maxlength="256" required />
                                        <button type="submit">"Reset"</button>
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
    view! {
        <h2>"New account"</h2>
        <ActionOutcome result=move || create.value().get().map(|r| r.map(|_| "Account created."))/>
        <ActionForm action=create attr:class="desk-form">
            <label>
                <span>"Username"</span>
                <input name="username" required autocapitalize="none" spellcheck="false" maxlength="40" />
            </label>
            <label>
                <span>"Display name"</span>
                <input name="display_name" required maxlength="100" />
            </label>
            <label>
                <span>"Role"</span>
                <select name="role">{role_options(UserRole::FactChecker)}</select>
            </label>
            <label>
                <span>"Password (12–256 characters)"</span>
                <input type="password" name="password" autocomplete="new-password" minlength="12" maxlength="256" required />
            </label>
            <button type="submit">"Create account"</button>
        </ActionForm>
    }
}
