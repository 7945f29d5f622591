#![recursion_limit = "512"]
//! The public site over real HTTP: what a reader (or a crawler) receives, with the demo data
//! loaded into a fresh database.

use claimtrack_tests::{insert_published_claim, seed_demo, TestApp};
use sqlx::PgPool;

const ACCUSATION: &str = "/claims/us-accuses-north-korea-of-supplying-weapons-to-russia";
const DRAFT_SLUG: &str = "south-korea-jo-chun-ryong-toured-munitions-factories";

async fn demo_app(pool: PgPool) -> TestApp {
    seed_demo(&pool).await;
    TestApp::spawn(pool).await
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn home_lists_published_claims_newest_first_with_badges(pool: PgPool) {
    let app = demo_app(pool).await;
    let page = app.get("/").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.title(), "Latest fact-checked claims · Claimtrack");
    let claims = page.attrs("article.claim-card", "data-claim");
    assert!(claims.len() >= 14, "{claims:?}");
    assert_eq!(
        claims[0], "us-accuses-north-korea-of-supplying-weapons-to-russia",
        "newest first"
    );
    assert!(!claims.iter().any(|c| c == DRAFT_SLUG), "a draft is listed");
    let first = page.text("article.claim-card");
    assert!(first.contains("Government of the United States"), "{first}");
    assert!(
        first.contains("U.S. accuses North Korea of supplying weapons to Russia"),
        "{first}"
    );
    assert!(
        first.contains("Unproven") && first.contains("Attribution unverified"),
        "{first}"
    );
    assert!(page.headers.get("x-content-type-options").is_some());
    assert!(page.headers.get("x-request-id").is_some());
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_accusation_page_shows_both_denials_and_the_attribution_chain(pool: PgPool) {
    let app = demo_app(pool).await;
    let page = app.get(ACCUSATION).await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.title(),
        "U.S. accuses North Korea of supplying weapons to Russia · Claimtrack"
    );
    assert!(page
        .meta_description()
        .contains("Government of the United States"));

    let original = page.text("blockquote.claim-text");
    assert!(original.contains("menjual peluru artileri"), "{original}");
    assert_eq!(page.attrs("blockquote.claim-text", "lang"), ["id"]);
    assert!(page
        .text(".translation")
        .contains("selling artillery shells"));

    let denials = page.attrs(".responses__denials article.claim-card", "data-claim");
    assert_eq!(
        denials
            .iter()
            .map(String::as_str)
            .collect::<std::collections::BTreeSet<_>>(),
        [
            "north-korea-denies-arms-supplies-to-russia",
            "russia-denies-north-korean-arms-supplies"
        ]
        .into()
    );
    // The draft that "supports" the accusation stays invisible.
    assert!(page
        .attrs(".responses__confirmations article.claim-card", "data-claim")
        .is_empty());
    assert!(!page.body.contains("Jo Chun Ryong"));

    assert_eq!(
        page.text(".chain__sentence"),
        "Government of the United States made this accusation — according to Associated Press, as relayed by Kompas TV."
    );
    let excerpt = page.text(".appearance mark");
    assert!(excerpt.starts_with("AS menuduh Korea Utara"), "{excerpt}");
    assert!(page.text(".appearance figcaption").contains("menuduh"));
    assert!(page.text(".judgements").contains("Unproven"));
    assert!(page.text(".judgements").contains("Known only second-hand"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_denial_page_says_what_it_denies(pool: PgPool) {
    let app = demo_app(pool).await;
    let page = app
        .get("/claims/russia-denies-north-korean-arms-supplies")
        .await;
    assert_eq!(page.status, 200);
    let related = page.text(".related");
    assert!(
        related.contains("Denies") && related.contains("U.S. accuses North Korea"),
        "{related}"
    );
    assert_eq!(
        page.text(".chain__sentence"),
        "Government of Russia issued this denial — according to Associated Press, as relayed by Kompas TV."
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn drafts_unknown_slugs_and_unknown_pages_are_real_404s(pool: PgPool) {
    let app = demo_app(pool).await;
    for path in [
        format!("/claims/{DRAFT_SLUG}"),
        "/claims/no-such-claim".to_owned(),
        "/entities/no-such-entity".to_owned(),
        "/sources/999999".to_owned(),
        "/sources/not-a-number".to_owned(),
        "/no/such/page".to_owned(),
    ] {
        let page = app.get(&path).await;
        assert_eq!(page.status, 404, "{path}");
        assert!(page.text("h1").contains("Not found"), "{path}");
        assert!(!page.body.contains("Jo Chun Ryong"), "{path}");
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn data_endpoints_never_reveal_drafts(pool: PgPool) {
    let app = demo_app(pool).await;
    let draft = app
        .client
        .get(app.url(&format!("/api/public/claim?slug={DRAFT_SLUG}")))
        .send()
        .await
        .unwrap();
    assert_eq!(draft.status(), 404);
    assert!(!draft.text().await.unwrap().contains("Jo Chun Ryong"));

    let published = app
        .client
        .get(app.url("/api/public/claim?slug=kim-will-always-stand-with-russia"))
        .send()
        .await
        .unwrap();
    assert_eq!(published.status(), 200);
    assert!(published
        .text()
        .await
        .unwrap()
        .contains("front anti-imperialisme"));

    let listing = app
        .client
        .get(app.url("/api/public/claims?filter[speaker]=government-of-south-korea"))
        .send()
        .await
        .unwrap();
    assert_eq!(listing.status(), 200);
    let body: serde_json::Value = serde_json::from_str(&listing.text().await.unwrap()).unwrap();
    assert_eq!(body["claims"].as_array().map(Vec::len), Some(0), "{body}");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn filters_by_speaker_and_verdict_combine(pool: PgPool) {
    let app = demo_app(pool).await;
    let kim = app.get("/?speaker=kim-jong-un").await;
    let speakers = kim.texts("article.claim-card .claim-card__speaker");
    assert_eq!(
        speakers.len(),
        4,
        "three quotes and one paraphrase: {speakers:?}"
    );
    assert!(speakers.iter().all(|s| s == "Kim Jong-un"));

    let unproven = app.get("/?verdict=unproven").await;
    assert_eq!(unproven.attrs("article.claim-card", "data-claim").len(), 3);

    let both = app
        .get("/?speaker=government-of-russia&verdict=unproven")
        .await;
    assert_eq!(
        both.attrs("article.claim-card", "data-claim"),
        ["russia-denies-north-korean-arms-supplies"]
    );

    let none = app.get("/?speaker=kim-jong-un&verdict=false").await;
    assert!(none.attrs("article.claim-card", "data-claim").is_empty());
    assert!(none.text(".empty").contains("No published claims match"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn keyset_pagination_walks_every_claim_once(pool: PgPool) {
    seed_demo(&pool).await;
    for n in 0..25 {
        insert_published_claim(
            &pool,
            &format!("extra-claim-{n}"),
            "matthew-miller",
            &format!("Extra claim {n}"),
        )
        .await;
    }
    let total: i64 =
        sqlx::query_scalar("select count(*) from claim where editorial_state = 'published'")
            .fetch_one(&pool)
            .await
            .unwrap();
    let app = TestApp::spawn(pool).await;

    let mut seen = Vec::new();
    let mut path = "/".to_owned();
    loop {
        let page = app.get(&path).await;
        assert_eq!(page.status, 200);
        let claims = page.attrs("article.claim-card", "data-claim");
        assert!(claims.len() <= 20);
        seen.extend(claims);
        match page.attrs("a.pager__next", "href").into_iter().next() {
            Some(next) => path = next,
            None => break,
        }
    }
    assert_eq!(seen.len() as i64, total);
    let unique: std::collections::BTreeSet<_> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "no claim twice");

    let bad_cursor = app.get("/?after=garbage").await;
    assert_eq!(bad_cursor.status, 400);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_entity_page_tallies_its_claims_by_verdict(pool: PgPool) {
    let app = demo_app(pool).await;
    let page = app.get("/entities/vladimir-putin").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.title(), "Vladimir Putin · Claimtrack");
    assert_eq!(
        page.attrs(".entity-claims article.claim-card", "data-claim")
            .len(),
        4
    );
    let tally: Vec<(String, String)> = page
        .attrs(".tally__row[data-verdict]", "data-verdict")
        .into_iter()
        .zip(page.texts(".tally__row[data-verdict] .tally__count"))
        .collect();
    assert_eq!(
        tally,
        [
            ("not-rated".to_owned(), "3".to_owned()),
            ("none".to_owned(), "1".to_owned())
        ]
    );
    assert!(page.text(".aliases").contains("Владимир Путин"));
    assert_eq!(
        page.attrs(".sameas a", "href"),
        ["https://www.wikidata.org/wiki/Q7747"]
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn source_pages_show_what_they_relay_and_who_relays_them(pool: PgPool) {
    let app = demo_app(pool.clone()).await;
    let kompas_id: i64 = sqlx::query_scalar(
        "select source_id from source s join entity o on o.entity_id = s.outlet_entity_id where o.slug = 'kompas-tv'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let kompas = app.get(&format!("/sources/{kompas_id}")).await;
    assert_eq!(kompas.status, 200);
    assert!(kompas
        .text("h1")
        .starts_with("Kim Jong-un Ungkap Dukungan Penuh"));
    assert!(kompas.text(".facts").contains("Edwin Shri Bimo"));
    assert!(kompas.text(".citations").contains("Associated Press"));
    let claims = kompas.attrs("article.claim-card", "data-claim");
    assert!(
        claims.len() >= 14 && !claims.iter().any(|c| c == DRAFT_SLUG),
        "{claims:?}"
    );

    let ap_href = kompas
        .attrs(".citations a", "href")
        .into_iter()
        .next()
        .unwrap();
    let ap = app.get(&ap_href).await;
    assert_eq!(ap.status, 200);
    assert!(
        ap.text(".citations").contains("Kompas TV"),
        "relayed by Kompas TV"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn output_is_escaped(pool: PgPool) {
    seed_demo(&pool).await;
    // As text, headline and title: closing the <title> early must not work either.
    insert_published_claim(
        &pool,
        "script-claim",
        "matthew-miller",
        "</title><script>alert('x')</script>",
    )
    .await;
    let app = TestApp::spawn(pool).await;
    let page = app.get("/claims/script-claim").await;
    assert_eq!(page.status, 200);
    if let Some(at) = page.body.find("<script>alert('x')</script>") {
        panic!(
            "unescaped at {at}: {}",
            &page.body[at.saturating_sub(300)..(at + 100).min(page.body.len())]
        );
    }
    assert!(page.body.contains("&lt;script&gt;"));
    assert_eq!(
        page.title(),
        "</title><script>alert('x')</script> · Claimtrack",
        "the reader sees the text itself"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn pages_carry_a_content_security_policy_matching_their_script_nonce(pool: PgPool) {
    let app = demo_app(pool).await;
    let page = app.get(ACCUSATION).await;
    let policy = page
        .headers
        .get("content-security-policy")
        .expect("CSP header")
        .to_str()
        .unwrap()
        .to_owned();
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce");
    assert!(
        policy.contains("object-src 'none'") && policy.contains("frame-ancestors 'none'"),
        "{policy}"
    );
    let scripts = page.attrs("script", "nonce");
    assert!(
        !scripts.is_empty() && scripts.iter().all(|n| n == nonce),
        "scripts carry this response's nonce"
    );
    // JSON-LD is a data block, never executed, so it needs no nonce; every other script does.
    assert_eq!(
        page.texts(r#"script:not([type="application/ld+json"])"#)
            .len(),
        scripts.len(),
        "no script without the nonce"
    );
    let other = app.get(ACCUSATION).await;
    assert_ne!(
        other
            .headers
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap(),
        policy,
        "a fresh nonce per response"
    );
}
