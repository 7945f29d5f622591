//! `/login` — the desk's sign-in form. It posts to `/auth/login` (a plain form post, so it works
//! without JavaScript). A refused sign-in is answered at `/auth/login` itself with this page,
//! the reason and the right status (401, 429); the reason travels to the page in the request's
//! extensions and reaches the browser inside the page's serialized data, so hydration agrees.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

/// Why the last sign-in was refused, and where to go after signing in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginRefusal {
    /// "invalid" or "too_many".
    pub code: String,
    pub next: String,
}

impl LoginRefusal {
    fn message(&self) -> &'static str {
        match self.code.as_str() {
            "too_many" => {
                "Too many failed sign-ins for this account or from this address. Wait 15 minutes, then try again."
            }
            _ => "That username and password do not match an active account.",
        }
    }
}

/// The refusal the server put on this request, if any (server side only).
fn refusal_of_request() -> Option<LoginRefusal> {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<LoginRefusal>().cloned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let refusal = Resource::new_blocking(
        || (),
        |_| {
            let refusal = refusal_of_request();
            async move { refusal }
        },
    );
    view! {
        <Title text="Sign in" />
        <Meta name="robots" content="noindex" />
        <section class="wrap login">
            <h1>"Sign in to the desk"</h1>
            <p class="lede">"For the fact-checkers, editors and admins of this desk. Readers need no account."</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let refusal = refusal.await;
                    let next = refusal
                        .as_ref()
                        .map(|r| r.next.clone())
                        .or_else(|| query.read_untracked().get("next"))
                        .unwrap_or_else(|| "/".to_owned());
                    view! {
                        <form class="login__form" method="post" action="/auth/login">
                            {refusal.map(|r| view! { <p class="form-error" role="alert">{r.message()}</p> })}
                            <input type="hidden" name="next" value=next />
                            <label>
                                <span>"Username"</span>
                                <input name="username" autocomplete="username" required autocapitalize="none" spellcheck="false" />
                            </label>
                            <label>
                                <span>"Password"</span>
                                <input name="password" type="password" autocomplete="current-password" required />
                            </label>
                            <button type="submit">"Sign in"</button>
                        </form>
                    }
                })}
            </Suspense>
        </section>
    }
}
