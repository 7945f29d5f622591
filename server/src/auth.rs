//! Signing in and out, sessions in PostgreSQL, login rate limiting and the cross-site request
//! guard. `POST /auth/login` and `POST /auth/logout` are plain form posts so they work without
//! JavaScript; a refused sign-in re-renders the login page with the right status (401, 429).

use std::net::{IpAddr, SocketAddr};

use argon2::password_hash::{PasswordHash, PasswordVerifier};
use argon2::Argon2;
use axum::body::Body;
use axum::extract::{ConnectInfo, FromRequest, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Router};
use chrono::Utc;
use http::{header, Method, StatusCode};
use serde::Deserialize;
use sqlx::PgPool;
use tower::ServiceExt;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, Session, SessionManagerLayer};

use crate::session_store::PostgresSessionStore;

use app::accounts::session::{SignIn, SESSION_KEY};

/// Failed sign-ins allowed per account, and per client address, within the window.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_CLIENT: i64 = 20;
pub const FAILURE_WINDOW_MINUTES: i32 = 15;

/// How sessions and client addresses are handled; see the README.
#[derive(Debug, Clone, Default)]
pub struct AuthConfig {
    /// Mark the cookie Secure (set when the site is served over HTTPS).
    pub secure_cookies: bool,
    /// Only a request from this proxy may name the client in X-Forwarded-For.
    pub trusted_proxy: Option<IpAddr>,
}

impl AuthConfig {
    pub fn from_env() -> Self {
        AuthConfig {
            secure_cookies: std::env::var("CLAIMTRACK_SECURE_COOKIES")
                .is_ok_and(|v| v == "true" || v == "1"),
            trusted_proxy: std::env::var("CLAIMTRACK_TRUSTED_PROXY")
                .ok()
                .and_then(|v| v.parse().ok()),
        }
    }
}

pub fn session_layer(
    pool: PgPool,
    config: &AuthConfig,
) -> SessionManagerLayer<PostgresSessionStore> {
    SessionManagerLayer::new(PostgresSessionStore::new(pool))
        .with_name("claimtrack_session")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(config.secure_cookies)
        .with_expiry(Expiry::OnInactivity(time::Duration::hours(8)))
}

#[derive(Clone)]
pub struct AuthState {
    pub pool: PgPool,
    /// The page router, to render the login page again after a refused sign-in.
    pub pages: Router,
    pub config: AuthConfig,
}

#[derive(Deserialize)]
pub struct LoginForm {
    username: String,
    password: String,
    #[serde(default)]
    next: String,
}

/// Why a sign-in was refused, as the login page's `error` parameter and the HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    Invalid,
    TooMany,
}

/// Only same-site paths: never an absolute URL or a scheme-relative `//host`.
pub fn safe_next(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\") {
        next
    } else {
        "/"
    }
}

/// The address our proxy put last in X-Forwarded-For: the last hop of the last header line.
/// Earlier lines and hops come from the client and can say anything.
pub fn forwarded_client(headers: &http::HeaderMap) -> Option<IpAddr> {
    headers
        .get_all("x-forwarded-for")
        .iter()
        .next_back()
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .and_then(|v| v.trim().parse::<IpAddr>().ok())
}

