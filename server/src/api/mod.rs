//! The public JSON API, `/api/v1/…`: plain axum routes (not Leptos server functions) so that any
//! HTTP client gets JSON whatever it accepts. Read-only and public: only published claims (and
//! retracted ones, with their note) ever appear. Errors are RFC 9457 problem details; CORS is
//! open for GET; each client address is rate-limited (429 with Retry-After).

mod claims;
mod entities;
mod export;
pub mod model;
mod openapi;
mod problem;
mod sources;

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, MethodRouter};
use axum::Router;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};
use tower_http::cors::{Any, CorsLayer};

use app::state::AppState;
pub use openapi::ApiDoc;
pub use problem::Problem;

/// How many requests a client address may make: a burst, then one more per `refill`.
#[derive(Debug, Clone, Copy)]
pub struct RateLimit {
    pub burst: u32,
    pub refill: Duration,
}

impl Default for RateLimit {
    /// 60 requests at once, then two per second: plenty for a newsroom's scripts, not for a scraper
    /// hammering the database.
    fn default() -> Self {
        RateLimit {
            burst: 60,
            refill: Duration::from_millis(500),
        }
    }
}

impl RateLimit {
    /// `CLAIMTRACK_API_BURST` (requests at once, default 60) and `CLAIMTRACK_API_REFILL_MS`
    /// (one more request allowed every so many milliseconds, default 500).
    pub fn from_env() -> Self {
        let defaults = RateLimit::default();
        let number = |name: &str| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.trim().parse::<u64>().ok())
        };
        RateLimit {
            burst: number("CLAIMTRACK_API_BURST")
                .map(|n| n.clamp(1, u32::MAX as u64) as u32)
                .unwrap_or(defaults.burst),
            refill: number("CLAIMTRACK_API_REFILL_MS")
                .map(|ms| Duration::from_millis(ms.max(1)))
                .unwrap_or(defaults.refill),
        }
    }
}

/// Where the API lives.
pub const PREFIX: &str = "/api/v1";

/// Every API route (under `PREFIX`) in one list: the router is built from it and the
/// permission-matrix test enumerates it.
fn endpoints() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/claims", get(claims::list_claims)),
        ("/claims/{slug}", get(claims::get_claim)),
        ("/entities", get(entities::list_entities)),
        ("/entities/{slug}", get(entities::get_entity)),
        ("/sources", get(sources::list_sources)),
        ("/sources/{id}", get(sources::get_source)),
        ("/export/claims.csv", get(export::claims_csv)),
        ("/export/claims.jsonl", get(export::claims_jsonl)),
        ("/openapi.json", get(openapi::openapi_json)),
    ]
}

/// The API's route paths, as registered (for the permission matrix and the OpenAPI check).
pub fn paths() -> Vec<String> {
    endpoints()
        .into_iter()
        .map(|(path, _)| format!("{PREFIX}{path}"))
        .collect()
}

pub fn routes(state: AppState, limit: RateLimit, trusted_proxy: Option<IpAddr>) -> Router {
    let governor = GovernorConfigBuilder::default()
        .period(limit.refill)
        .burst_size(limit.burst.max(1))
        // No x-ratelimit-* headers: they differ per client and responses are publicly cached.
        .key_extractor(ClientAddress { trusted_proxy })
        .finish()
        .expect("a positive rate limit");
    let governor = Arc::new(governor);
    // Forget addresses that have been quiet for a while, so the limiter's memory stays small.
    let limiter = governor.limiter().clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            limiter.retain_recent();
        }
    });
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD, Method::OPTIONS])
        .allow_headers([header::IF_NONE_MATCH, header::ACCEPT])
        .expose_headers([header::ETAG, header::RETRY_AFTER]);
    let api = endpoints()
        .into_iter()
        .fold(Router::new(), |router, (path, handler)| {
            router.route(path, handler)
        })
        // An unknown address or method under the API answers as the API does: a problem.
        .fallback(|| async { Problem::not_found("This API address") })
        .method_not_allowed_fallback(|| async {
            Problem::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "The API is read-only: use GET.",
            )
        })
        .layer(GovernorLayer::new(governor).error_handler(too_many_requests))
        .layer(cors)
        .with_state(state);
    Router::new().nest(PREFIX, api)
}

/// 429 as a problem document, keeping the limiter's Retry-After header.
fn too_many_requests(error: GovernorError) -> Response {
    match error {
        GovernorError::TooManyRequests { wait_time, headers } => {
            let mut response = Problem::new(
                StatusCode::TOO_MANY_REQUESTS,
                format!("Too many requests from your address; try again in {wait_time} s."),
            )
            .into_response();
            if let Some(headers) = headers {
                response.headers_mut().extend(headers);
            }
            response.headers_mut().insert(
                header::RETRY_AFTER,
                header::HeaderValue::from(wait_time.max(1)),
            );
            response
        }
        other => {
            tracing::error!(?other, "rate limiter failed");
            Problem::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "The request could not be checked.",
            )
            .into_response()
        }
    }
}

/// The client's address for rate limiting: the peer, or — only when the peer is the trusted
/// proxy — the address the proxy names in X-Forwarded-For (the same rule as sign-in limiting).
#[derive(Debug, Clone)]
struct ClientAddress {
    trusted_proxy: Option<IpAddr>,
}

impl KeyExtractor for ClientAddress {
    type Key = IpAddr;

    fn extract<T>(&self, request: &axum::http::Request<T>) -> Result<Self::Key, GovernorError> {
        let peer = request
            .extensions()
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|info| info.0.ip())
            .ok_or(GovernorError::UnableToExtractKey)?;
        if Some(peer) != self.trusted_proxy {
            return Ok(peer);
        }
        Ok(crate::auth::forwarded_client(request.headers()).unwrap_or(peer))
    }
}
