#![recursion_limit = "512"]
//! English and Bahasa Indonesia: the page language follows the reader's saved choice (the
//! header switch sets a cookie), else Accept-Language, else English. Claim texts stay in their
//! own language; rating names come from the rating table's EN/ID columns.

use std::collections::BTreeSet;

use claimtrack_tests::desk::raw_client;
use claimtrack_tests::{seed_demo, TestApp};
use reqwest::header::{
    ACCEPT_LANGUAGE, CACHE_CONTROL, COOKIE, ETAG, IF_NONE_MATCH, LOCATION, SET_COOKIE,
};
use scraper::{Html, Selector};
use sqlx::PgPool;

const ACCUSATION: &str = "/claims/us-accuses-north-korea-of-supplying-weapons-to-russia";
const INDONESIAN: &str = "id-ID,id;q=0.9,en;q=0.8";

async fn demo_app(pool: PgPool) -> TestApp {
    seed_demo(&pool).await;
    TestApp::spawn(pool).await
}

struct Reply {
    status: u16,
    headers: reqwest::header::HeaderMap,
    html: Html,
    body: String,
}

impl Reply {
    fn texts(&self, css: &str) -> Vec<String> {
        let selector = Selector::parse(css).unwrap();
        self.html
            .select(&selector)
            .map(|e| e.text().collect::<Vec<_>>().join(" "))
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    fn text(&self, css: &str) -> String {
        self.texts(css).join(" | ")
    }

    fn attr(&self, css: &str, name: &str) -> String {
        let selector = Selector::parse(css).unwrap();
        self.html
            .select(&selector)
            .find_map(|e| e.value().attr(name).map(str::to_owned))
            .unwrap_or_default()
    }

    fn header(&self, name: reqwest::header::HeaderName) -> String {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    }
}

async fn get(app: &TestApp, path: &str, headers: &[(reqwest::header::HeaderName, &str)]) -> Reply {
    let mut request = raw_client().get(app.url(path));
    for (name, value) in headers {
        request = request.header(name.clone(), *value);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.text().await.unwrap();
    Reply {
        status,
        headers,
        html: Html::parse_document(&body),
        body,
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_claim_page_reads_in_indonesian_for_an_indonesian_browser(pool: PgPool) {
    let app = demo_app(pool.clone()).await;
    let page = get(&app, ACCUSATION, &[(ACCEPT_LANGUAGE, INDONESIAN)]).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.attr("html", "lang"), "id");

    // Interface text in Indonesian …
    assert_eq!(page.text("#verdict-heading"), "Akuratkah?");
    assert_eq!(
        page.text("#attribution-heading"),
        "Benarkah ia mengatakannya?"
    );
    assert_eq!(
        page.text("#chain-heading"),
        "Bagaimana klaim ini sampai kepada kami"
    );
    assert!(page.text(".site-nav").contains("Klaim terbaru"));
    assert!(page
        .text(".site-footer")
        .contains("disetujui oleh editor yang berbeda"));
    assert_eq!(
        page.text(".chain__sentence"),
        "Government of the United States melontarkan tuduhan ini — menurut Associated Press, sebagaimana diteruskan oleh Kompas TV."
    );
    assert!(page.text(".badge__kicker").starts_with("Penilaian"));
    assert!(page.text(".claim-page__updated").starts_with("Terbit "));
    // … the rating's name from the rating table's Indonesian column …
    let slug = page.attr(".judgements [data-verdict]", "data-verdict");
    let label_id: String = sqlx::query_scalar("select label_id from rating where slug = $1")
        .bind(&slug)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(page.text(".judgements").contains(&label_id), "{slug}");
    assert_eq!(
        page.text(".judgements .badge--attribution"),
        "Atribusi belum diverifikasi"
    );
    // … while the claim itself keeps its own words and language.
    assert_eq!(page.attr("blockquote.claim-text", "lang"), "id");
    assert!(page
        .text("blockquote.claim-text")
        .contains("menjual peluru artileri"));
    assert!(page
        .text(".translation")
        .contains("selling artillery shells"));
    assert_eq!(page.attr("meta[property='og:locale']", "content"), "id_ID");
    assert_eq!(
        page.attr("meta[property='og:locale:alternate']", "content"),
        "en_GB"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn english_is_the_default_and_the_fallback(pool: PgPool) {
    let app = demo_app(pool).await;
    for accept in ["", "de-DE,fr;q=0.8", "en-US"] {
        let page = get(&app, ACCUSATION, &[(ACCEPT_LANGUAGE, accept)]).await;
        assert_eq!(page.attr("html", "lang"), "en", "{accept}");
        assert_eq!(page.text("#verdict-heading"), "Is it accurate?", "{accept}");
    }
    // Preference order counts, not position.
    let page = get(&app, "/", &[(ACCEPT_LANGUAGE, "en;q=0.3, id;q=0.9")]).await;
    assert_eq!(page.attr("html", "lang"), "id");
    assert_eq!(page.text("h1"), "Klaim terbaru");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_switch_remembers_the_choice_and_comes_back(pool: PgPool) {
    let app = demo_app(pool).await;
    let switch = get(&app, &format!("/language/id?next={ACCUSATION}"), &[]).await;
    assert_eq!(switch.status, 303);
    assert_eq!(switch.header(LOCATION), ACCUSATION);
    assert_eq!(switch.header(CACHE_CONTROL), "private, no-store");
    let cookie = switch.header(SET_COOKIE);
    assert!(cookie.starts_with("claimtrack_lang=id"), "{cookie}");
    assert!(
        cookie.contains("Path=/") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(cookie.contains("Max-Age=31536000"), "{cookie}");

    // The cookie wins over the browser's languages; the page itself sets no cookie.
    let chosen = [(COOKIE, "claimtrack_lang=id"), (ACCEPT_LANGUAGE, "en-GB")];
    let page = get(&app, ACCUSATION, &chosen).await;
    assert_eq!(page.attr("html", "lang"), "id");
    assert_eq!(page.text("#verdict-heading"), "Akuratkah?");
    assert!(page.headers.get(SET_COOKIE).is_none());
    assert!(page.header(CACHE_CONTROL).starts_with("public"));
    // The switch links back to the same page in either language.
    let links: BTreeSet<String> = page
        .html
        .select(&Selector::parse(".language-switch a").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert!(links.contains(&format!(
        "/language/en?next={}",
        ACCUSATION.replace('/', "%2F")
    )));

    // Each language has its own ETag: a cached English page never answers an Indonesian reader.
    let english = get(&app, ACCUSATION, &[(ACCEPT_LANGUAGE, "en-GB")]).await;
    assert_ne!(english.header(ETAG), page.header(ETAG));
    let revalidated = raw_client()
        .get(app.url(ACCUSATION))
        .header(COOKIE, "claimtrack_lang=id")
        .header(IF_NONE_MATCH, english.header(ETAG))
        .send()
        .await
        .unwrap();
    assert_eq!(revalidated.status(), 200);

    // Unknown languages and foreign destinations go nowhere.
    assert_eq!(get(&app, "/language/fr?next=/", &[]).await.status, 404);
    let away = get(&app, "/language/en?next=//evil.example/x", &[]).await;
    assert_eq!(away.header(LOCATION), "/");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn public_pages_and_messages_follow_the_language(pool: PgPool) {
    let app = demo_app(pool).await;
    let id = [(ACCEPT_LANGUAGE, "id")];
    let methodology = get(&app, "/methodology", &id).await;
    assert_eq!(methodology.text("h1"), "Cara kami memeriksa klaim");
    assert!(methodology.text(".scale").contains("Belum terbukti"));
    assert!(methodology
        .text(".scale")
        .contains("Pernyataan tidak akurat."));
    assert!(methodology.text(".statuses").contains("Salah atribusi"));

    let entity = get(&app, "/entities/kim-jong-un", &id).await;
    assert!(entity.text("#claims-heading").starts_with("Klaim oleh"));
    assert!(entity.text("#tally-heading").contains("klaim terbit"));

    let corrections = get(&app, "/corrections", &id).await;
    assert_eq!(corrections.text("h1"), "Koreksi");

    let missing = get(&app, "/claims/no-such-claim", &id).await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.text(".error-page h1"), "Tidak ditemukan");

    // A bad search explains itself in the reader's language; the API stays in English.
    let bad = get(&app, "/?from=13/09/2023", &id).await;
    assert_eq!(bad.status, 400);
    assert!(
        bad.body.contains("TTTT-BB-HH"),
        "{}",
        bad.text(".error-page")
    );
    let api = get(&app, "/api/v1/claims?from=13/09/2023", &id).await;
    assert_eq!(api.status, 400);
    assert!(api.body.contains("YYYY-MM-DD"));

    let home = get(&app, "/?q=bantah", &id).await;
    assert_eq!(home.text(".results-heading"), "Hasil untuk “bantah”");
    assert_eq!(
        home.attr("#search-q", "placeholder"),
        "Cari klaim dan pembicara…"
    );
}

/// Both translation files name the same keys, and no text is left empty.
#[test]
fn every_key_is_translated_in_both_languages() {
    fn keys(value: &serde_json::Value, prefix: &str, out: &mut BTreeSet<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    keys(value, &format!("{prefix}{key}."), out);
                }
            }
            serde_json::Value::String(text) => {
                assert!(!text.trim().is_empty(), "{prefix} is empty");
                out.insert(prefix.trim_end_matches('.').to_owned());
            }
            other => panic!("{prefix}: unexpected {other}"),
        }
    }
    let read = |language: &str| {
        let path = format!(
            "{}/../app/locales/{language}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut out = BTreeSet::new();
        keys(&json, "", &mut out);
        out
    };
    let (english, indonesian) = (read("en"), read("id"));
    assert!(english.len() > 200, "{}", english.len());
    assert_eq!(
        english
            .symmetric_difference(&indonesian)
            .collect::<Vec<_>>(),
        Vec::<&String>::new()
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_desk_reads_in_indonesian_too(pool: PgPool) {
    use app::accounts::UserRole;
    use claimtrack_tests::desk::sign_in_as;

    let app = demo_app(pool).await;
    let editor = sign_in_as(&app, UserRole::Editor).await;
    let session = editor.cookie.clone().expect("signed in");
    let cookies = format!("{session}; claimtrack_lang=id");
    let home = get(&app, "/desk", &[(COOKIE, &cookies)]).await;
    assert_eq!(home.status, 200);
    assert_eq!(home.attr("html", "lang"), "id");
    assert_eq!(home.text("h1"), "Meja redaksi");
    assert!(home.body.contains("Draf saya"), "{}", home.text("main"));
    assert!(
        home.text(".account").contains("Editor"),
        "{}",
        home.text(".account")
    );
    // A proposal's "from → to" uses the rating table's Indonesian name.
    let editor_page = get(&app, "/desk/claims/1", &[(COOKIE, &cookies)]).await;
    assert!(
        editor_page
            .text(".proposal__change")
            .contains("Belum terbukti"),
        "{}",
        editor_page.text(".proposal__change")
    );
    let review = get(&app, "/desk/review", &[(COOKIE, &cookies)]).await;
    assert_eq!(review.attr("html", "lang"), "id");
    assert!(review.header(CACHE_CONTROL).starts_with("private"));

    let login = get(&app, "/login", &[(ACCEPT_LANGUAGE, "id")]).await;
    assert_eq!(login.text("button[type=submit]"), "Masuk");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn desk_form_messages_follow_the_language(pool: PgPool) {
    use app::accounts::UserRole;
    use claimtrack_tests::desk::sign_in_as;

    let app = demo_app(pool).await;
    let checker = sign_in_as(&app, UserRole::FactChecker).await;
    let session = checker.cookie.clone().expect("signed in");
    let create = |cookies: String| {
        raw_client()
            .post(app.url("/api/desk/entities/create"))
            .header(reqwest::header::ORIGIN, format!("http://{}", app.address))
            .header(COOKIE, cookies)
            .form(&[
                ("form[name]", ""),
                ("form[kind]", "person"),
                ("stay", "true"),
            ])
            .send()
    };
    let indonesian = create(format!("{session}; claimtrack_lang=id"))
        .await
        .unwrap();
    assert!(indonesian.status().is_client_error());
    let body = indonesian.text().await.unwrap();
    assert!(
        body.contains("Tulis nama yang dikenal pembaca (1–200 karakter)."),
        "{body}"
    );
    let english = create(session.clone()).await.unwrap();
    let body = english.text().await.unwrap();
    assert!(
        body.contains("Write the name readers know (1–200 characters)."),
        "{body}"
    );
}
