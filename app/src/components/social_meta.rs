//! What a page tells link previews and search engines about itself: the canonical address,
//! Open Graph and Twitter card tags. Every value is escaped by leptos_meta like any attribute.

use leptos::prelude::*;
use leptos_meta::{Link, Meta};

use crate::i18n::{td_string, Locale};
use crate::language::page_locale;
use leptos_i18n::Locale as _;

/// `url` must be absolute (see `SiteInfo::url`); `kind` is the Open Graph type
/// ("article", "website", "profile").
#[component]
pub fn SocialMeta(
    #[prop(into)] title: String,
    #[prop(into)] description: String,
    #[prop(into)] url: String,
    #[prop(into)] site_name: String,
    kind: &'static str,
) -> impl IntoView {
    let locale = page_locale();
    // The page exists in both languages at the same address (the reader's choice decides).
    let alternate = Locale::get_all()
        .iter()
        .filter(|other| **other != locale)
        .map(|other| view! { <Meta property="og:locale:alternate" content=td_string!(*other, site.og_locale) /> })
        .collect_view();
    view! {
        <Meta name="description" content=description.clone() />
        <Link rel="canonical" href=url.clone() />
        <Meta property="og:type" content=kind />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=description.clone() />
        <Meta property="og:url" content=url />
        <Meta property="og:site_name" content=site_name />
        <Meta property="og:locale" content=td_string!(locale, site.og_locale) />
        {alternate}
        <Meta name="twitter:card" content="summary" />
        <Meta name="twitter:title" content=title />
        <Meta name="twitter:description" content=description />
    }
}
