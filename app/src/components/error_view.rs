use leptos::prelude::*;
use leptos_meta::Title;

use crate::error::AppError;

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
    let heading = match &error {
        AppError::NotFound(_) => "Not found",
        AppError::BadRequest(_) => "That request did not work",
        AppError::Unauthorized => "Sign in required",
        AppError::Forbidden => "Not allowed",
        AppError::Invalid(_) => "Please correct the form",
        AppError::Conflict(_) | AppError::StaleEdit(_) => "Changed meanwhile",
        AppError::TooManyRequests(_) => "Too many attempts",
        AppError::Internal | AppError::Transport(_) => "Something went wrong",
    };
    view! {
        <Title text=heading />
        <section class="wrap error-page" role="alert">
            <h1>{heading}</h1>
            <p>{error.to_string()}</p>
            <p>
                <a href="/">"Go to the latest claims"</a>
            </p>
        </section>
    }
}
