//! `/login` — the desk's sign-in form. It posts to `/auth/login` (a plain form post, so it works
//! without JavaScript). A refused sign-in is answered at `/auth/login` itself with this page,
//! the reason and the right status (401, 429); the reason travels to the page in the request's
//! extensions and reaches the browser inside the page's serialized data, so hydration agrees.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::language::page_locale;

/// Why the last sign-in was refused, and where to go after signing in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginRefusal {
    /// "invalid" or "too_many".
    pub code: String,
    pub next: String,
}

impl LoginRefusal {
    fn message(&self, locale: Locale) -> &'static str {
        match self.code.as_str() {
            "too_many" => td_string!(locale, desk.login.too_many_attempts),
            _ => td_string!(locale, desk.login.invalid),
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
    let i18n = use_i18n();
    let locale = page_locale();
    view! {
        <Title text=td_string!(locale, site.sign_in) />
        <Meta name="robots" content="noindex" />
        <section class="wrap login">
            <h1>{t!(i18n, desk.login.heading)}</h1>
            <p class="lede">{t!(i18n, desk.login.lede)}</p>
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
                            {refusal.map(|r| view! { <p class="form-error" role="alert">{r.message(locale)}</p> })}
                            <input type="hidden" name="next" value=next />
                            <label>
                                <span>{t!(i18n, desk.common.username)}</span>
                                <input name="username" autocomplete="username" required autocapitalize="none" spellcheck="false" />
                            </label>
                            <label>
                                <span>{t!(i18n, desk.common.password)}</span>
                                <input name="password" type="password" autocomplete="current-password" required />
                            </label>
                            <button type="submit">{t!(i18n, site.sign_in)}</button>
                        </form>
                    }
                })}
            </Suspense>
        </section>
    }
}
