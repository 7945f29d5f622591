//! The editorial core over real HTTP and a real PostgreSQL: a claim from draft to correction and
//! retraction, the four-eyes rule, version conflicts, validation that stores nothing, excerpt
//! anchoring, superseded proposals, and an audit log that holds every step.
#![recursion_limit = "512"]

use app::accounts::UserRole;
use claimtrack_tests::desk::{post_form, sign_in_as, sign_in_named, Visitor};
use claimtrack_tests::fixtures::{insert_claim, insert_source, version_of};
use claimtrack_tests::{seed_demo, TestApp};
use serde_json::Value;
use sqlx::PgPool;

const SNAPSHOT: &str = "Pertemuan ini terjadi beberapa jam setelah Korea Utara melepaskan dua rudal balistik ke laut. \
Moon mengatakan bahwa dengan peluncuran ini, Korea Utara juga bisa bermaksud untuk mengungkapkan kemarahannya terhadap AS. \
Korea Utara juga bisa bermaksud untuk mengungkapkan kemarahannya terhadap AS, ulang Moon.";

/// Calls a server function and returns (status, JSON body).
async fn call(app: &TestApp, who: &Visitor, path: &str, form: &[(&str, String)]) -> (u16, Value) {
    let response = post_form(app, who, path, form).await;
    let status = response.status().as_u16();
    let text = response.text().await.unwrap_or_default();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

fn claim_form(speaker: &str, text: &str) -> Vec<(&'static str, String)> {
    vec![
        ("form[speaker]", speaker.into()),
        ("form[kind]", "paraphrase".into()),
        ("form[text]", text.into()),
        ("form[language]", "id".into()),
        (
            "form[translation]",
            "North Korea may also have meant to express its anger at the U.S.".into(),
        ),
        ("form[translation_language]", "en".into()),
        (
            "form[headline]",
            "Moon: the launch may also have expressed anger at the U.S.".into(),
        ),
        ("form[claimed_on]", "2023-09-13".into()),
        ("form[tags]", "Korea Utara, rudal".into()),
    ]
}

fn with(
    mut form: Vec<(&'static str, String)>,
    extra: &[(&'static str, String)],
) -> Vec<(&'static str, String)> {
    form.extend(extra.iter().cloned());
    form
}

/// The audit rows for one object, oldest first: (action, actor username, before, after, request id).
async fn audit_of(
    pool: &PgPool,
    object_type: &str,
    object_id: i64,
) -> Vec<(String, String, Option<Value>, Option<Value>, Option<String>)> {
    sqlx::query_as(
        "select a.action, coalesce(u.username, a.actor_label), a.before, a.after, a.request_id
           from audit_event a left join app_user u on u.app_user_id = a.actor_user_id
          where a.object_type = $1 and a.object_id = $2 order by a.audit_event_id",
    )
    .bind(object_type)
    .bind(object_id)
    .fetch_all(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_claim_goes_from_draft_to_correction_and_retraction_with_every_step_audited(
    pool: PgPool,
) {
    seed_demo(&pool).await;
    let app = TestApp::spawn(pool.clone()).await;
    let checker = sign_in_as(&app, UserRole::FactChecker).await;
    let editor = sign_in_as(&app, UserRole::Editor).await;
    let source = insert_source(&pool, "Kompas TV capture", Some(SNAPSHOT)).await;

    // Create: the speaker is found by an alias-free name, case-insensitively.
    let text = "Korea Utara juga bisa bermaksud untuk mengungkapkan kemarahannya terhadap AS";
    let (status, body) = call(
        &app,
        &checker,
        "/api/desk/claims/create",
        &claim_form("moon seong mook", text),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let claim_id = body.as_i64().expect("the new claim's id");
    let slug: String = sqlx::query_scalar("select slug from claim where claim_id = $1")
        .bind(claim_id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        slug,
        "moon-the-launch-may-also-have-expressed-anger-at-the-u-s"
    );

    // Edit.
    let form = with(
        claim_form("moon-seong-mook", text),
        &[("claim_id", claim_id.to_string()), ("version", "1".into())],
    );
    let mut form = form;
    form.retain(|(k, _)| *k != "form[place]");
    form.push(("form[place]", "Seoul".into()));
    let (status, body) = call(&app, &checker, "/api/desk/claims/update", &form).await;
    assert_eq!(status, 200, "{body}");

    // Appearance: the second occurrence of the excerpt, as selected in the browser.
    let second = SNAPSHOT.chars().count() - text.chars().count() - ", ulang Moon.".chars().count();
    let (status, body) = call(
        &app,
        &checker,
        "/api/desk/claims/add-appearance",
        &[
            ("claim_id", claim_id.to_string()),
            ("source_id", source.to_string()),
            ("role", "report".into()),
            ("cue_verb", "mengatakan".into()),
            ("exact", format!(" {text} ")),
            ("start_offset", second.to_string()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (start, prefix): (i32, String) =
        sqlx::query_as("select start_offset, prefix from appearance where claim_id = $1")
            .bind(claim_id)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(start as usize, second);
    assert!(prefix.ends_with("terhadap AS. "), "{prefix:?}");

    // Propose a verdict with evidence; it stays off the public record until approved.
    let (status, body) = call(
        &app,
        &checker,
        "/api/desk/proposals/create",
        &[
            ("claim_id", claim_id.to_string()),
            ("axis", "verdict".into()),
            ("value", "unproven".into()),
            (
                "rationale",
                "An analyst's reading of intent; nothing confirms or refutes it.".into(),
            ),
            ("evidence[0]", source.to_string()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let proposal_id = body.as_i64().unwrap();

    // Submit; the editor approves the verdict and publishes.
    let version = version_of(&pool, "claim", claim_id).await;
    let (status, body) = call(
        &app,
        &checker,
        "/api/desk/claims/submit",
        &[
            ("claim_id", claim_id.to_string()),
            ("version", version.to_string()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = call(
        &app,
        &editor,
        "/api/desk/proposals/decide",
        &[
            ("proposal_id", proposal_id.to_string()),
            ("decision", "approve".into()),
            ("note", "Fair reading.".into()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let version = version_of(&pool, "claim", claim_id).await;
    let (status, body) = call(
        &app,
        &editor,
        "/api/desk/claims/publish",
        &[
            ("claim_id", claim_id.to_string()),
            ("version", version.to_string()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let page = app.get(&format!("/claims/{slug}")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.text(".judgement").contains("Unproven"),
        "{}",
        page.text(".judgement")
    );

    // A correction to the published claim needs a public note; without one nothing changes.
    let version = version_of(&pool, "claim", claim_id).await;
    let mut corrected = with(
        claim_form("moon-seong-mook", text),
        &[
            ("claim_id", claim_id.to_string()),
            ("version", version.to_string()),
        ],
    );
    corrected.retain(|(k, _)| *k != "form[headline]");
    corrected.push((
        "form[headline]",
        "Analyst: launch may also have signalled anger at the U.S.".into(),
    ));
    corrected.push(("form[place]", "Seoul".into()));
    let (status, body) = call(&app, &editor, "/api/desk/claims/update", &corrected).await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body["Invalid"].to_string().contains("correction_note"),
        "{body}"
    );
    assert_eq!(version_of(&pool, "claim", claim_id).await, version);
    // A fact-checker may not correct a published claim at all.
    let (status, _) = call(
        &app,
        &checker,
        "/api/desk/claims/update",
        &with(corrected.clone(), &[("correction_note", "x".into())]),
    )
    .await;
    assert_eq!(status, 403);
    let note = "The headline named Moon Seong Mook as if quoting him; it paraphrases an analyst.";
    let (status, body) = call(
        &app,
        &editor,
        "/api/desk/claims/update",
        &with(corrected, &[("correction_note", note.into())]),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let page = app.get(&format!("/claims/{slug}")).await;
    assert!(page.text(".correction-history").contains(note));
    let log = app.get("/corrections").await;
    assert_eq!(log.status, 200);
    assert!(log.text(".correction-list").contains(note));

    // Retract with a public note.
    let version = version_of(&pool, "claim", claim_id).await;
    let (status, body) = call(
        &app,
        &editor,
        "/api/desk/claims/retract",
        &[
            ("claim_id", claim_id.to_string()),
            ("version", version.to_string()),
            ("note", "Duplicate of an existing claim.".into()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let page = app.get(&format!("/claims/{slug}")).await;
    assert!(page
        .text(".retraction")
        .contains("Duplicate of an existing claim."));
    let newest = app.get("/corrections").await;
    assert!(
        newest.texts(".correction__note")[0].contains("Duplicate"),
        "newest first"
    );

    // The audit log holds each step, by the right person, with before and after.
    let steps = audit_of(&pool, "claim", claim_id).await;
    let actions: Vec<(&str, &str)> = steps
        .iter()
        .map(|(a, u, ..)| (a.as_str(), u.as_str()))
        .collect();
    assert_eq!(
        actions,
        vec![
            ("claim.create", "fact-checker.user"),
            ("claim.update", "fact-checker.user"),
            ("claim.submit", "fact-checker.user"),
            ("claim.judge", "editor.user"),
            ("claim.publish", "editor.user"),
            ("claim.correct", "editor.user"),
            ("claim.retract", "editor.user"),
        ]
    );
    let (_, _, before, after, request_id) = &steps[1];
    assert_eq!(before.as_ref().unwrap()["place"], Value::Null);
    assert_eq!(after.as_ref().unwrap()["place"], "Seoul");
    assert!(
        request_id.as_deref().is_some_and(|id| !id.is_empty()),
        "request id recorded"
    );
    let (_, _, before, after, _) = &steps[3];
    assert_eq!(before.as_ref().unwrap()["verdict"], Value::Null);
    assert_eq!(after.as_ref().unwrap()["values"]["verdict"], "unproven");
    let (_, _, before, after, _) = &steps[5];
    assert!(before.as_ref().unwrap()["headline"]
        .as_str()
        .unwrap()
        .starts_with("Moon:"));
    assert!(after.as_ref().unwrap()["headline"]
        .as_str()
        .unwrap()
        .starts_with("Analyst:"));
    let proposal_steps: Vec<String> = audit_of(&pool, "proposal", proposal_id)
        .await
        .into_iter()
        .map(|(a, u, ..)| format!("{a} by {u}"))
        .collect();
    assert_eq!(
        proposal_steps,
        vec![
            "proposal.create by fact-checker.user",
            "proposal.approve by editor.user"
        ]
    );
    let appearance_steps: i64 = sqlx::query_scalar("select count(*) from audit_event where object_type = 'appearance' and action = 'appearance.create' and actor_label = 'fact-checker.user'")
        .fetch_one(&pool).await.unwrap();
    assert_eq!(appearance_steps, 1);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn nobody_decides_their_own_proposal(pool: PgPool) {
    seed_demo(&pool).await;
    let app = TestApp::spawn(pool.clone()).await;
    let first = sign_in_as(&app, UserRole::Editor).await;
    let second = sign_in_named(&app, "second.editor", UserRole::Editor).await;
    let source = insert_source(&pool, "Evidence", None).await;
    let claim = insert_claim(&pool, "draft", first.user_id, "four eyes").await;
    let (status, body) = call(
        &app,
        &first,
        "/api/desk/proposals/create",
        &[
            ("claim_id", claim.to_string()),
            ("axis", "attribution_status".into()),
            ("value", "verified".into()),
            (
                "rationale",
                "The ministry's transcript has these words.".into(),
            ),
            ("evidence[0]", source.to_string()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let proposal = body.as_i64().unwrap();

    // The code path refuses the proposer …
    let decide = |who: &'static str| {
        vec![
            ("proposal_id", proposal.to_string()),
            ("decision", who.into()),
            ("note", "Looks right.".into()),
        ]
    };
    let (status, _) = call(
        &app,
        &first,
        "/api/desk/proposals/decide",
        &decide("approve"),
    )
    .await;
    assert_eq!(status, 403);
    // … and so does the database, whatever the application does.
    let direct = sqlx::query("update proposal set state = 'approved', decided_by = proposed_by, decided_at = now() where proposal_id = $1")
        .bind(proposal).execute(&pool).await;
    let error = direct.expect_err("the four-eyes constraint refuses");
    assert!(error.to_string().contains("proposal_four_eyes"), "{error}");
    let status_now: String =
        sqlx::query_scalar("select attribution_status::text from claim where claim_id = $1")
            .bind(claim)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(status_now, "unverified");

    // Another editor may; approval applies the value in the same transaction.
    let (status, body) = call(
        &app,
        &second,
        "/api/desk/proposals/decide",
        &decide("approve"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let status_now: String =
        sqlx::query_scalar("select attribution_status::text from claim where claim_id = $1")
            .bind(claim)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(status_now, "verified");
    // Decided once: a second decision is refused.
    let (status, _) = call(
        &app,
        &second,
        "/api/desk/proposals/decide",
        &decide("reject"),
    )
    .await;
    assert_eq!(status, 409);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_newer_proposal_supersedes_the_pending_one_and_evidence_is_required(pool: PgPool) {
    seed_demo(&pool).await;
    let app = TestApp::spawn(pool.clone()).await;
    let checker = sign_in_as(&app, UserRole::FactChecker).await;
    let source = insert_source(&pool, "Evidence", None).await;
    let claim = insert_claim(&pool, "draft", checker.user_id, "supersede").await;
    let propose = |value: &str, evidence: Option<i64>| {
        let mut form = vec![
            ("claim_id", claim.to_string()),
            ("axis", "verdict".to_string()),
            ("value", value.to_string()),
            ("rationale", format!("Because {value}.")),
        ];
        if let Some(source) = evidence {
            form.push(("evidence[0]", source.to_string()));
        }
        form
    };
    let (status, body) = call(
        &app,
        &checker,
        "/api/desk/proposals/create",
        &propose("false", None),
    )
    .await;
    assert_eq!(status, 422);
    assert!(body.to_string().contains("evidence"), "{body}");
    let (status, _) = call(
        &app,
        &checker,
        "/api/desk/proposals/create",
        &propose("false", Some(source)),
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = call(
        &app,
        &checker,
        "/api/desk/proposals/create",
        &propose("mostly-false", Some(source)),
    )
    .await;
    assert_eq!(status, 200);
    let states: Vec<String> = sqlx::query_scalar(
        "select state::text from proposal where claim_id = $1 order by proposal_id",
    )
    .bind(claim)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(states, vec!["superseded", "pending"]);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn two_saves_from_the_same_version_one_wins_one_conflicts(pool: PgPool) {
    seed_demo(&pool).await;
    let app = TestApp::spawn(pool.clone()).await;
    let checker = sign_in_as(&app, UserRole::FactChecker).await;
    let editor = sign_in_as(&app, UserRole::Editor).await;
    let claim = insert_claim(&pool, "draft", checker.user_id, "concurrency").await;
    let save = |text: &str| {
        vec![
            ("claim_id", claim.to_string()),
            ("version", "1".to_string()),
            ("form[speaker]", "kim-jong-un".to_string()),
            ("form[kind]", "paraphrase".to_string()),
            ("form[text]", text.to_string()),
            ("form[language]", "en".to_string()),
        ]
    };
    let (mine, theirs) = (save("Checker's wording"), save("Editor's wording"));
    let (a, b) = tokio::join!(
        call(&app, &checker, "/api/desk/claims/update", &mine),
        call(&app, &editor, "/api/desk/claims/update", &theirs),
    );
    let mut statuses = vec![a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, vec![200, 409], "{a:?} {b:?}");
    let (loser, winner_text) = if a.0 == 409 {
        (a.1, "Editor's wording")
    } else {
        (b.1, "Checker's wording")
    };
    // The loser gets their own values back to merge; the winner's text is stored.
    assert!(
        loser["StaleEdit"].to_string().contains("wording"),
        "{loser}"
    );
    let stored: String = sqlx::query_scalar("select text from claim where claim_id = $1")
        .bind(claim)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, winner_text);
    assert_eq!(version_of(&pool, "claim", claim).await, 2);
    let updates = audit_of(&pool, "claim", claim).await;
    assert_eq!(updates.len(), 1, "one audit row, for the winner");
    assert_eq!(updates[0].3.as_ref().unwrap()["text"], winner_text);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn bad_input_names_its_fields_and_stores_nothing(pool: PgPool) {
    seed_demo(&pool).await;
    let app = TestApp::spawn(pool.clone()).await;
    let checker = sign_in_as(&app, UserRole::FactChecker).await;
    let count = || async {
        sqlx::query_scalar::<_, i64>(
            "select (select count(*) from claim) + (select count(*) from audit_event)",
        )
        .fetch_one(&pool)
        .await
        .unwrap()
    };
    let before = count().await;
    let (status, body) = call(
        &app,
        &checker,
        "/api/desk/claims/create",
        &[
            ("form[speaker]", "nobody we know".into()),
            ("form[kind]", "rumour".into()),
            ("form[text]", "".into()),
            ("form[language]", "english".into()),
            ("form[claimed_on]", "13/6/2023".into()),
        ],
    )
    .await;
    assert_eq!(status, 422);
    for field in ["kind", "text", "language", "claimed_on"] {
        assert!(
            body["Invalid"]
                .to_string()
                .contains(&format!("\"{field}\"")),
            "{field}: {body}"
        );
    }
    // A speaker nobody recorded is named as such once the rest is right.
    let (status, body) = call(
        &app,
        &checker,
        "/api/desk/claims/create",
        &claim_form("nobody we know", "Some words."),
    )
    .await;
    assert_eq!(status, 422);
    assert!(body.to_string().contains("speaker"), "{body}");
    // "AS" is an alias of one entity only, so it resolves.
    let (status, body) = call(
        &app,
        &checker,
        "/api/desk/claims/create",
        &claim_form("AS", "Some words."),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        count().await,
        before + 2,
        "one claim and its audit row, nothing from the refusals"
    );

    // An excerpt that is not in the snapshot is refused.
    let source = insert_source(&pool, "Captured", Some(SNAPSHOT)).await;
    let claim = body.as_i64().unwrap();
    let (status, body) = call(
        &app,
        &checker,
        "/api/desk/claims/add-appearance",
        &[
            ("claim_id", claim.to_string()),
            ("source_id", source.to_string()),
            ("role", "report".into()),
            ("exact", "words that are not there".into()),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(body.to_string().contains("exact"), "{body}");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_form_posted_without_javascript_comes_back_with_its_error(pool: PgPool) {
    seed_demo(&pool).await;
    let app = TestApp::spawn(pool.clone()).await;
    let checker = sign_in_as(&app, UserRole::FactChecker).await;
    let response = claimtrack_tests::desk::raw_client()
        .post(app.url("/api/desk/claims/create"))
        .header("origin", format!("http://{}", app.address))
        .header("accept", "text/html")
        .header("referer", app.url("/desk/claims/new"))
        .header("cookie", checker.cookie.clone().unwrap())
        .form(&[
            ("form[speaker]", "kim-jong-un"),
            ("form[kind]", "paraphrase"),
            ("form[text]", ""),
            ("form[language]", "en"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 302);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.contains("__err="), "{location}");
    let path = location
        .trim_start_matches(&format!("http://{}", app.address))
        .to_owned();
    let page = claimtrack_tests::desk::get_as(&app, &checker, &path).await;
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Write the claim in its original words"),
        "the field's message is on the page"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn every_desk_page_is_complete_without_javascript(pool: PgPool) {
    seed_demo(&pool).await;
    let app = TestApp::spawn(pool.clone()).await;
    let editor = sign_in_as(&app, UserRole::Editor).await;
    let source = insert_source(&pool, "Captured", Some(SNAPSHOT)).await;
    let draft: i64 =
        sqlx::query_scalar("select claim_id from claim where editorial_state = 'draft'")
            .fetch_one(&pool)
            .await
            .unwrap();
    let pages = [
        "/desk".to_owned(),
        "/desk/review".to_owned(),
        "/desk/claims/new".to_owned(),
        format!("/desk/claims/{draft}"),
        format!("/desk/claims/{draft}?source={source}"),
        "/desk/sources".to_owned(),
        "/desk/sources/new".to_owned(),
        format!("/desk/sources/{source}"),
        "/desk/entities".to_owned(),
        "/desk/entities/new".to_owned(),
        "/desk/entities/1".to_owned(),
    ];
    for path in pages {
        let response = claimtrack_tests::desk::get_as(&app, &editor, &path).await;
        assert_eq!(response.status(), 200, "{path}");
        let html = response.text().await.unwrap();
        // The server sends the finished page, never a loading placeholder.
        assert!(
            !html.contains("class=\"loading\""),
            "{path} was sent unfinished"
        );
        assert!(html.contains("<h1"), "{path} has no heading");
        assert!(html.contains("<form"), "{path} has no form");
    }
    // With `?source=`, the source's text is in the page for choosing the excerpt without JS.
    let page = claimtrack_tests::desk::get_as(
        &app,
        &editor,
        &format!("/desk/claims/{draft}?source={source}"),
    )
    .await;
    assert!(page.text().await.unwrap().contains("Moon mengatakan bahwa"));
}
