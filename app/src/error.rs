//! One error type for the whole app: what the user sees, and the HTTP status that fits.
//! Internal causes are logged on the server and never sent to the browser.

use leptos::server_fn::{codec::JsonEncoding, error::FromServerFnError, error::ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::i18n::{td_string, Locale};

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
    /// Some form fields are wrong; each problem names its field so the form can show it there.
    #[error("{}", describe_problems(.0))]
    Invalid(Vec<FieldProblem>),
    /// The thing changed since the form was loaded; nothing was saved.
    #[error("{0}")]
    Conflict(String),
    /// An edit form was saved from an older version; nothing was saved. Carries what the user
    /// submitted, so the page can show it beside the current values for merging.
    #[error("Someone else saved this while you were editing it. Nothing of yours was saved: compare your values with the current ones below, then save again.")]
    StaleEdit(Vec<FieldValue>),
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

/// One wrong form field and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

/// One submitted form value (for showing a stale edit beside the current one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldValue {
    pub field: String,
    pub value: String,
}

fn describe_problems(problems: &[FieldProblem]) -> String {
    list_problems("Please correct the form.", problems)
}

/// `intro`, then each problem as "field: message".
fn list_problems(intro: &str, problems: &[FieldProblem]) -> String {
    let details: Vec<String> = problems
        .iter()
        .map(|p| format!("{}: {}", p.field, p.message))
        .collect();
    format!("{intro} {}", details.join(" "))
}

/// "At most 2,000 characters." (the number grouped as `locale` writes it).
pub fn at_most_characters(locale: Locale, max: i64) -> String {
    let max = crate::language::number(locale, max);
    td_string!(locale, message.common.at_most_characters, max).to_string()
}

/// Collects field problems while a form is checked; nothing is stored unless it stays empty.
#[derive(Debug, Default)]
pub struct Problems(Vec<FieldProblem>);

impl Problems {
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldProblem {
            field: field.to_owned(),
            message: message.into(),
        });
    }

    /// Ok when no problem was found, else the whole list as one `AppError::Invalid`.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self.0))
        }
    }
}

/// The submitted values of a form, by field name (carried by `AppError::StaleEdit`).
pub fn field_values(fields: &[(&str, &String)]) -> Vec<FieldValue> {
    fields
        .iter()
        .map(|(field, value)| FieldValue {
            field: (*field).to_owned(),
            value: (*value).clone(),
        })
        .collect()
}

/// A form value with its surrounding blanks removed; None when nothing is left.
pub fn non_empty(value: &str) -> Option<&str> {
    Some(value.trim()).filter(|v| !v.is_empty())
}

impl AppError {
    /// One wrong form field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError::Invalid(vec![FieldProblem {
            field: field.to_owned(),
            message: message.into(),
        }])
    }

    /// The message for one form field, when this error names it.
    pub fn problem_with(&self, field: &str) -> Option<String> {
        match self {
            AppError::Invalid(problems) => problems
                .iter()
                .find(|p| p.field == field)
                .map(|p| p.message.clone()),
            _ => None,
        }
    }

    pub fn not_found(what: &str) -> Self {
        AppError::NotFound(format!("{what} was not found."))
    }

    /// The error as a person reads it, in `locale`. The messages this type writes itself are
    /// translated here; the others were written by the server in the request's language already.
    /// (`Display` stays English: the JSON API uses it.)
    pub fn message(&self, locale: Locale) -> String {
        match self {
            AppError::Unauthorized => td_string!(locale, error.unauthorized_text).to_owned(),
            AppError::Forbidden => td_string!(locale, error.forbidden_text).to_owned(),
            AppError::StaleEdit(_) => td_string!(locale, message.error.stale_edit).to_owned(),
            AppError::Internal => td_string!(locale, error.internal_text).to_owned(),
            AppError::Invalid(problems) => {
                list_problems(td_string!(locale, message.error.correct_form), problems)
            }
            other => other.to_string(),
        }
    }

    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotFound(_) => 404,
            AppError::BadRequest(_) => 400,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::Invalid(_) => 422,
            AppError::Conflict(_) | AppError::StaleEdit(_) => 409,
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
    ///
    /// A plain HTML form post (no JavaScript) is the exception: Leptos answers it with a redirect
    /// back to the form's page carrying the error in the URL, and a 4xx status would stop the
    /// browser from following that redirect.
    pub fn respond(self) -> Self {
        use leptos::prelude::use_context;
        if let Some(parts) = use_context::<http::request::Parts>() {
            let html_form_post = parts.method == http::Method::POST
                && parts
                    .headers
                    .get(http::header::ACCEPT)
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|accept| accept.contains("text/html"));
            if html_form_post {
                return self;
            }
        }
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
