use leptos::prelude::*;

use crate::accounts::{get_current_user, UserRole};

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <div class="wrap site-header__inner">
                <a class="brand" href="/">
                    <span class="brand__mark" aria-hidden="true">"“"</span>
                    <span class="brand__name">"Claimtrack"</span>
                </a>
                <p class="brand__tagline">"Who claimed what, where it was reported, and how sure we are."</p>
                <nav class="site-nav" aria-label="Main">
                    <a href="/">"Latest claims"</a>
                    <a href="/corrections">"Corrections"</a>
                    <a href="/methodology">"Methodology"</a>
                    <AccountLinks />
                </nav>
            </div>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>
                    "Every verdict and attribution status on this site was proposed by one member of our desk "
                    "and approved by a different editor. Claims are shown in the language they were made in, "
                    "with a translation beside them."
                </p>
                <p class="site-footer__small">"Claimtrack — a fact-checking desk's record of claims."</p>
            </div>
        </footer>
    }
}

/// "Sign in", or who is signed in with a sign-out button (a POST: signing out changes state).
#[component]
fn AccountLinks() -> impl IntoView {
    let user = Resource::new_blocking(|| (), |_| get_current_user());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(user)) => view! {
                        <a href="/desk">"Desk"</a>
                        {(user.role == UserRole::Editor).then(|| view! { <a href="/desk/review">"Review queue"</a> })}
                        <a href="/desk/audit">"Audit log"</a>
                        {(user.role == UserRole::Admin).then(|| view! { <a href="/desk/users">"Accounts"</a> })}
                        <span class="account" data-user=user.username.clone()>
                            {user.display_name} " (" {user.role.label_en()} ")"
                        </span>
                        <form class="signout" method="post" action="/auth/logout">
                            <button type="submit">"Sign out"</button>
                        </form>
                    }
                    .into_any(),
                    _ => view! { <a href="/login">"Sign in"</a> }.into_any(),
                }
            })}
        </Suspense>
    }
}
