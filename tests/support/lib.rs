#![recursion_limit = "512"]
//! Shared test helpers: run the real router on a loopback port against a test database, and read
//! the HTML it serves the way a reader's browser would.

pub mod desk;
pub mod fixtures;

use std::net::SocketAddr;

use app::state::AppState;
use leptos::config::{Env, LeptosOptions};
use scraper::{Html, Selector};
use sqlx::PgPool;

pub struct TestApp {
    pub address: SocketAddr,
    pub client: reqwest::Client,
    pub pool: PgPool,
}

pub struct Page {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub html: Html,
    pub body: String,
}

impl TestApp {
    /// The real router, served over real HTTP on an ephemeral port.
    pub async fn spawn(pool: PgPool) -> TestApp {
        // Generous: tests that walk many pages must not meet the API's limit by accident.
        let api_rate = server::api::RateLimit {
            burst: 10_000,
            refill: std::time::Duration::from_millis(1),
        };
        TestApp::spawn_with_rate_limit(pool, api_rate).await
    }

    /// The real router with this API rate limit.
    pub async fn spawn_with_rate_limit(pool: PgPool, api_rate: server::api::RateLimit) -> TestApp {
        let leptos_options = LeptosOptions::builder()
            .output_name("claimtrack")
            // The built site (cargo leptos build), wherever the tests run from.
            .site_root(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/site"))
            .env(Env::PROD)
            .build();
        let state = AppState {
            pool: pool.clone(),
            leptos_options,
            site: app::site::SiteInfo::default(),
        };
        let router = server::router::build(state, server::auth::AuthConfig::default(), api_rate)
            .into_make_service_with_connect_info::<SocketAddr>();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let address = listener.local_addr().expect("local address");
        tokio::spawn(async move {
            axum::serve(listener, router).await.expect("serve");
        });
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("http client");
        TestApp {
            address,
            client,
            pool,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> Page {
        let response = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.text().await.expect("body");
        Page {
            status,
            headers,
            html: Html::parse_document(&body),
            body,
        }
    }
}

impl Page {
    /// Text of every element matching `css`, whitespace-collapsed.
    pub fn texts(&self, css: &str) -> Vec<String> {
        let selector = Selector::parse(css).expect("valid selector");
        self.html
            .select(&selector)
            .map(|e| {
                e.text()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    pub fn text(&self, css: &str) -> String {
        self.texts(css)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no element matches {css}"))
    }

    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        let selector = Selector::parse(css).expect("valid selector");
        self.html
            .select(&selector)
            .filter_map(|e| e.value().attr(attr).map(str::to_owned))
            .collect()
    }

    pub fn title(&self) -> String {
        self.text("title")
    }

    pub fn meta_description(&self) -> String {
        self.attrs("meta[name=description]", "content")
            .into_iter()
            .next()
            .expect("meta description")
    }
}

/// Seeds the demo data into a test database.
pub async fn seed_demo(pool: &PgPool) {
    server::seed::seed_demo(pool)
        .await
        .expect("demo data loads");
}

/// A published claim with the given slug by the given speaker, for tests that need more claims
/// than the demo has. Returns its id.
pub async fn insert_published_claim(
    pool: &PgPool,
    slug: &str,
    speaker_slug: &str,
    text: &str,
) -> i64 {
    sqlx::query_scalar(
        "insert into claim (slug, speaker_entity_id, kind, text, language, headline, editorial_state, published_at)
         values ($1, (select entity_id from entity where slug = $2), 'paraphrase', $3, 'en', $3, 'published', now())
         returning claim_id",
    )
    .bind(slug)
    .bind(speaker_slug)
    .bind(text)
    .fetch_one(pool)
    .await
    .expect("insert a published claim")
}
