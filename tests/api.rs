//! The public JSON API: the same search and filters as the site, documents for claims, entities
//! and sources, RFC 9457 problems, an OpenAPI 3.1 document that the real responses validate
//! against, streamed exports, CORS and rate limiting.

use claimtrack_tests::{insert_published_claim, seed_demo, TestApp};
use reqwest::header::{ACCESS_CONTROL_ALLOW_ORIGIN, CONTENT_TYPE, RETRY_AFTER};
use serde_json::Value;
use server::api::RateLimit;
use sqlx::PgPool;

const ACCUSATION: &str = "us-accuses-north-korea-of-supplying-weapons-to-russia";

async fn demo_app(pool: PgPool) -> TestApp {
    seed_demo(&pool).await;
    TestApp::spawn(pool).await
}

/// GET a path; (status, content type, JSON body).
async fn get_json(app: &TestApp, path: &str) -> (u16, String, Value) {
    let response = app.client.get(app.url(path)).send().await.unwrap();
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let text = response.text().await.unwrap();
    let body =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {text}"));
    (status, content_type, body)
}

fn slugs(list: &Value) -> Vec<String> {
    list["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap().to_owned())
        .collect()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn claims_are_listed_searched_and_paged_like_the_site(pool: PgPool) {
    seed_demo(&pool).await;
    for n in 0..30 {
        insert_published_claim(
            &pool,
            &format!("api-claim-{n}"),
            "matthew-miller",
            &format!("Claim {n}"),
        )
        .await;
    }
    let public: i64 =
        sqlx::query_scalar("select count(*) from claim where editorial_state = 'published'")
            .fetch_one(&pool)
            .await
            .unwrap();
    let app = TestApp::spawn(pool).await;

    let (status, content_type, first) = get_json(&app, "/api/v1/claims?limit=25").await;
    assert_eq!(status, 200);
    assert!(content_type.starts_with("application/json"));
    assert_eq!(first["claims"].as_array().unwrap().len(), 25);
    let claim = &first["claims"][0];
    for field in [
        "slug",
        "url",
        "api_url",
        "text",
        "language",
        "kind",
        "speaker",
        "state",
        "attribution_status",
        "published_at",
    ] {
        assert!(!claim[field].is_null(), "{field} in {claim}");
    }

    // Following `next` walks every public claim once.
    let mut seen = slugs(&first);
    let mut next = first["next"].as_str().map(str::to_owned);
    while let Some(url) = next {
        let path = url
            .strip_prefix("http://localhost:3000")
            .unwrap()
            .to_owned();
        assert!(path.contains("limit=25"), "{path}");
        let (status, _, page) = get_json(&app, &path).await;
        assert_eq!(status, 200);
        seen.extend(slugs(&page));
        next = page["next"].as_str().map(str::to_owned);
    }
    assert_eq!(seen.len() as i64, public);
    assert!(
        !seen.iter().any(|s| s.starts_with("south-korea-jo")),
        "the demo draft stays out"
    );

    // `?q=` and the filters mean what they mean on the site.
    let (_, _, search) = get_json(&app, "/api/v1/claims?q=bantah").await;
    let site = app.get("/?q=bantah").await;
    assert_eq!(
        slugs(&search),
        site.attrs("article.claim-card", "data-claim")
    );
    assert!(search["claims"][0]["snippet"]
        .as_str()
        .unwrap()
        .contains("membantah"));
    let (_, _, russia) =
        get_json(&app, "/api/v1/claims?q=bantah&speaker=government-of-russia").await;
    assert_eq!(slugs(&russia), ["russia-denies-north-korean-arms-supplies"]);
    let (_, _, by_source) = get_json(&app, "/api/v1/claims?source=2&limit=100").await;
    assert!(slugs(&by_source).contains(&ACCUSATION.to_owned()));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn bad_requests_are_problem_documents(pool: PgPool) {
    let app = demo_app(pool).await;
    for (path, status, words) in [
        ("/api/v1/claims?limit=0", 400, "limit"),
        ("/api/v1/claims?limit=abc", 400, "limit"),
        ("/api/v1/claims?attribution=maybe", 400, "attribution"),
        ("/api/v1/claims?from=13/09/2023", 400, "YYYY-MM-DD"),
        ("/api/v1/claims?after=garbage", 400, "page link"),
        ("/api/v1/claims?source=abc", 400, "source"),
        ("/api/v1/claims?q=a&q=b", 400, "q"),
        ("/api/v1/claims/no-such-claim", 404, "not found"),
        (
            "/api/v1/claims/south-korea-jo-chun-ryong-toured-munitions-factories",
            404,
            "not found",
        ),
        ("/api/v1/entities/nobody", 404, "not found"),
        ("/api/v1/sources/999999", 404, "not found"),
        ("/api/v1/sources/abc", 404, "not found"),
        ("/api/v1/nothing-here", 404, "not found"),
    ] {
        let (got, content_type, body) = get_json(&app, path).await;
        assert_eq!(got, status, "{path}: {body}");
        assert_eq!(content_type, "application/problem+json", "{path}");
        assert_eq!(body["status"], status, "{path}");
        assert_eq!(body["type"], "about:blank");
        assert!(body["title"].is_string());
        assert!(
            body["detail"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains(&words.to_lowercase()),
            "{path}: {body}"
        );
    }
    let long = format!("/api/v1/claims?q={}", "kata+".repeat(2000));
    assert_eq!(get_json(&app, &long).await.0, 400);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_claim_document_has_appearances_chain_relations_and_judgements(pool: PgPool) {
    let app = demo_app(pool).await;
    let (status, _, doc) = get_json(&app, &format!("/api/v1/claims/{ACCUSATION}")).await;
    assert_eq!(status, 200);
    assert_eq!(doc["claim"]["slug"], ACCUSATION);
    assert_eq!(
        doc["claim"]["speaker"]["slug"],
        "government-of-the-united-states"
    );
    assert_eq!(doc["judgements"]["verdict"]["slug"], "unproven");
    assert_eq!(doc["judgements"]["verdict"]["label_id"], "Belum terbukti");
    assert_eq!(doc["judgements"]["attribution_status"], "unverified");
    let appearance = &doc["appearances"][0];
    assert_eq!(appearance["cue_verb"], "menuduh");
    assert!(appearance["excerpt"]["exact"]
        .as_str()
        .unwrap()
        .starts_with("AS menuduh"));
    assert_eq!(
        appearance["chain"]["sentence"],
        "Government of the United States made this accusation — according to Associated Press, as relayed by Kompas TV."
    );
    let denials: Vec<&Value> = doc["relations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "denies" && r["direction"] == "incoming")
        .collect();
    assert_eq!(denials.len(), 2);
    assert!(doc["tags"]
        .as_array()
        .unwrap()
        .contains(&Value::from("wagner-group")));

    let (_, _, entity) = get_json(&app, "/api/v1/entities/vladimir-putin").await;
    assert_eq!(
        entity["entity"]["same_as"],
        "https://www.wikidata.org/wiki/Q7747"
    );
    assert!(entity["claims_url"]
        .as_str()
        .unwrap()
        .ends_with("/api/v1/claims?speaker=vladimir-putin"));
    let (_, _, entities) = get_json(&app, "/api/v1/entities?limit=5").await;
    assert_eq!(entities["entities"].as_array().unwrap().len(), 5);
    assert!(entities["next_cursor"].is_string());
    let (_, _, sources) = get_json(&app, "/api/v1/sources").await;
    assert!(!sources["sources"].as_array().unwrap().is_empty());
    let (_, _, kompas) = get_json(&app, "/api/v1/sources/2").await;
    assert_eq!(kompas["cites"][0]["source"]["id"], 1, "Kompas TV relays AP");
}

/// The schema of `path`'s `status` response in the OpenAPI document, with the document's
/// components beside it so that `$ref`s resolve.
fn response_schema(openapi: &Value, path: &str, status: &str, media: &str) -> Value {
    let schema =
        openapi["paths"][path]["get"]["responses"][status]["content"][media]["schema"].clone();
    assert!(!schema.is_null(), "{path} {status} {media} has a schema");
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": openapi["components"].clone(),
        "allOf": [schema],
    })
}

fn assert_valid(schema: &Value, instance: &Value, what: &str) {
    let validator =
        jsonschema::validator_for(schema).unwrap_or_else(|e| panic!("{what}: schema: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match the OpenAPI document:\n{}",
        errors.join("\n")
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn real_responses_match_the_openapi_document(pool: PgPool) {
    seed_demo(&pool).await;
    sqlx::query(
        "insert into correction (claim_id, note, changed)
         select claim_id, 'A correction.', '{text}' from claim where slug = $1",
    )
    .bind(ACCUSATION)
    .execute(&pool)
    .await
    .unwrap();
    let app = TestApp::spawn(pool).await;
    let (status, _, openapi) = get_json(&app, "/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    assert!(
        openapi["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        openapi["openapi"]
    );

    // Every API route is documented (the document does not describe itself).
    let documented: std::collections::BTreeSet<String> = openapi["paths"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let routes: std::collections::BTreeSet<String> = server::api::paths()
        .into_iter()
        .filter(|p| p != "/api/v1/openapi.json")
        .collect();
    assert_eq!(documented, routes);

    for (template, path) in [
        ("/api/v1/claims", "/api/v1/claims?limit=3".to_owned()),
        ("/api/v1/claims", "/api/v1/claims?q=bantah".to_owned()),
        (
            "/api/v1/claims/{slug}",
            format!("/api/v1/claims/{ACCUSATION}"),
        ),
        (
            "/api/v1/claims/{slug}",
            "/api/v1/claims/kim-will-always-stand-with-russia".to_owned(),
        ),
        ("/api/v1/entities", "/api/v1/entities?limit=3".to_owned()),
        (
            "/api/v1/entities/{slug}",
            "/api/v1/entities/kim-jong-un".to_owned(),
        ),
        (
            "/api/v1/entities/{slug}",
            "/api/v1/entities/government-of-the-united-states".to_owned(),
        ),
        ("/api/v1/sources", "/api/v1/sources".to_owned()),
        ("/api/v1/sources/{id}", "/api/v1/sources/2".to_owned()),
    ] {
        let (status, _, body) = get_json(&app, &path).await;
        assert_eq!(status, 200, "{path}");
        assert_valid(
            &response_schema(&openapi, template, "200", "application/json"),
            &body,
            &path,
        );
    }
    // The check can fail: a response with a wrong shape does not validate.
    let schema = response_schema(&openapi, "/api/v1/claims/{slug}", "200", "application/json");
    let (_, _, mut wrong) = get_json(&app, &format!("/api/v1/claims/{ACCUSATION}")).await;
    wrong["claim"]["published_at"] = Value::from(42);
    wrong["appearances"][0]["excerpt"] = Value::Null;
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(
        validator.iter_errors(&wrong).count() >= 2,
        "a broken document fails validation"
    );

    for (template, status, path) in [
        ("/api/v1/claims", "400", "/api/v1/claims?limit=0"),
        ("/api/v1/claims/{slug}", "404", "/api/v1/claims/nope"),
        ("/api/v1/sources/{id}", "404", "/api/v1/sources/0"),
    ] {
        let (_, _, body) = get_json(&app, path).await;
        assert_valid(
            &response_schema(&openapi, template, status, "application/problem+json"),
            &body,
            path,
        );
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn exports_stream_every_public_claim(pool: PgPool) {
    seed_demo(&pool).await;
    insert_published_claim(
        &pool,
        "tricky-text",
        "matthew-miller",
        "A \"quoted\" word, a comma;\nand a new line",
    )
    .await;
    for n in 0..300 {
        insert_published_claim(
            &pool,
            &format!("bulk-{n}"),
            "matthew-miller",
            &format!("Bulk claim {n}"),
        )
        .await;
    }
    let public: Vec<String> = sqlx::query_scalar(
        "select slug from claim where editorial_state in ('published', 'retracted') order by published_at, claim_id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let app = TestApp::spawn(pool).await;

    let csv_response = app
        .client
        .get(app.url("/api/v1/export/claims.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv_response.status(), 200);
    assert!(csv_response.headers()[CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(
        csv_response.headers().get("content-length").is_none(),
        "streamed, not buffered to a known length"
    );
    let body = csv_response.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "slug");
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("valid CSV")).collect();
    let exported: Vec<String> = records.iter().map(|r| r[0].to_owned()).collect();
    assert_eq!(exported, public);
    let text_column = headers.iter().position(|h| h == "text").unwrap();
    let tricky = records.iter().find(|r| &r[0] == "tricky-text").unwrap();
    assert_eq!(
        &tricky[text_column],
        "A \"quoted\" word, a comma;\nand a new line"
    );

    let jsonl = app
        .client
        .get(app.url("/api/v1/export/claims.jsonl"))
        .send()
        .await
        .unwrap();
    assert_eq!(jsonl.status(), 200);
    assert!(jsonl.headers()[CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("application/jsonl"));
    let body = jsonl.text().await.unwrap();
    let lines: Vec<Value> = body
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect();
    let exported: Vec<&str> = lines.iter().map(|l| l["slug"].as_str().unwrap()).collect();
    assert_eq!(exported, public);
    let accusation = lines.iter().find(|l| l["slug"] == ACCUSATION).unwrap();
    assert_eq!(accusation["verdict"], "unproven");
    assert!(accusation["tags"]
        .as_array()
        .unwrap()
        .contains(&Value::from("wagner-group")));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn cors_is_open_for_reading_only(pool: PgPool) {
    let app = demo_app(pool).await;
    let response = app
        .client
        .get(app.url("/api/v1/claims"))
        .header("origin", "https://newsroom.example")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()[ACCESS_CONTROL_ALLOW_ORIGIN], "*");

    let preflight = app
        .client
        .request(reqwest::Method::OPTIONS, app.url("/api/v1/claims"))
        .header("origin", "https://newsroom.example")
        .header("access-control-request-method", "GET")
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success());
    let methods = preflight.headers()["access-control-allow-methods"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        methods.contains("GET") && !methods.contains("POST"),
        "{methods}"
    );

    let write = app
        .client
        .post(app.url("/api/v1/claims"))
        .header("origin", "https://newsroom.example")
        .send()
        .await
        .unwrap();
    assert!(write.status().is_client_error(), "{}", write.status());

    // A method the API does not have is a problem document too.
    let delete = app
        .client
        .delete(app.url("/api/v1/claims"))
        .send()
        .await
        .unwrap();
    assert_eq!(delete.status(), 405);
    assert_eq!(delete.headers()[CONTENT_TYPE], "application/problem+json");

    // Pages are not opened to other origins.
    let page = app
        .client
        .get(app.url("/"))
        .header("origin", "https://newsroom.example")
        .send()
        .await
        .unwrap();
    assert!(page.headers().get(ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn each_client_address_is_rate_limited_with_retry_after(pool: PgPool) {
    seed_demo(&pool).await;
    let app = TestApp::spawn_with_rate_limit(
        pool,
        RateLimit {
            burst: 3,
            refill: std::time::Duration::from_secs(60),
        },
    )
    .await;
    for _ in 0..3 {
        assert_eq!(get_json(&app, "/api/v1/claims?limit=1").await.0, 200);
    }
    let response = app
        .client
        .get(app.url("/api/v1/claims?limit=1"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 429);
    let retry_after: u64 = response.headers()[RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry_after >= 1);
    assert_eq!(response.headers()[CONTENT_TYPE], "application/problem+json");
    let body: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert_eq!(body["status"], 429);
    // Pages are not limited by the API's budget.
    assert_eq!(app.get("/").await.status, 200);
}
