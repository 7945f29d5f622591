use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::accounts::{get_current_user, UserRole};
use crate::i18n::{t, t_string, td, use_i18n, Locale};
use crate::language::page_locale;
use crate::pages::encode_query_value;
use leptos_i18n::Locale as _;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{t!(i18n, site.skip_link)}</a>
        <header class="site-header">
            <div class="wrap site-header__inner">
                <a class="brand" href="/">
                    <span class="brand__mark" aria-hidden="true">"“"</span>
                    <span class="brand__name">"Claimtrack"</span>
                </a>
                <p class="brand__tagline">{t!(i18n, site.tagline)}</p>
                <LanguageSwitch />
                <nav class="site-nav" aria-label=move || t_string!(i18n, site.nav_label)>
                    <a href="/">{t!(i18n, site.nav_latest)}</a>
                    <a href="/corrections">{t!(i18n, site.nav_corrections)}</a>
                    <a href="/methodology">{t!(i18n, site.nav_methodology)}</a>
                    <AccountLinks />
                </nav>
            </div>
        </header>
    }
}

/// English | Bahasa Indonesia. Plain links to `/language/{code}`, which remembers the choice in
/// a cookie and comes back to this page: works the same without JavaScript. Each language is
/// named in itself, so a reader who cannot read the current one still finds theirs.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let here = move || {
        let path = location.pathname.get();
        let query = location.search.get();
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    };
    let link = move |locale: Locale| {
        let href = move || {
            format!(
                "/language/{}?next={}",
                locale.as_str(),
                encode_query_value(&here())
            )
        };
        let current = move || (i18n.get_locale() == locale).then_some("true");
        view! {
            // rel=external: the router must let the browser follow it (the server sets the cookie).
            <a
                href=href
                rel="external nofollow"
                lang=locale.as_str()
                hreflang=locale.as_str()
                aria-current=current
            >
                {td!(locale, site.language_self)}
            </a>
        }
    };
    view! {
        <nav class="language-switch" aria-label=move || t_string!(i18n, site.language_label)>
            {link(Locale::en)}
            {link(Locale::id)}
        </nav>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>{t!(i18n, site.footer_rule)}</p>
                <p class="site-footer__small">{t!(i18n, site.footer_small)}</p>
            </div>
        </footer>
    }
}

/// "Sign in", or who is signed in with a sign-out button (a POST: signing out changes state).
#[component]
fn AccountLinks() -> impl IntoView {
    let i18n = use_i18n();
    let user = Resource::new_blocking(|| (), |_| get_current_user());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(user)) => view! {
                        <a href="/desk">{t!(i18n, site.nav_desk)}</a>
                        {(user.role == UserRole::Editor).then(|| view! { <a href="/desk/review">{t!(i18n, site.nav_review)}</a> })}
                        <a href="/desk/audit">{t!(i18n, site.nav_audit)}</a>
                        {(user.role == UserRole::Admin).then(|| view! { <a href="/desk/users">{t!(i18n, site.nav_accounts)}</a> })}
                        <span class="account" data-user=user.username.clone()>
                            {user.display_name} " (" {user.role.label(page_locale())} ")"
                        </span>
                        <form class="signout" method="post" action="/auth/logout">
                            <button type="submit">{t!(i18n, site.sign_out)}</button>
                        </form>
                    }
                    .into_any(),
                    _ => view! { <a href="/login">{t!(i18n, site.sign_in)}</a> }.into_any(),
                }
            })}
        </Suspense>
    }
}
