//! The reader's language: English or Bahasa Indonesia. The reader picks it with the switch in
//! the header (a cookie, set by the server at `/language/{code}`); without a choice the
//! browser's Accept-Language decides, and English is the last resort. The server decides once
//! per request and renders the whole page in that language; `<html lang>` carries the choice to
//! the hydrating app, which reads it instead of deciding again.
//!
//! Claim texts are never translated by the interface: they stay in the language they were made
//! in, with the desk's translation beside them.

use std::str::FromStr;

use leptos_i18n::Locale as _;

use crate::i18n::{td_string, Locale};

/// The cookie that remembers the reader's choice (the switch sets it; nothing else does).
pub const LANGUAGE_COOKIE: &str = "claimtrack_lang";

/// The cookie's value when it names a language we have, else the best match for the
/// Accept-Language list (already sorted by preference), else English.
pub fn choose_locale(cookie: Option<&str>, accepted: &[String]) -> Locale {
    cookie
        .and_then(|value| Locale::from_str(value).ok())
        .unwrap_or_else(|| Locale::find_locale(accepted))
}

/// The language this page is rendered in (fixed for the page: switching reloads it).
pub fn page_locale() -> Locale {
    crate::i18n::use_i18n().get_locale_untracked()
}

/// The language of the request being served, for messages built on the server.
#[cfg(feature = "ssr")]
pub fn request_locale() -> Locale {
    leptos::prelude::use_context::<http::request::Parts>()
        .map(|parts| locale_from_headers(&parts.headers))
        .unwrap_or_default()
}

/// The language for messages built by code shared by the server and the browser: the request's
/// on the server (English outside a request, e.g. in tests and the CLI), the page's in the browser.
pub fn message_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        request_locale()
    }
    #[cfg(not(feature = "ssr"))]
    {
        leptos::prelude::use_context::<leptos_i18n::I18nContext<Locale>>()
            .map(|i18n| i18n.get_locale_untracked())
            .unwrap_or_default()
    }
}

#[cfg(feature = "ssr")]
pub fn locale_from_headers(headers: &http::HeaderMap) -> Locale {
    let cookie = headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| cookie::Cookie::split_parse(value).flatten())
        .find(|cookie| cookie.name() == LANGUAGE_COOKIE)
        .map(|cookie| cookie.value().to_owned());
    let accepted = headers
        .get(http::header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .map(accept_language::parse)
        .unwrap_or_default();
    choose_locale(cookie.as_deref(), &accepted)
}

/// Provides the page's language to every component (`use_i18n`, `page_locale`) and writes it
/// into `<html lang>`, where the hydrating app reads it back. Built from leptos_i18n's parts
/// rather than its `I18nContextProvider`, which also renders an empty `<script>` that our
/// Content-Security-Policy test (every script carries the nonce) rightly refuses.
#[leptos::component]
pub fn LanguageContext(children: leptos::children::Children) -> impl leptos::IntoView {
    use leptos::prelude::*;
    use leptos_i18n::context::{init_i18n_context_with_options, I18nContextOptions};

    let options = I18nContextOptions::default()
        // The cookie is written by the server's switch only, never while rendering a page.
        .enable_cookie(false)
        .ssr_lang_header_getter(server_choice());
    let i18n = init_i18n_context_with_options::<Locale>(options);
    provide_context(i18n);
    let lang = move || i18n.get_locale().as_str();
    view! {
        <leptos_meta::Html attr:lang=lang attr:dir="ltr" />
        {children()}
    }
}

/// Tells leptos_i18n which language the server chose, so that its context agrees with
/// `request_locale` (cookie first) instead of reading Accept-Language alone.
fn server_choice() -> leptos_i18n::context::UseLocalesOptions {
    let options = leptos_i18n::context::UseLocalesOptions::default();
    #[cfg(feature = "ssr")]
    let options = options.ssr_lang_header_getter(|| Some(request_locale().as_str().to_owned()));
    options
}

/// `1,234` in English, `1.234` in Indonesian.
pub fn number(locale: Locale, value: i64) -> String {
    let separator = td_string!(locale, number.group_separator);
    let digits = value.unsigned_abs().to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    if value < 0 {
        out.insert(0, '-');
    }
    out
}

/// "3 claims" / "3 klaim".
pub fn claims_count(locale: Locale, count: i64) -> String {
    let count = number(locale, count);
    if count == "1" {
        td_string!(locale, common.claims_single, count).to_string()
    } else {
        td_string!(locale, common.claims_many, count).to_string()
    }
}

/// "3 published claims" / "3 klaim terbit".
pub fn published_claims_count(locale: Locale, count: i64) -> String {
    let count = number(locale, count);
    if count == "1" {
        td_string!(locale, common.published_claims_single, count).to_string()
    } else {
        td_string!(locale, common.published_claims_many, count).to_string()
    }
}

/// The name of a claim's language in the reader's language; the code when we do not know it.
pub fn language_name(locale: Locale, code: &str) -> String {
    let name = match code {
        "en" => td_string!(locale, language.en),
        "id" => td_string!(locale, language.id),
        "ru" => td_string!(locale, language.ru),
        "ko" => td_string!(locale, language.ko),
        "ja" => td_string!(locale, language.ja),
        "zh" => td_string!(locale, language.zh),
        "ar" => td_string!(locale, language.ar),
        "ms" => td_string!(locale, language.ms),
        "jv" => td_string!(locale, language.jv),
        "fr" => td_string!(locale, language.fr),
        "de" => td_string!(locale, language.de),
        "es" => td_string!(locale, language.es),
        other => return other.to_owned(),
    };
    name.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_cookie_wins_then_accept_language_then_english() {
        assert_eq!(choose_locale(Some("id"), &list(&["en-GB"])), Locale::id);
        assert_eq!(
            choose_locale(Some("fr"), &list(&["id-ID", "en"])),
            Locale::id
        );
        assert_eq!(choose_locale(None, &list(&["id-ID", "en"])), Locale::id);
        assert_eq!(choose_locale(None, &list(&["de", "en-US"])), Locale::en);
        assert_eq!(choose_locale(None, &list(&["ja"])), Locale::en);
        assert_eq!(choose_locale(None, &[]), Locale::en);
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        assert_eq!(number(Locale::en, 1234567), "1,234,567");
        assert_eq!(number(Locale::id, 1234567), "1.234.567");
        assert_eq!(number(Locale::id, 999), "999");
        assert_eq!(number(Locale::en, -1000), "-1,000");
        assert_eq!(claims_count(Locale::en, 1), "1 claim");
        assert_eq!(claims_count(Locale::en, 1200), "1,200 claims");
        assert_eq!(claims_count(Locale::id, 3), "3 klaim");
    }

    #[test]
    fn language_names_follow_the_reader() {
        assert_eq!(language_name(Locale::en, "id"), "Indonesian");
        assert_eq!(language_name(Locale::id, "en"), "Inggris");
        assert_eq!(language_name(Locale::id, "xx"), "xx");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn accept_language_is_read_by_quality() {
        let mut headers = http::HeaderMap::new();
        headers.insert(
            http::header::ACCEPT_LANGUAGE,
            "en;q=0.5, id-ID;q=0.9".parse().unwrap(),
        );
        assert_eq!(locale_from_headers(&headers), Locale::id);
        headers.insert(
            http::header::COOKIE,
            "claimtrack_session=x; claimtrack_lang=en".parse().unwrap(),
        );
        assert_eq!(locale_from_headers(&headers), Locale::en);
    }
}
