//! HTTP caching of what the public reads. Anonymous GETs of public pages, the API, the feed and
//! the sitemap carry an ETag made from the data version (`site_version`, bumped in the same
//! transaction as any public change), the build and the request, and are answered with 304 when
//! the reader already has that version — before anything is rendered. Anything rendered for a
//! signed-in user, and the desk, is `private, no-store`. A public cacheable response never sets
//! a cookie (a shared cache would hand it to everyone).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use sqlx::PgPool;

/// Cached by anyone for a minute; served stale for ten more while revalidating.
pub const PUBLIC: &str = "public, max-age=60, stale-while-revalidate=600";
pub const PRIVATE: &str = "private, no-store";
/// Built assets named by their content hash never change under the same name.
const HASHED_ASSETS: &str = "public, max-age=31536000, immutable";
/// Other static files (the icon, or assets of a build without hashing) may change.
const ASSETS: &str = "public, max-age=300";
/// What else a public response depends on besides its address.
const VARY: &str = "Accept, Accept-Encoding, Accept-Language, Cookie";

#[derive(Clone)]
pub struct CachePolicy {
    pool: PgPool,
    /// Identifies the build: a new wasm bundle or stylesheet changes every page's ETag.
    build: u64,
}

impl CachePolicy {
    /// The build is identified by the server binary and the built assets in `site_pkg`
    /// (`target/site/pkg`): the same on every server that runs it, new with any change.
    pub fn new(pool: PgPool, site_pkg: &Path) -> Self {
        let mut hasher = DefaultHasher::new();
        env!("CARGO_PKG_VERSION").hash(&mut hasher);
        if let Ok(binary) = std::env::current_exe().and_then(std::fs::read) {
            binary.hash(&mut hasher);
        }
        if let Ok(entries) = std::fs::read_dir(site_pkg) {
            let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
            files.sort();
            for file in files {
                file.file_name().hash(&mut hasher);
                if let Ok(bytes) = std::fs::read(&file) {
                    bytes.hash(&mut hasher);
                }
            }
        }
        CachePolicy {
            pool,
            build: hasher.finish(),
        }
    }

    fn etag(&self, version: i64, request: &Request) -> HeaderValue {
        let mut hasher = DefaultHasher::new();
        self.build.hash(&mut hasher);
        // Hashed, not shown: the bare number would tell outsiders how busy the desk is.
        version.hash(&mut hasher);
        request
            .uri()
            .path_and_query()
            .map(|p| p.as_str())
            .hash(&mut hasher);
        // The page's language, as the page will choose it: the reader's saved choice (cookie),
        // else Accept-Language. Two headers that choose the same language share a tag.
        let locale = app::language::locale_from_headers(request.headers());
        AsRef::<str>::as_ref(&locale).hash(&mut hasher);
        header_text(request.headers(), header::ACCEPT).hash(&mut hasher);
        let tag = format!("W/\"{:016x}\"", hasher.finish());
        HeaderValue::from_str(&tag).expect("an ETag is ASCII")
    }
}

/// Paths whose GET responses are the same for every anonymous reader.
fn is_public(path: &str) -> bool {
    const PRIVATE_PREFIXES: [&str; 7] = [
        "/desk",
        "/login",
        "/auth/",
        // The language switch sets a cookie and redirects: never stored by a cache.
        "/language/",
        "/api/desk/",
        "/api/admin/",
        "/api/account/",
    ];
    !PRIVATE_PREFIXES
        .iter()
        .any(|prefix| path.starts_with(prefix))
}

fn is_asset(path: &str) -> bool {
    path.starts_with("/pkg/") || path == "/favicon.svg"
}

