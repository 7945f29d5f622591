//! `/language/{code}?next=/path`: the language switch in the header. Remembers the reader's
//! choice in a cookie for a year and sends them back to the page they were reading. A plain
//! link, so it works without JavaScript; never cached (see `caching::is_public`).

use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use app::i18n::Locale;
use app::language::LANGUAGE_COOKIE;

const ONE_YEAR: i64 = 365 * 24 * 60 * 60;

#[derive(Deserialize)]
pub struct Back {
    next: Option<String>,
}

/// `secure_cookies`: mark the cookie Secure (the site is served over HTTPS).
pub fn routes(secure_cookies: bool) -> Router {
    Router::new()
        .route("/language/{code}", get(switch_language))
        .with_state(secure_cookies)
}

async fn switch_language(
    State(secure): State<bool>,
    Path(code): Path<String>,
    Query(back): Query<Back>,
) -> Response {
    let Ok(locale) = code.parse::<Locale>() else {
        return (StatusCode::NOT_FOUND, "No such language.").into_response();
    };
    let cookie = cookie::Cookie::build((LANGUAGE_COOKIE, AsRef::<str>::as_ref(&locale)))
        .path("/")
        .max_age(cookie::time::Duration::seconds(ONE_YEAR))
        .same_site(cookie::SameSite::Lax)
        .secure(secure)
        .build();
    let target = local_path(back.next.as_deref());
    (
        [(header::SET_COOKIE, cookie.to_string())],
        Redirect::to(&target),
    )
        .into_response()
}

/// Only a path on this site: anything else (another host, `//host`, `/\host`) goes home, so
/// the switch cannot be used to send readers elsewhere.
fn local_path(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.chars().any(char::is_control) =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path(Some("/claims/x?q=a")), "/claims/x?q=a");
        assert_eq!(local_path(Some("//evil.example")), "/");
        assert_eq!(local_path(Some("/\\evil.example")), "/");
        assert_eq!(local_path(Some("https://evil.example")), "/");
        assert_eq!(local_path(Some("/x\r\nSet-Cookie: a=b")), "/");
        assert_eq!(local_path(None), "/");
    }
}
