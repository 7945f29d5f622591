//! Server-side state reached from server functions and pages through Leptos context.

use axum::extract::FromRef;
use leptos::prelude::*;
use sqlx::PgPool;

use crate::error::AppError;

#[derive(Clone, Debug)]
pub struct AppState {
    pub pool: PgPool,
    pub leptos_options: LeptosOptions,
    pub site: crate::site::SiteInfo,
}

/// The database pool of the running server. Provided by `leptos_routes_with_context`.
pub fn pool() -> Result<PgPool, AppError> {
    use_context::<AppState>()
        .map(|state| state.pool)
        .ok_or_else(|| {
            tracing::error!("AppState missing from the Leptos context");
            AppError::Internal
        })
}

/// The site's public address and organisation.
pub fn site() -> Result<crate::site::SiteInfo, AppError> {
    use_context::<AppState>()
        .map(|state| state.site)
        .ok_or_else(|| {
            tracing::error!("AppState missing from the Leptos context");
            AppError::Internal
        })
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
