//! Public documents for machines that are not pages: `/robots.txt`, `/sitemap.xml` and
//! `/feed.atom`. Plain axum routes: they answer with XML or text, never with the app shell.
//! Like the pages, they only ever read published (and retracted, with their note) claims.

mod feed;
mod robots;
mod sitemap;

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, MethodRouter};
use axum::Router;

use app::state::AppState;

/// Every document route, in one list: the router is built from it and the permission matrix
/// test enumerates it, so a new route cannot go unclassified.
fn documents() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/robots.txt", get(robots::robots_txt)),
        ("/sitemap.xml", get(sitemap::sitemap_xml)),
        ("/feed.atom", get(feed::feed_atom)),
    ]
}

/// The paths of the document routes (for the permission matrix).
pub fn paths() -> Vec<&'static str> {
    documents().into_iter().map(|(path, _)| path).collect()
}

pub fn routes(state: AppState) -> Router {
    documents()
        .into_iter()
        .fold(Router::new(), |router, (path, handler)| {
            router.route(path, handler)
        })
        .with_state(state)
}

/// A document with its media type; a failed query is logged and answered with a bare 500.
fn document(content_type: &'static str, body: Result<String, sqlx::Error>) -> Response {
    match body {
        Ok(body) => ([(header::CONTENT_TYPE, content_type)], body).into_response(),
        Err(error) => {
            tracing::error!(%error, "public document query failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
