//! What machines read: ClaimReview JSON-LD that matches the page, Open Graph and Twitter tags,
//! the sitemap, robots.txt and the Atom feed (parsed back with an independent feed library);
//! and the public pages that explain and account for our work: methodology, corrections, entity.

use claimtrack_tests::{seed_demo, Page, TestApp};
use serde_json::Value;
use sqlx::PgPool;

const ACCUSATION: &str = "us-accuses-north-korea-of-supplying-weapons-to-russia";
const BASE: &str = "http://localhost:3000";

async fn demo_app(pool: PgPool) -> TestApp {
    seed_demo(&pool).await;
    TestApp::spawn(pool).await
}

fn json_ld(page: &Page) -> Vec<Value> {
    let selector = scraper::Selector::parse(r#"script[type="application/ld+json"]"#).unwrap();
    page.html
        .select(&selector)
        .map(|script| {
            let text: String = script.text().collect();
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("valid JSON-LD: {e}: {text}"))
        })
        .collect()
}

fn meta(page: &Page, attribute: &str, name: &str) -> String {
    page.attrs(&format!(r#"meta[{attribute}="{name}"]"#), "content")
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("meta {name}"))
}

fn is_timestamp(value: &Value) -> bool {
    value
        .as_str()
        .is_some_and(|s| chrono::DateTime::parse_from_rfc3339(s).is_ok())
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn claim_review_has_the_required_fields_and_matches_the_page(pool: PgPool) {
    let app = demo_app(pool).await;
    let page = app.get(&format!("/claims/{ACCUSATION}")).await;
    assert_eq!(page.status, 200);
    let blocks = json_ld(&page);
    assert_eq!(blocks.len(), 1, "one ClaimReview");
    let review = &blocks[0];

    assert_eq!(review["@context"], "https://schema.org");
    assert_eq!(review["@type"], "ClaimReview");
    let url = format!("{BASE}/claims/{ACCUSATION}");
    assert_eq!(review["url"], url.as_str());
    assert_eq!(page.attrs("link[rel=canonical]", "href"), vec![url.clone()]);

    // claimReviewed: the short claim as the page's heading shows it, without the rating.
    let claim_reviewed = review["claimReviewed"].as_str().unwrap();
    assert!(claim_reviewed.chars().count() <= 75);
    assert_eq!(claim_reviewed, page.text("h1"));
    let verdict_on_page = page.text(".judgement .badge--verdict");
    assert!(verdict_on_page.contains("Unproven"), "{verdict_on_page}");
    assert!(!claim_reviewed.contains("Unproven"));

    // reviewRating: the rating's name as the page shows it; no score for "Unproven".
    assert_eq!(review["reviewRating"]["@type"], "Rating");
    assert_eq!(review["reviewRating"]["alternateName"], "Unproven");
    assert!(review["reviewRating"].get("ratingValue").is_none());

    assert_eq!(review["author"]["@type"], "Organization");
    assert_eq!(review["author"]["name"], "Claimtrack");
    assert!(is_timestamp(&review["datePublished"]));
    assert!(is_timestamp(&review["dateModified"]));
    assert!(review["dateModified"].as_str() >= review["datePublished"].as_str());
    assert_eq!(review["inLanguage"], "en");

    // itemReviewed: the claim, its speaker as the page names them, and where it appeared.
    let claim = &review["itemReviewed"];
    assert_eq!(claim["@type"], "Claim");
    assert_eq!(
        claim["author"]["name"],
        page.text(".claim-page__speaker a").as_str()
    );
    assert_eq!(claim["author"]["@type"], "GovernmentOrganization");
    let appearances = claim["appearance"].as_array().expect("appearances");
    let sources_on_page = page.texts(".appearance figcaption > a:first-child");
    assert_eq!(appearances.len(), sources_on_page.len());
    for (work, source) in appearances.iter().zip(&sources_on_page) {
        assert_eq!(work["headline"], source.as_str());
        assert_eq!(work["@type"], "CreativeWork");
    }
    assert_eq!(claim["firstAppearance"], appearances[0]);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_scored_verdict_and_a_known_speaker_are_described_fully(pool: PgPool) {
    seed_demo(&pool).await;
    sqlx::query(
        "update claim set rating_id = (select rating_id from rating where slug = 'mostly-false')
          where slug = 'putin-no-rush-on-military-cooperation'",
    )
    .execute(&pool)
    .await
    .unwrap();
    let app = TestApp::spawn(pool).await;
    let page = app
        .get("/claims/putin-no-rush-on-military-cooperation")
        .await;
    let review = &json_ld(&page)[0];
    let rating = &review["reviewRating"];
    assert_eq!(rating["alternateName"], "Mostly false");
    assert_eq!(rating["ratingValue"], 2);
    assert_eq!(rating["bestRating"], 5);
    assert_eq!(rating["worstRating"], 1);
    let author = &review["itemReviewed"]["author"];
    assert_eq!(author["@type"], "Person");
    assert_eq!(author["name"], "Vladimir Putin");
    assert_eq!(author["sameAs"], "https://www.wikidata.org/wiki/Q7747");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn claim_pages_describe_themselves_to_link_previews(pool: PgPool) {
    let app = demo_app(pool).await;
    let page = app.get(&format!("/claims/{ACCUSATION}")).await;
    assert_eq!(meta(&page, "property", "og:type"), "article");
    assert_eq!(meta(&page, "property", "og:title"), page.text("h1"));
    assert_eq!(
        meta(&page, "property", "og:url"),
        format!("{BASE}/claims/{ACCUSATION}")
    );
    assert!(meta(&page, "property", "og:description").contains("Unproven"));
    assert_eq!(meta(&page, "name", "twitter:card"), "summary");
    assert_eq!(meta(&page, "name", "twitter:title"), page.text("h1"));

    let home = app.get("/").await;
    assert_eq!(meta(&home, "property", "og:url"), format!("{BASE}/"));
    let entity = app.get("/entities/vladimir-putin").await;
    assert_eq!(meta(&entity, "property", "og:type"), "profile");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn unrated_retracted_and_misattributed_claims_are_not_offered_as_reviews(pool: PgPool) {
    seed_demo(&pool).await;
    sqlx::query(
        "update claim set attribution_status = 'misattributed', rating_id = (select rating_id from rating where slug = 'false')
          where slug = 'putin-no-rush-on-military-cooperation'",
    )
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "update claim set editorial_state = 'retracted', retracted_at = now(),
                retraction_note = 'The report was withdrawn.'
          where slug = $1",
    )
    .bind(ACCUSATION)
    .execute(&pool)
    .await
    .unwrap();
    let app = TestApp::spawn(pool).await;
    let page = app.get(&format!("/claims/{ACCUSATION}")).await;
    assert_eq!(page.status, 200);
    assert!(json_ld(&page).is_empty(), "retracted");

    let not_rated = app.get("/claims/kim-will-always-stand-with-russia").await;
    assert!(not_rated
        .text(".judgement .badge--verdict")
        .contains("Not rated"));
    assert!(
        json_ld(&not_rated).is_empty(),
        "not rated: no verdict to offer"
    );

    // Misattributed: still a review of the words, but not attributed to Putin.
    let misattributed = app
        .get("/claims/putin-no-rush-on-military-cooperation")
        .await;
    let review = &json_ld(&misattributed)[0];
    assert_eq!(review["reviewRating"]["alternateName"], "False");
    assert!(review["itemReviewed"].get("author").is_none(), "{review}");
}

/// Every `<loc>` in a well-formed XML document (the reader fails on malformed XML).
fn sitemap_locations(xml: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut locations = Vec::new();
    let mut in_loc = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(tag) => in_loc = tag.name().as_ref() == b"loc",
            quick_xml::events::Event::Text(text) if in_loc => {
                locations.push(text.decode().unwrap().into_owned())
            }
            quick_xml::events::Event::End(_) => in_loc = false,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    locations
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_sitemap_lists_every_public_page_and_nothing_else(pool: PgPool) {
    seed_demo(&pool).await;
    let public: Vec<String> = sqlx::query_scalar(
        "select slug from claim where editorial_state in ('published', 'retracted') order by slug",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let drafts: Vec<String> =
        sqlx::query_scalar("select slug from claim where editorial_state = 'draft'")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert!(!drafts.is_empty(), "the demo has a draft");
    let app = TestApp::spawn(pool).await;

    let response = app
        .client
        .get(app.url("/sitemap.xml"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/xml"));
    let xml = response.text().await.unwrap();
    assert!(xml.contains(r#"xmlns="http://www.sitemaps.org/schemas/sitemap/0.9""#));
    let locations = sitemap_locations(&xml);
    let mut claims: Vec<String> = locations
        .iter()
        .filter_map(|l| l.strip_prefix(&format!("{BASE}/claims/")))
        .map(str::to_owned)
        .collect();
    claims.sort();
    assert_eq!(claims, public);
    for draft in drafts {
        assert!(!xml.contains(&draft), "{draft} is a draft");
    }
    for page in ["/", "/methodology", "/corrections", "/entities/kim-jong-un"] {
        assert!(locations.contains(&format!("{BASE}{page}")), "{page}");
    }
    // Every listed address answers.
    for location in locations.iter().take(12) {
        let path = location.strip_prefix(BASE).unwrap();
        assert_eq!(app.get(path).await.status, 200, "{path}");
    }

    let robots = app.client.get(app.url("/robots.txt")).send().await.unwrap();
    assert_eq!(robots.status(), 200);
    let robots = robots.text().await.unwrap();
    assert!(robots.contains(&format!("Sitemap: {BASE}/sitemap.xml")));
    assert!(robots.contains("Disallow: /desk"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_atom_feed_is_valid_and_shows_corrections_first(pool: PgPool) {
    seed_demo(&pool).await;
    sqlx::query(
        "insert into correction (claim_id, note, changed)
         select claim_id, 'We corrected the speaker''s role.', '{speaker_role}' from claim
          where slug = 'matsuno-missiles-landed-outside-japans-eez'",
    )
    .execute(&pool)
    .await
    .unwrap();
    let published: i64 =
        sqlx::query_scalar("select count(*) from claim where editorial_state = 'published'")
            .fetch_one(&pool)
            .await
            .unwrap();
    let app = TestApp::spawn(pool).await;

    let response = app.client.get(app.url("/feed.atom")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/atom+xml"));
    let body = response.bytes().await.unwrap();
    let feed = feed_rs::parser::parse(&body[..]).expect("a valid Atom feed");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(feed.entries.len() as i64, published.min(50));
    assert!(feed.title.unwrap().content.contains("Claimtrack"));
    assert!(feed
        .links
        .iter()
        .any(|l| l.href == format!("{BASE}/feed.atom")));

    let first = &feed.entries[0];
    assert_eq!(
        first.links[0].href,
        format!("{BASE}/claims/matsuno-missiles-landed-outside-japans-eez"),
        "the corrected claim is the most recently updated"
    );
    let summary = &first.summary.as_ref().unwrap().content;
    assert!(
        summary.contains("Corrected: We corrected the speaker's role."),
        "{summary}"
    );
    assert!(first.updated > first.published);
    for entry in &feed.entries {
        assert!(entry.links[0].href.starts_with(&format!("{BASE}/claims/")));
        assert!(!entry.title.as_ref().unwrap().content.is_empty());
    }
    assert!(
        !String::from_utf8_lossy(&body).contains("draft"),
        "no draft reaches the feed"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_methodology_page_explains_the_scale_from_the_rating_table(pool: PgPool) {
    sqlx::query("update rating set label_en = 'Half true', label_id = 'Setengah benar' where slug = 'mixed'")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("update rating set retired = true where slug = 'mostly-true'")
        .execute(&pool)
        .await
        .unwrap();
    let app = TestApp::spawn(pool).await;
    let page = app.get("/methodology").await;
    assert_eq!(page.status, 200);
    let steps = page.attrs(".scale__step", "data-rating");
    assert_eq!(
        steps,
        [
            "true",
            "mostly-true",
            "mixed",
            "mostly-false",
            "false",
            "unproven",
            "not-rated"
        ]
    );
    let mixed = page.text(r#".scale__step[data-rating="mixed"]"#);
    assert!(
        mixed.contains("Half true") && mixed.contains("Setengah benar"),
        "{mixed}"
    );
    assert!(page
        .text(r#".scale__step[data-rating="mostly-true"]"#)
        .contains("retired"));
    assert_eq!(page.texts(".statuses dt").len(), 4);
    assert!(page.body.contains("Four eyes on every judgement"));
    assert!(page.body.contains("Corrections policy"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_corrections_log_lists_corrections_inserted_directly(pool: PgPool) {
    seed_demo(&pool).await;
    for (slug, note) in [
        (ACCUSATION, "First correction note."),
        (
            "kim-will-always-stand-with-russia",
            "Second correction note.",
        ),
    ] {
        sqlx::query(
            "insert into correction (claim_id, note, changed)
             select claim_id, $2, '{text}' from claim where slug = $1",
        )
        .bind(slug)
        .bind(note)
        .execute(&pool)
        .await
        .unwrap();
    }
    let app = TestApp::spawn(pool).await;
    let page = app.get("/corrections").await;
    assert_eq!(page.status, 200);
    let items = page.texts(".correction-list > li");
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(items[0].contains("Second correction note."), "newest first");
    assert!(items[1].contains("First correction note."));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_entity_page_tallies_attribution_lists_denials_and_claims_about_it(pool: PgPool) {
    let app = demo_app(pool).await;
    let russia = app.get("/entities/government-of-russia").await;
    assert_eq!(russia.status, 200);
    assert!(russia
        .text(r#".tally__row[data-attribution="unverified"]"#)
        .ends_with('1'));
    let pairs = russia.texts(".denial-pair");
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    let denied = russia.attrs(".denial-pair article.claim-card", "data-claim");
    assert_eq!(
        denied,
        ["russia-denies-north-korean-arms-supplies", ACCUSATION],
        "the denial beside what it denies"
    );
    // Other speakers name "Rusia" (an alias): Kim's pledge of support, the U.S. accusation …
    let about = russia.attrs(".claims-about article.claim-card", "data-claim");
    assert!(about.contains(&ACCUSATION.to_owned()), "{about:?}");
    assert!(
        !about.contains(&"russia-denies-north-korean-arms-supplies".to_owned()),
        "its own claims are not “about” it"
    );

    // "AS" is matched only in capitals: the English word "as" does not make a claim about the U.S.
    let us = app.get("/entities/government-of-the-united-states").await;
    let about_us = us.attrs(".claims-about article.claim-card", "data-claim");
    for slug in &about_us {
        let text: String = sqlx::query_scalar(
            "select concat_ws(' ', headline, text, translation) from claim where slug = $1",
        )
        .bind(slug)
        .fetch_one(&app.pool)
        .await
        .unwrap();
        assert!(
            text.contains("AS")
                || text.contains("Amerika")
                || text.contains("United States")
                || text.contains("U.S."),
            "{slug}: {text}"
        );
    }
}
