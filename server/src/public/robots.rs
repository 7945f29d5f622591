//! `/robots.txt`: crawl the public pages, not the desk or the sign-in forms; find every claim
//! through the sitemap.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

use app::state::AppState;

pub async fn robots_txt(State(state): State<AppState>) -> impl IntoResponse {
    let body = format!(
        "User-agent: *\nDisallow: /desk\nDisallow: /login\nDisallow: /auth/\nDisallow: /api/\nDisallow: /language/\n\nSitemap: {}\n",
        state.site.url("/sitemap.xml")
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body)
}
