use leptos::prelude::*;
use leptos_meta::Title;

use crate::error::AppError;
use crate::i18n::{t, td_string, use_i18n};
use crate::language::page_locale;

/// Shows an error to the reader and, during server rendering, gives the response the matching
/// HTTP status (a missing claim is a real 404 for browsers and crawlers).
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(
            http::StatusCode::from_u16(error.status_code())
                .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR),
        );
    }
    let i18n = use_i18n();
    let locale = page_locale();
    let heading = match &error {
        AppError::NotFound(_) => td_string!(locale, error.not_found),
        AppError::BadRequest(_) => td_string!(locale, error.bad_request),
        AppError::Unauthorized => td_string!(locale, error.unauthorized),
        AppError::Forbidden => td_string!(locale, error.forbidden),
        AppError::Invalid(_) => td_string!(locale, error.invalid),
        AppError::Conflict(_) | AppError::StaleEdit(_) => td_string!(locale, error.conflict),
        AppError::TooManyRequests(_) => td_string!(locale, error.too_many),
        AppError::Internal | AppError::Transport(_) => td_string!(locale, error.internal),
    };
    // A missing page gets a reader's sentence (the server's names what was missing, for the
    // API); every other message is translated by `AppError::message` or was written in the
    // reader's language by the server.
    let message = match &error {
        AppError::NotFound(_) => td_string!(locale, error.not_found_text).to_owned(),
        other => other.message(locale),
    };
    view! {
        <Title text=heading />
        <section class="wrap error-page" role="alert">
            <h1>{heading}</h1>
            <p>{message}</p>
            <p>
                <a href="/">{t!(i18n, error.go_home)}</a>
            </p>
        </section>
    }
}
