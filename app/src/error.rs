//! One error type for the whole app: what the user sees, and the HTTP status that fits.
//! Internal causes are logged on the server and never sent to the browser.

use leptos::server_fn::{codec::JsonEncoding, error::FromServerFnError, error::ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    /// The thing asked for does not exist, or is not public.
    #[error("{0}")]
    NotFound(String),
    /// The request itself is wrong (bad filter value, malformed cursor …).
    #[error("{0}")]
    BadRequest(String),
    /// Not signed in (pages send the reader to the login form).
    #[error("Please sign in to continue.")]
    Unauthorized,
    /// Signed in, but this role may not do this.
    #[error("Your role does not allow this.")]
    Forbidden,
    /// The thing changed since the form was loaded; nothing was saved.
    #[error("{0}")]
    Conflict(String),
    /// Too many attempts in a short time.
    #[error("{0}")]
    TooManyRequests(String),
    /// Something failed on our side; details are in the server log.
    #[error("Something went wrong on our side. Please try again in a moment.")]
    Internal,
    /// The call to the server did not get through (network, encoding).
    #[error("The server could not be reached: {0}")]
    Transport(String),
}

impl AppError {
    pub fn not_found(what: &str) -> Self {
        AppError::NotFound(format!("{what} was not found."))
    }

    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotFound(_) => 404,
            AppError::BadRequest(_) => 400,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::Conflict(_) => 409,
            AppError::TooManyRequests(_) => 429,
            AppError::Internal => 500,
            AppError::Transport(_) => 502,
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// Give the current response (a server function call, or the page being rendered) the
    /// status that fits this error, then hand the error on.
    pub fn respond(self) -> Self {
        use leptos::prelude::use_context;
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            if let Ok(status) = http::StatusCode::from_u16(self.status_code()) {
                response.set_status(status);
            }
        }
        self
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(%error, "database error");
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<tower_sessions::session::Error> for AppError {
    fn from(error: tower_sessions::session::Error) -> Self {
        tracing::error!(%error, "session store error");
        AppError::Internal
    }
}
