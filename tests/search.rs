//! Public search on `/`: stemming in the claim's language, names across aliases with small
//! typos, filters combined with search, ranked keyset pages, and hostile input.

use claimtrack_tests::{insert_published_claim, seed_demo, Page, TestApp};
use sqlx::PgPool;

async fn demo_app(pool: PgPool) -> TestApp {
    seed_demo(&pool).await;
    TestApp::spawn(pool).await
}

/// The slugs of the claims a search page lists, in order.
fn slugs(page: &Page) -> Vec<String> {
    page.attrs("article.claim-card", "data-claim")
}

async fn search(app: &TestApp, query: &str) -> Page {
    let page = app.get(&format!("/?{query}")).await;
    assert_eq!(page.status, 200, "{query}: {}", page.body);
    page
}

/// A published claim in `language`, for words the demo data does not have.
async fn insert_claim_in(pool: &PgPool, slug: &str, language: &str, text: &str) {
    sqlx::query(
        "insert into claim (slug, speaker_entity_id, kind, text, language, editorial_state, published_at)
         values ($1, (select entity_id from entity where slug = 'kim-jong-un'), 'paraphrase', $2, $3,
                 'published', now())",
    )
    .bind(slug)
    .bind(text)
    .bind(language)
    .execute(pool)
    .await
    .expect("insert a claim");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn indonesian_words_are_found_by_their_stem(pool: PgPool) {
    seed_demo(&pool).await;
    insert_claim_in(
        &pool,
        "kim-full-support",
        "id",
        "Korea Utara memberikan dukungan penuh kepada Rusia.",
    )
    .await;
    let app = TestApp::spawn(pool).await;

    let denials = search(&app, "q=bantah").await;
    let found = slugs(&denials);
    assert!(
        found.contains(&"russia-denies-north-korean-arms-supplies".to_owned())
            && found.contains(&"north-korea-denies-arms-supplies-to-russia".to_owned()),
        "“bantah” finds “membantah”: {found:?}"
    );
    assert!(
        denials
            .texts(".claim-card__snippet mark")
            .iter()
            .any(|m| m == "membantah"),
        "the matched word is highlighted: {:?}",
        denials.texts(".claim-card__snippet")
    );
    assert_eq!(denials.text(".results-heading"), "Results for “bantah”");

    let support = search(&app, "q=mendukung").await;
    assert_eq!(
        slugs(&support),
        ["kim-full-support"],
        "“mendukung” finds “dukungan”"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn english_words_are_found_by_their_stem(pool: PgPool) {
    seed_demo(&pool).await;
    insert_claim_in(
        &pool,
        "ministry-denied-sending-troops",
        "en",
        "The ministry denied sending troops across the border.",
    )
    .await;
    let app = TestApp::spawn(pool).await;
    let page = search(&app, "q=deny").await;
    let found = slugs(&page);
    assert!(
        found.contains(&"ministry-denied-sending-troops".to_owned()),
        "{found:?}"
    );
    // The demo denials are Indonesian with English translations ("denies"): found through the
    // translation, and the snippet says so.
    assert!(
        found.contains(&"russia-denies-north-korean-arms-supplies".to_owned()),
        "{found:?}"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn speaker_names_match_across_aliases_accents_and_small_typos(pool: PgPool) {
    let app = demo_app(pool).await;
    let accusation = "us-accuses-north-korea-of-supplying-weapons-to-russia".to_owned();
    for query in [
        "Amerika",
        "amerika serikat",
        "AS",
        "Amerka",
        "United States",
    ] {
        let page = search(&app, &format!("q={}", urlencode(query))).await;
        assert_eq!(
            slugs(&page).first(),
            Some(&accusation),
            "“{query}” puts the U.S. accusation first: {:?}",
            slugs(&page)
        );
    }
    for query in ["Péskov", "PESKOV", "Peskof"] {
        let page = search(&app, &format!("q={}", urlencode(query))).await;
        assert_eq!(
            slugs(&page).first().map(String::as_str),
            Some("peskov-delegations-then-one-on-one"),
            "“{query}”: {:?}",
            slugs(&page)
        );
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn web_search_syntax_is_understood(pool: PgPool) {
    let app = demo_app(pool).await;
    let phrase = search(&app, "q=%22Korea+Utara+membantah%22").await;
    assert_eq!(
        slugs(&phrase),
        ["north-korea-denies-arms-supplies-to-russia"],
        "a quoted phrase matches those words in that order"
    );
    let without = search(&app, "q=membantah+-Rusia").await;
    assert!(
        !slugs(&without).contains(&"russia-denies-north-korean-arms-supplies".to_owned()),
        "-word leaves claims with that word out: {:?}",
        slugs(&without)
    );
    let either = search(&app, "q=roket+OR+Wagner").await;
    assert!(slugs(&either).len() >= 2, "{:?}", slugs(&either));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn filters_combine_with_search(pool: PgPool) {
    seed_demo(&pool).await;
    sqlx::query(
        "update claim set claimed_on = '2023-09-12', claimed_on_precision = 'day'
          where slug = 'russia-denies-north-korean-arms-supplies'",
    )
    .execute(&pool)
    .await
    .unwrap();
    insert_claim_in(&pool, "english-denial", "en", "Moscow denied the report.").await;
    let app = TestApp::spawn(pool).await;

    let russia = search(&app, "q=bantah&speaker=government-of-russia").await;
    assert_eq!(slugs(&russia), ["russia-denies-north-korean-arms-supplies"]);

    let unproven_denials = search(&app, "q=bantah&verdict=unproven&attribution=unverified").await;
    assert_eq!(
        slugs(&unproven_denials).len(),
        2,
        "{:?}",
        slugs(&unproven_denials)
    );

    let in_english = search(&app, "q=deny&language=en").await;
    assert_eq!(slugs(&in_english), ["english-denial"]);

    let on_topic = search(&app, "q=Rusia&topic=wagner-group").await;
    assert_eq!(
        slugs(&on_topic),
        ["us-accuses-north-korea-of-supplying-weapons-to-russia"]
    );

    let dated = search(&app, "q=bantah&from=2023-09-12&to=2023-09-12").await;
    assert_eq!(slugs(&dated), ["russia-denies-north-korean-arms-supplies"]);
    let before = search(&app, "q=bantah&to=2023-09-11").await;
    assert!(slugs(&before).is_empty());
    assert!(before.text(".empty").contains("No published claims match"));

    // The form shows the query it answered, so the reader can refine it.
    assert_eq!(
        dated.attrs("input[name=q]", "value"),
        ["bantah"],
        "the search box keeps the text"
    );
    assert_eq!(dated.attrs("input[name=from]", "value"), ["2023-09-12"]);
    assert!(
        !dated.attrs("details.filters[open]", "class").is_empty(),
        "filters in use are shown unfolded"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn drafts_and_claims_in_review_never_match(pool: PgPool) {
    seed_demo(&pool).await;
    for (slug, state) in [("secret-draft", "draft"), ("secret-review", "in_review")] {
        sqlx::query(
            "insert into claim (slug, speaker_entity_id, kind, text, language, editorial_state)
             values ($1, (select entity_id from entity where slug = 'government-of-the-united-states'),
                     'paraphrase', 'Rahasia negara membantah semuanya.', 'id', $2::editorial_state)",
        )
        .bind(slug)
        .bind(state)
        .execute(&pool)
        .await
        .unwrap();
    }
    let app = TestApp::spawn(pool).await;
    for query in ["q=rahasia", "q=Amerika", "q=bantah"] {
        let page = search(&app, query).await;
        assert!(
            !page.body.contains("secret-") && !page.body.contains("Rahasia"),
            "{query} shows no unpublished claim"
        );
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn hostile_and_odd_input_gets_results_or_a_clear_message(pool: PgPool) {
    let app = demo_app(pool.clone()).await;
    for query in [
        "q=%27%3B+drop+table+claim%3B+--",
        "q=%22membantah",
        "q=%22%22%22",
        "q=((%7C!%3A*",
        "q=-",
        "q=OR",
        "q=%00membantah%01%07",
        "q=%E2%80%AE%F0%9F%98%80",
        "q=%25_%5C",
        "q=bantah&speaker=%27+or+1%3D1",
    ] {
        let page = app.get(&format!("/?{query}")).await;
        assert_eq!(page.status, 200, "{query}: {}", page.body);
    }
    let control = search(&app, "q=%00membantah%01%07").await;
    assert!(
        !slugs(&control).is_empty(),
        "control characters are ignored"
    );

    let long = format!("q={}", "kata+".repeat(2000));
    let page = app.get(&format!("/?{long}")).await;
    assert_eq!(page.status, 400, "10 kB of search text");
    assert!(page.body.contains("too long"), "{}", page.body);

    for (query, message) in [
        ("attribution=probably", "Unknown attribution status"),
        ("from=13-09-2023", "YYYY-MM-DD"),
        ("language=indonesian", "two- or three-letter code"),
        (
            "q=bantah&after=1694615400000000.3",
            "page link is not valid",
        ),
    ] {
        let page = app.get(&format!("/?{query}")).await;
        assert_eq!(page.status, 400, "{query}");
        assert!(page.body.contains(message), "{query}: {}", page.body);
    }

    let claims: i64 = sqlx::query_scalar("select count(*) from claim")
        .fetch_one(&pool)
        .await
        .expect("the claim table is still there");
    assert!(claims > 0);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn search_results_page_by_rank_without_repeats(pool: PgPool) {
    seed_demo(&pool).await;
    for n in 0..45 {
        // Different lengths give different ranks, some equal: the cursor must handle both.
        let text = format!(
            "Pejabat itu membantah laporan nomor {n}{}",
            " lagi".repeat(n % 4)
        );
        insert_published_claim(&pool, &format!("bantahan-{n}"), "matthew-miller", &text).await;
    }
    let app = TestApp::spawn(pool).await;
    let mut seen = Vec::new();
    let mut path = "/?q=membantah".to_owned();
    let mut pages = 0;
    loop {
        let page = search(&app, path.trim_start_matches("/?")).await;
        pages += 1;
        seen.extend(slugs(&page));
        match page.attrs("a.pager__next", "href").into_iter().next() {
            Some(next) => {
                assert!(
                    next.contains("q=membantah"),
                    "the next page keeps the search: {next}"
                );
                path = next;
            }
            None => break,
        }
    }
    assert!(pages >= 3, "{pages}");
    let unique: std::collections::BTreeSet<_> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "no claim twice: {seen:?}");
    // 45 inserted (English stemming of "membantah" is itself) + the two demo denials.
    assert_eq!(seen.len(), 47, "{seen:?}");
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