/// `/pkg/claimtrack.<hash>.wasm` and the like: a name with a content hash in it.
fn is_hashed_asset(path: &str) -> bool {
    let Some(name) = path.strip_prefix("/pkg/") else {
        return false;
    };
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() >= 3
        && parts[1..parts.len() - 1].iter().any(|part| {
            // cargo-leptos writes the hash in URL-safe base64.
            part.len() >= 16
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> &str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// A request with our session cookie may be rendered for a signed-in user.
fn has_session(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .any(|pair| pair.trim_start().starts_with("claimtrack_session="))
}

/// Does the reader's `If-None-Match` name this ETag? (Weak comparison, as for GET. `*` is
/// ignored: it only makes sense for conditional writes, and would turn a 404 into a 304.)
fn already_has(headers: &HeaderMap, etag: &HeaderValue) -> bool {
    let ours = etag.to_str().unwrap_or("").trim_start_matches("W/");
    header_text(headers, header::IF_NONE_MATCH)
        .split(',')
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == ours)
}

async fn data_version(pool: &PgPool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!("select version from site_version")
        .fetch_one(pool)
        .await
}

pub async fn cache_headers(
    State(policy): State<CachePolicy>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let readable = matches!(*request.method(), Method::GET | Method::HEAD);
    if is_asset(&path) {
        let mut response = next.run(request).await;
        if response.status().is_success() {
            let policy = if is_hashed_asset(&path) {
                HASHED_ASSETS
            } else {
                ASSETS
            };
            set(response.headers_mut(), header::CACHE_CONTROL, policy);
        }
        return response;
    }
    if !readable || !is_public(&path) || has_session(request.headers()) {
        let mut response = next.run(request).await;
        set(response.headers_mut(), header::CACHE_CONTROL, PRIVATE);
        return response;
    }

    let version = match data_version(&policy.pool).await {
        Ok(version) => version,
        Err(error) => {
            // Serve the page anyway, uncached: a cache problem must not take the site down.
            tracing::error!(%error, "data version unavailable");
            let mut response = next.run(request).await;
            set(response.headers_mut(), header::CACHE_CONTROL, PRIVATE);
            return response;
        }
    };
    let etag = policy.etag(version, &request);
    if already_has(request.headers(), &etag) {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::NOT_MODIFIED;
        public_headers(response.headers_mut(), etag);
        // The API's CORS layer sits inside this one; a cross-origin reader revalidating must
        // still be allowed to see the 304.
        if path.starts_with("/api/v1/") {
            set(
                response.headers_mut(),
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                "*",
            );
        }
        return response;
    }

    let mut response = next.run(request).await;
    if response.status() == StatusCode::OK {
        if response.headers_mut().remove(header::SET_COOKIE).is_some() {
            tracing::warn!(
                path,
                "a public response tried to set a cookie; it was dropped"
            );
        }
        public_headers(response.headers_mut(), etag);
    } else {
        // Errors and redirects are not kept: the next request asks again.
        set(response.headers_mut(), header::CACHE_CONTROL, "no-cache");
    }
    response
}

fn public_headers(headers: &mut HeaderMap, etag: HeaderValue) {
    headers.insert(header::ETAG, etag);
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(PUBLIC));
    headers.append(header::VARY, HeaderValue::from_static(VARY));
}

fn set(headers: &mut HeaderMap, name: header::HeaderName, value: &'static str) {
    headers.insert(name, HeaderValue::from_static(value));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_desk_and_sign_in_are_never_public() {
        for path in [
            "/desk",
            "/desk/claims/1",
            "/login",
            "/auth/login",
            "/api/desk/claims/get",
        ] {
            assert!(!is_public(path), "{path}");
        }
        for path in [
            "/",
            "/claims/x",
            "/api/v1/claims",
            "/api/public/claim",
            "/feed.atom",
        ] {
            assert!(is_public(path), "{path}");
        }
    }

    #[test]
    fn only_content_hashed_assets_are_immutable() {
        assert!(is_hashed_asset(
            "/pkg/claimtrack.3ffFIP3OGdPnbeQb4iuxOQ.wasm"
        ));
        assert!(is_hashed_asset("/pkg/claimtrack.vPi-G6HZ7-VVK1IMJLu08A.js"));
        assert!(!is_hashed_asset("/pkg/claimtrack.wasm"));
        assert!(!is_hashed_asset("/pkg/claimtrack_bg.wasm.d.ts"));
        assert!(!is_hashed_asset("/favicon.svg"));
    }

    #[test]
    fn if_none_match_is_compared_weakly_and_in_lists() {
        let etag = HeaderValue::from_static("W/\"7-00ff\"");
        let mut headers = HeaderMap::new();
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"1-aa\", \"7-00ff\""),
        );
        assert!(already_has(&headers, &etag));
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("W/\"6-00ff\""),
        );
        assert!(!already_has(&headers, &etag));
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(!already_has(&headers, &etag));
        assert!(!already_has(&HeaderMap::new(), &etag));
    }

    #[test]
    fn only_our_session_cookie_makes_a_request_private() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("theme=dark; claimtrack_session=abc"),
        );
        assert!(has_session(&headers));
        headers.insert(header::COOKIE, HeaderValue::from_static("lang=id"));
        assert!(!has_session(&headers));
    }
}
