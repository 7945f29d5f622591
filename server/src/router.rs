//! The HTTP surface: Leptos pages and server functions, sign-in routes, the public JSON API and
//! documents (feed, sitemap), static files, and the
//! layers every response passes through (sessions, CSRF guard, compression, security headers,
//! request ids, tracing).

use axum::routing::post;
use axum::Router;
use http::{header, HeaderName, HeaderValue};
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::auth::{self, AuthConfig, AuthState};
use app::state::AppState;
use app::{shell, App};

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The whole application. Serve it with `into_make_service_with_connect_info::<SocketAddr>()`
/// so that login rate limiting knows the client's address.
pub fn build(state: AppState, config: AuthConfig, api_rate: crate::api::RateLimit) -> Router {
    let api = crate::api::routes(state.clone(), api_rate, config.trusted_proxy);
    let sessions = auth::session_layer(state.pool.clone(), &config);
    let site_pkg = std::path::Path::new(state.leptos_options.site_root.as_ref())
        .join(state.leptos_options.site_pkg_dir.as_ref());
    let cache = crate::caching::CachePolicy::new(state.pool.clone(), &site_pkg);
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    let pages = Router::new()
        .leptos_routes_with_context(&state, routes, || (), move || shell(options.clone()))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .with_state(state.clone());
    let language = crate::language::routes(config.secure_cookies);
    let sign_in = Router::new()
        .route("/auth/login", post(auth::login))
        .route("/auth/logout", post(auth::logout))
        .with_state(AuthState {
            pool: state.pool.clone(),
            pages: pages.clone(),
            config,
        });
    sign_in
        .merge(language)
        .merge(crate::public::routes(state.clone()))
        .merge(api)
        .merge(pages)
        .layer(axum::middleware::from_fn(auth::refuse_cross_site))
        .layer(sessions)
        // Outside the session layer, so that no cookie can slip into a public response.
        .layer(axum::middleware::from_fn_with_state(
            cache,
            crate::caching::cache_headers,
        ))
        .layer(CompressionLayer::new())
        .layer(security_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(security_header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(security_header(
            header::REFERRER_POLICY,
            "strict-origin-when-cross-origin",
        ))
        .layer(security_header(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(TraceLayer::new_for_http())
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}

fn security_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}
