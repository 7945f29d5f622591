use leptos::prelude::*;

use crate::components::error_view::ErrorView;
use crate::error::AppError;

/// Any URL no route matches: a real 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <ErrorView error=AppError::NotFound("There is no page at this address.".into()) /> }
}
