//! Caching and transport: ETags from the data version with 304 on revalidation, public
//! Cache-Control for anonymous readers, private for signed-in users, no cookie on any public
//! response, and compression of pages, JSON and the built assets.

use app::accounts::UserRole;
use claimtrack_tests::desk::{get_as, raw_client, sign_in_as};
use claimtrack_tests::{seed_demo, TestApp};
use reqwest::header::{CACHE_CONTROL, CONTENT_ENCODING, ETAG, IF_NONE_MATCH, SET_COOKIE, VARY};
use sqlx::PgPool;

const ACCUSATION: &str = "/claims/us-accuses-north-korea-of-supplying-weapons-to-russia";

/// Every kind of public response.
const PUBLIC: &[&str] = &[
    "/",
    "/?q=bantah",
    ACCUSATION,
    "/entities/kim-jong-un",
    "/sources/2",
    "/corrections",
    "/methodology",
    "/feed.atom",
    "/sitemap.xml",
    "/robots.txt",
    "/api/v1/claims",
    "/api/v1/claims/kim-will-always-stand-with-russia",
    "/api/v1/entities/kim-jong-un",
    "/api/v1/export/claims.csv",
];

async fn demo_app(pool: PgPool) -> TestApp {
    seed_demo(&pool).await;
    TestApp::spawn(pool).await
}

fn header(response: &reqwest::Response, name: reqwest::header::HeaderName) -> String {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn public_responses_revalidate_with_304_until_the_data_changes(pool: PgPool) {
    let app = demo_app(pool.clone()).await;
    let client = raw_client();
    for path in PUBLIC {
        let first = client.get(app.url(path)).send().await.unwrap();
        assert_eq!(first.status(), 200, "{path}");
        assert_eq!(
            header(&first, CACHE_CONTROL),
            "public, max-age=60, stale-while-revalidate=600",
            "{path}"
        );
        let vary: Vec<&str> = first
            .headers()
            .get_all(VARY)
            .iter()
            .map(|v| v.to_str().unwrap())
            .collect();
        assert!(
            vary.iter().any(|v| v.contains("Cookie")),
            "{path}: {vary:?}"
        );
        assert!(
            first.headers().get(SET_COOKIE).is_none(),
            "{path} sets no cookie"
        );
        let etag = header(&first, ETAG);
        assert!(etag.starts_with("W/\""), "{path}: {etag}");

        let again = client
            .get(app.url(path))
            .header(IF_NONE_MATCH, &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304, "{path}");
        assert_eq!(header(&again, ETAG), etag);
        assert!(again.bytes().await.unwrap().is_empty());
    }

    // A cross-origin script revalidating an API response may read the 304.
    let api = client.get(app.url("/api/v1/claims")).send().await.unwrap();
    let revalidated = client
        .get(app.url("/api/v1/claims"))
        .header("origin", "https://newsroom.example")
        .header(IF_NONE_MATCH, header(&api, ETAG))
        .send()
        .await
        .unwrap();
    assert_eq!(revalidated.status(), 304);
    assert_eq!(
        header(&revalidated, reqwest::header::ACCESS_CONTROL_ALLOW_ORIGIN),
        "*"
    );
    // `*` would match anything; only a real ETag revalidates.
    let star = client
        .get(app.url("/claims/nope"))
        .header(IF_NONE_MATCH, "*")
        .send()
        .await
        .unwrap();
    assert_eq!(star.status(), 404);

    // The same page for another address, or in another language, is another entity.
    let home = client.get(app.url("/")).send().await.unwrap();
    let home_tag = header(&home, ETAG);
    let other = client
        .get(app.url("/?q=x"))
        .header(IF_NONE_MATCH, &home_tag)
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 200);

    // Any change to public data makes every page fresh again.
    sqlx::query(
        "insert into correction (claim_id, note, changed)
         select claim_id, 'Corrected.', '{text}' from claim where slug = 'kim-will-always-stand-with-russia'",
    )
    .execute(&pool)
    .await
    .unwrap();
    let changed = client
        .get(app.url("/"))
        .header(IF_NONE_MATCH, &home_tag)
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), 200);
    assert_ne!(header(&changed, ETAG), home_tag);

    // Errors are not cached.
    let missing = client.get(app.url("/claims/nope")).send().await.unwrap();
    assert_eq!(missing.status(), 404);
    assert!(missing.headers().get(ETAG).is_none());
    assert_eq!(header(&missing, CACHE_CONTROL), "no-cache");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn signed_in_responses_are_private(pool: PgPool) {
    let app = demo_app(pool).await;
    let anonymous = raw_client().get(app.url("/")).send().await.unwrap();
    let public_tag = header(&anonymous, ETAG);
    let editor = sign_in_as(&app, UserRole::Editor).await;
    for path in ["/", ACCUSATION, "/desk", "/desk/review", "/api/v1/claims"] {
        let response = get_as(&app, &editor, path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            header(&response, CACHE_CONTROL),
            "private, no-store",
            "{path}"
        );
        assert!(response.headers().get(ETAG).is_none(), "{path}");
    }
    // A signed-in reader never gets the anonymous copy's 304.
    let response = raw_client()
        .get(app.url("/"))
        .header("cookie", editor.cookie.clone().unwrap())
        .header(IF_NONE_MATCH, &public_tag)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.text().await.unwrap().contains("Review queue"));
    for path in ["/login", "/desk"] {
        let anonymous = raw_client().get(app.url(path)).send().await.unwrap();
        assert_eq!(
            header(&anonymous, CACHE_CONTROL),
            "private, no-store",
            "{path}"
        );
    }
}

/// The built asset of `kind` (js, wasm, css) under its content-hashed name, from the hash file
/// cargo-leptos writes beside the server binary.
fn built_asset(kind: &str) -> String {
    let hashes = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../target/release/hash.txt"
    ))
    .expect("the site is built (cargo leptos build --release)");
    let hash = hashes
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{kind}:")))
        .expect("a hash for each asset")
        .trim();
    format!("/pkg/claimtrack.{hash}.{kind}")
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn pages_json_and_assets_are_compressed(pool: PgPool) {
    let app = demo_app(pool).await;
    let (css, js, wasm) = (built_asset("css"), built_asset("js"), built_asset("wasm"));
    for (path, encoding) in [
        ("/", "br"),
        (ACCUSATION, "gzip"),
        ("/api/v1/claims", "br"),
        ("/feed.atom", "gzip"),
        (css.as_str(), "br"),
        (js.as_str(), "br"),
        (wasm.as_str(), "br"),
    ] {
        let response = raw_client()
            .get(app.url(path))
            .header("accept-encoding", encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{path} (is the site built?)");
        assert_eq!(header(&response, CONTENT_ENCODING), encoding, "{path}");
    }
    let asset = raw_client().get(app.url(&wasm)).send().await.unwrap();
    assert_eq!(
        header(&asset, CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
}
