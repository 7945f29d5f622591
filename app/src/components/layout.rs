use leptos::prelude::*;

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
