//! Claimtrack: who claimed what, where it was reported, and how sure we are.
//! The route tree below is the map of the public site: URL → page (src/pages) → server function
//! (src/<domain>/mod.rs) → query (src/<domain>/db.rs).
#![recursion_limit = "512"]

pub mod accounts;
pub mod audit;
pub mod claims;
pub mod components;
pub mod corrections;
pub mod dashboard;
pub mod db_enum;
pub mod entities;
pub mod error;
pub mod format;
pub mod language;
pub mod pages;
pub mod proposals;
pub mod ratings;
#[cfg(feature = "ssr")]
pub mod security;
pub mod site;
pub mod sources;
#[cfg(feature = "ssr")]
pub mod state;

// The generated `i18n` module: `Locale`, `use_i18n`, `I18nContextProvider` and the `t!` macros
// over the translations in app/locales (see build.rs).
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, Meta, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use components::layout::{SiteFooter, SiteHeader};
use language::LanguageContext;
use pages::{
    claim::ClaimPage,
    corrections::CorrectionsPage,
    desk_audit::DeskAuditPage,
    desk_claim::{DeskClaimPage, NewClaimPage},
    desk_entities::{DeskEntitiesPage, DeskEntityPage, NewEntityPage},
    desk_home::DeskHomePage,
    desk_review::DeskReviewPage,
    desk_sources::{DeskSourcePage, DeskSourcesPage, NewSourcePage},
    desk_users::DeskUsersPage,
    entity::EntityPage,
    home::HomePage,
    login::LoginPage,
    methodology::MethodologyPage,
    not_found::NotFoundPage,
    source::SourcePage,
};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        // `lang` (the reader's language) is added by `LanguageContext` through leptos_meta.
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                <HashedStylesheet options=options.clone() id="leptos" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    #[cfg(feature = "ssr")]
    security::set_content_security_policy();
    // Effects run only in the browser, after hydration: "true" says the wasm bundle is live.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    view! {
        <LanguageContext>
        <Link rel="icon" type_="image/svg+xml" href="/favicon.svg" />
        <Title formatter=page_title />
        <Meta name="theme-color" content="#14213d" />
        <Router>
            <SiteHeader />
            <main id="main" data-hydrated=move || hydrated.get().to_string()>
                // Async SSR: the page is sent once its data is loaded, so titles, meta tags and the
                // HTTP status (404) are right for readers without JavaScript and for search engines.
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/claims/:slug") view=ClaimPage ssr=SsrMode::Async />
                    <Route path=path!("/entities/:slug") view=EntityPage ssr=SsrMode::Async />
                    <Route path=path!("/sources/:id") view=SourcePage ssr=SsrMode::Async />
                    <Route path=path!("/corrections") view=CorrectionsPage ssr=SsrMode::Async />
                    <Route path=path!("/methodology") view=MethodologyPage ssr=SsrMode::Async />
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/desk") view=DeskHomePage ssr=SsrMode::Async />
                    <Route path=path!("/desk/review") view=DeskReviewPage ssr=SsrMode::Async />
                    <Route path=path!("/desk/claims/new") view=NewClaimPage ssr=SsrMode::Async />
                    <Route path=path!("/desk/claims/:id") view=DeskClaimPage ssr=SsrMode::Async />
                    <Route path=path!("/desk/sources") view=DeskSourcesPage ssr=SsrMode::Async />
                    <Route path=path!("/desk/sources/new") view=NewSourcePage ssr=SsrMode::Async />
                    <Route path=path!("/desk/sources/:id") view=DeskSourcePage ssr=SsrMode::Async />
                    <Route path=path!("/desk/entities") view=DeskEntitiesPage ssr=SsrMode::Async />
                    <Route path=path!("/desk/entities/new") view=NewEntityPage ssr=SsrMode::Async />
                    <Route path=path!("/desk/entities/:id") view=DeskEntityPage ssr=SsrMode::Async />
                    <Route path=path!("/desk/users") view=DeskUsersPage ssr=SsrMode::Async />
                    <Route path=path!("/desk/audit") view=DeskAuditPage ssr=SsrMode::Async />
                    // A refused sign-in is answered at the form's own address (with 401/429), so
                    // the browser hydrates the same page there.
                    <Route path=path!("/auth/login") view=LoginPage ssr=SsrMode::Async />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
        </LanguageContext>
    }
}

/// "<page> · Claimtrack". On the server the text is HTML-escaped here, because leptos_meta
/// 0.8 writes the `<title>` text into the document unescaped (a headline containing
/// `</title><script>` would otherwise run). In the browser it is set through the DOM, as text.
fn page_title(title: String) -> String {
    let title = format!("{title} · Claimtrack");
    if cfg!(feature = "ssr") {
        title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        title
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