/// The client's address: the peer, or the last X-Forwarded-For hop when the peer is our proxy.
fn client_address(request: &Request, config: &AuthConfig) -> String {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    if let (Some(peer), Some(proxy)) = (peer, config.trusted_proxy) {
        if peer == proxy {
            if let Some(client) = forwarded_client(request.headers()) {
                return client.to_string();
            }
        }
    }
    peer.map(|ip| ip.to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

pub async fn login(State(auth): State<AuthState>, request: Request) -> Response {
    let client = client_address(&request, &auth.config);
    let Some(session) = request.extensions().get::<Session>().cloned() else {
        tracing::error!("login without the session layer");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let extensions = request.extensions().clone();
    let Ok(Form(form)) = Form::<LoginForm>::from_request(request, &()).await else {
        return (StatusCode::BAD_REQUEST, "The sign-in form was incomplete.").into_response();
    };
    let next = safe_next(&form.next).to_owned();
    match sign_in(&auth.pool, &session, &form, &client).await {
        Ok(()) => Redirect::to(&next).into_response(),
        Err(Ok(refusal)) => render_login_page(&auth.pages, extensions, refusal, &next).await,
        Err(Err(error)) => {
            tracing::error!(%error, "sign-in failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

pub async fn logout(session: Session) -> Response {
    // Deletes the session from the store: the old cookie is worthless from now on.
    if let Err(error) = session.flush().await {
        tracing::error!(%error, "could not end the session");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    Redirect::to("/").into_response()
}

type SignInResult = Result<(), Result<Refusal, anyhow::Error>>;

async fn sign_in(pool: &PgPool, session: &Session, form: &LoginForm, client: &str) -> SignInResult {
    let username = form.username.trim().to_lowercase();
    let failures = sqlx::query!(
        r#"
        select count(*) filter (where username = $1) as "by_account!",
               count(*) filter (where client_address = $2) as "by_client!"
          from login_attempt
         where not succeeded and attempted_at > now() - make_interval(mins => $3)
           and (username = $1 or client_address = $2)
        "#,
        username,
        client,
        FAILURE_WINDOW_MINUTES
    )
    .fetch_one(pool)
    .await
    .map_err(|e| Err(e.into()))?;
    if failures.by_account >= MAX_FAILURES_PER_ACCOUNT
        || failures.by_client >= MAX_FAILURES_PER_CLIENT
    {
        record_attempt(pool, &username, client, false)
            .await
            .map_err(Err)?;
        return Err(Ok(Refusal::TooMany));
    }

    let user = sqlx::query!(
        "select app_user_id, password_hash from app_user where username = $1 and disabled_at is null",
        username
    )
    .fetch_optional(pool)
    .await
    .map_err(|e| Err(e.into()))?;
    let stored_hash = user.as_ref().and_then(|u| u.password_hash.clone());
    let password = form.password.clone();
    let verified =
        tokio::task::spawn_blocking(move || verify_password(&password, stored_hash.as_deref()))
            .await
            .map_err(|e| Err(e.into()))?;
    let (Some(user), true) = (user, verified) else {
        record_attempt(pool, &username, client, false)
            .await
            .map_err(Err)?;
        return Err(Ok(Refusal::Invalid));
    };

    // A new session id at sign-in: an id planted before sign-in is worthless after it.
    session.cycle_id().await.map_err(|e| Err(e.into()))?;
    let sign_in = SignIn {
        user_id: user.app_user_id,
        signed_in_at: Utc::now(),
    };
    session
        .insert(SESSION_KEY, sign_in)
        .await
        .map_err(|e| Err(e.into()))?;
    record_attempt(pool, &username, client, true)
        .await
        .map_err(Err)?;
    Ok(())
}

/// Argon2id verification. Without a stored hash (unknown user, no password) a fixed dummy hash
/// is checked instead, so the answer takes as long either way.
fn verify_password(password: &str, stored_hash: Option<&str>) -> bool {
    const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$ZmDPG4a0Sh2VfHd3E5LSy6V2NdLMn7pxOR1IvVYZxWw";
    let Ok(parsed) = PasswordHash::new(stored_hash.unwrap_or(DUMMY)) else {
        return false;
    };
    let matches = Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    matches && stored_hash.is_some()
}

async fn record_attempt(
    pool: &PgPool,
    username: &str,
    client: &str,
    succeeded: bool,
) -> Result<(), anyhow::Error> {
    let username: String = username.chars().take(300).collect();
    sqlx::query!(
        "insert into login_attempt (username, client_address, succeeded) values ($1, $2, $3)",
        username,
        client,
        succeeded
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// The login page with the refusal explained, rendered by the page router with the status that
/// fits. The original request's extensions (its session) travel along.
async fn render_login_page(
    pages: &Router,
    extensions: http::Extensions,
    refusal: Refusal,
    next: &str,
) -> Response {
    let (code, status) = match refusal {
        Refusal::Invalid => ("invalid", StatusCode::UNAUTHORIZED),
        Refusal::TooMany => ("too_many", StatusCode::TOO_MANY_REQUESTS),
    };
    let mut extensions = extensions;
    extensions.insert(app::pages::login::LoginRefusal {
        code: code.to_owned(),
        next: next.to_owned(),
    });
    let request = Request::builder()
        .method(Method::GET)
        .uri("/auth/login")
        .header(header::ACCEPT, "text/html")
        .header(header::HOST, "localhost")
        .body(Body::empty());
    let Ok(mut request) = request else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    *request.extensions_mut() = extensions;
    match pages.clone().oneshot(request).await {
        Ok(mut response) => {
            *response.status_mut() = status;
            if refusal == Refusal::TooMany {
                let retry = (FAILURE_WINDOW_MINUTES * 60).to_string();
                if let Ok(value) = http::HeaderValue::from_str(&retry) {
                    response.headers_mut().insert(header::RETRY_AFTER, value);
                }
            }
            response
        }
        Err(never) => match never {},
    }
}

/// CSRF protection for every state-changing request: browsers say where a request comes from
/// (Sec-Fetch-Site, or at least Origin); a cross-site POST, PUT, PATCH or DELETE is refused.
pub async fn refuse_cross_site(request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let cross_site = match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        Some(site) => !matches!(site, "same-origin" | "none"),
        None => match (headers.get(header::ORIGIN), headers.get(header::HOST)) {
            (Some(origin), Some(host)) => {
                let origin = origin.to_str().unwrap_or_default();
                let origin_host = origin
                    .split_once("://")
                    .map(|(_, rest)| rest)
                    .unwrap_or("null");
                Some(origin_host) != host.to_str().ok()
            }
            (Some(_), None) => true,
            (None, _) => false,
        },
    };
    if cross_site {
        return (
            StatusCode::FORBIDDEN,
            "Cross-site requests cannot change anything here.",
        )
            .into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(safe_next("/desk"), "/desk");
        assert_eq!(safe_next("https://evil.example/"), "/");
        assert_eq!(safe_next("//evil.example/"), "/");
        assert_eq!(safe_next("/\\evil.example/"), "/");
        assert_eq!(safe_next(""), "/");
    }

    #[test]
    fn the_dummy_hash_never_lets_anyone_in() {
        assert!(!verify_password("password", None));
        let hash = {
            use argon2::password_hash::{rand_core::OsRng, PasswordHasher, SaltString};
            Argon2::default()
                .hash_password(b"correct horse battery", &SaltString::generate(&mut OsRng))
                .unwrap()
                .to_string()
        };
        assert!(verify_password("correct horse battery", Some(&hash)));
        assert!(!verify_password("wrong horse battery", Some(&hash)));
    }
}
