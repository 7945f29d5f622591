#![recursion_limit = "512"]
//! The database enforces the rules itself: every writer — the app, the seed, someone with psql —
//! meets the same constraints. Each test runs in a fresh, fully migrated database.

use sqlx::PgPool;

/// The database error's message, for asserting *why* a statement was refused.
async fn refused(pool: &PgPool, sql: &str) -> String {
    match sqlx::query(sql).execute(pool).await {
        Ok(_) => panic!("the database accepted: {sql}"),
        Err(error) => error.to_string(),
    }
}

async fn minimal_claim(pool: &PgPool) -> i64 {
    sqlx::query("insert into entity (slug, name, kind) values ('speaker', 'A Speaker', 'person')")
        .execute(pool)
        .await
        .unwrap();
    sqlx::query_scalar(
        "insert into claim (slug, speaker_entity_id, kind, text, language)
         values ('a-claim', (select entity_id from entity where slug = 'speaker'), 'direct_quote', 'Words.', 'en')
         returning claim_id",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn two_users(pool: &PgPool) -> (i64, i64) {
    let checker: i64 = sqlx::query_scalar(
        "insert into app_user (username, display_name, role) values ('checker', 'Checker', 'fact_checker') returning app_user_id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    let editor: i64 = sqlx::query_scalar(
        "insert into app_user (username, display_name, role) values ('editor', 'Editor', 'editor') returning app_user_id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    (checker, editor)
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn migrations_seed_the_rating_scale_in_both_languages(pool: PgPool) {
    let rows: Vec<(String, String, Option<i16>)> =
        sqlx::query_as("select label_en, label_id, rating_value from rating order by sort_order")
            .fetch_all(&pool)
            .await
            .unwrap();
    let expected = [
        ("True", "Benar", Some(5)),
        ("Mostly true", "Sebagian benar", Some(4)),
        ("Mixed", "Campuran", Some(3)),
        ("Mostly false", "Sebagian keliru", Some(2)),
        ("False", "Keliru", Some(1)),
        ("Unproven", "Belum terbukti", None),
        ("Not rated", "Belum dinilai", None),
    ];
    let rows: Vec<(&str, &str, Option<i16>)> = rows
        .iter()
        .map(|(en, id, v)| (en.as_str(), id.as_str(), *v))
        .collect();
    assert_eq!(rows, expected);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_four_eyes_rule_is_a_database_constraint(pool: PgPool) {
    let claim_id = minimal_claim(&pool).await;
    let (checker, editor) = two_users(&pool).await;
    let source_id: i64 =
        sqlx::query_scalar("insert into source (kind, title, language) values ('news_article', 'Report', 'en') returning source_id")
            .fetch_one(&pool)
            .await
            .unwrap();

    // Proposal and its evidence in one transaction (evidence is checked at commit).
    let mut tx = pool.begin().await.unwrap();
    let proposal_id: i64 = sqlx::query_scalar(
        "insert into proposal (claim_id, axis, to_rating_id, rationale, proposed_by)
         values ($1, 'verdict', (select rating_id from rating where slug = 'false'), 'Because.', $2) returning proposal_id",
    )
    .bind(claim_id)
    .bind(checker)
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    sqlx::query("insert into proposal_evidence (proposal_id, source_id) values ($1, $2)")
        .bind(proposal_id)
        .bind(source_id)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let self_approval = format!(
        "update proposal set state = 'approved', decided_by = {checker}, decided_at = now() where proposal_id = {proposal_id}"
    );
    assert!(refused(&pool, &self_approval)
        .await
        .contains("proposal_four_eyes"));

    let approval = format!(
        "update proposal set state = 'approved', decided_by = {editor}, decided_at = now() where proposal_id = {proposal_id}"
    );
    sqlx::query(&approval)
        .execute(&pool)
        .await
        .expect("another editor may approve");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_proposal_without_evidence_is_refused(pool: PgPool) {
    let claim_id = minimal_claim(&pool).await;
    let (checker, _) = two_users(&pool).await;
    let sql = format!(
        "insert into proposal (claim_id, axis, to_attribution_status, rationale, proposed_by)
         values ({claim_id}, 'attribution_status', 'verified', 'Seen the video.', {checker})"
    );
    assert!(refused(&pool, &sql).await.contains("no evidence"));
    let count: i64 = sqlx::query_scalar("select count(*) from proposal")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(count, 0, "nothing stored");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn audit_rows_can_be_added_but_never_changed_or_removed(pool: PgPool) {
    sqlx::query(
        "insert into audit_event (actor_label, action, object_type, object_id, after)
         values ('system:test', 'claim.create', 'claim', 1, '{}')",
    )
    .execute(&pool)
    .await
    .expect("appending is allowed");
    assert!(
        refused(&pool, "update audit_event set action = 'claim.delete'")
            .await
            .contains("immutable")
    );
    assert!(refused(&pool, "delete from audit_event")
        .await
        .contains("immutable"));
    assert!(refused(&pool, "truncate audit_event")
        .await
        .contains("immutable"));
    let count: i64 = sqlx::query_scalar("select count(*) from audit_event")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(count, 1);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn source_urls_must_be_http_or_https(pool: PgPool) {
    for url in [
        "javascript:alert(1)",
        "ftp://example.org/a",
        "data:text/html,hi",
        "//example.org",
        "https://exa mple.org",
    ] {
        let sql = format!("insert into source (kind, title, language, url) values ('news_article', 'T', 'id', '{url}')");
        assert!(
            refused(&pool, &sql).await.contains("source_url_check"),
            "{url}"
        );
    }
    for url in [
        "https://www.kompas.tv/article/1",
        "http://example.org/a?b=c",
    ] {
        sqlx::query("insert into source (kind, title, language, url) values ('news_article', 'T', 'id', $1)")
            .bind(url)
            .execute(&pool)
            .await
            .unwrap_or_else(|e| panic!("{url} refused: {e}"));
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn snapshots_carry_their_true_hash_and_never_change(pool: PgPool) {
    let source_id: i64 =
        sqlx::query_scalar("insert into source (kind, title, language) values ('news_article', 'T', 'id') returning source_id")
            .fetch_one(&pool)
            .await
            .unwrap();
    let wrong_hash = format!(
        "insert into source_snapshot (source_id, snapshot_number, body, sha256)
         values ({source_id}, 1, 'Teks artikel.', sha256('something else'))"
    );
    assert!(refused(&pool, &wrong_hash)
        .await
        .contains("source_snapshot_hash_matches_body"));

    sqlx::query(
        "insert into source_snapshot (source_id, snapshot_number, body, sha256)
         values ($1, 1, 'Teks artikel.', sha256(convert_to('Teks artikel.', 'UTF8')))",
    )
    .bind(source_id)
    .execute(&pool)
    .await
    .unwrap();
    assert!(
        refused(&pool, "update source_snapshot set body = 'Changed.'")
            .await
            .contains("immutable")
    );
    assert!(refused(&pool, "delete from source_snapshot")
        .await
        .contains("immutable"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_anchored_excerpt_must_be_the_snapshot_text_at_its_offsets(pool: PgPool) {
    let claim_id = minimal_claim(&pool).await;
    let source_id: i64 =
        sqlx::query_scalar("insert into source (kind, title, language) values ('news_article', 'T', 'id') returning source_id")
            .fetch_one(&pool)
            .await
            .unwrap();
    let body = "Putin mengatakan, \"Masih ada waktu.\"";
    let snapshot_id: i64 = sqlx::query_scalar(
        "insert into source_snapshot (source_id, snapshot_number, body, sha256)
         values ($1, 1, $2, sha256(convert_to($2, 'UTF8'))) returning source_snapshot_id",
    )
    .bind(source_id)
    .bind(body)
    .fetch_one(&pool)
    .await
    .unwrap();
    let insert = |exact: &'static str, start: i32| {
        sqlx::query(
            "insert into appearance (claim_id, source_id, role, exact, source_snapshot_id, start_offset, end_offset)
             values ($1, $2, 'report', $3, $4, $5, $5 + char_length($3))",
        )
        .bind(claim_id)
        .bind(source_id)
        .bind(exact)
        .bind(snapshot_id)
        .bind(start)
        .execute(&pool)
    };
    let error = insert("Tidak ada waktu.", 19)
        .await
        .expect_err("text not in the snapshot");
    assert!(
        error.to_string().contains("does not occur in the snapshot"),
        "{error}"
    );
    let error = insert("Masih ada waktu.", 3)
        .await
        .expect_err("wrong offsets");
    assert!(
        error.to_string().contains("does not occur in the snapshot"),
        "{error}"
    );
    insert("Masih ada waktu.", 19)
        .await
        .expect("the right text at the right place");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn relations_cannot_point_at_themselves_or_repeat(pool: PgPool) {
    let claim_id = minimal_claim(&pool).await;
    let other: i64 = sqlx::query_scalar(
        "insert into claim (slug, speaker_entity_id, kind, text, language)
         values ('other', (select entity_id from entity where slug = 'speaker'), 'paraphrase', 'No.', 'en') returning claim_id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let self_link = format!("insert into relation (from_claim_id, to_claim_id, kind) values ({claim_id}, {claim_id}, 'denies')");
    assert!(refused(&pool, &self_link).await.contains("relation_check"));
    let link = format!("insert into relation (from_claim_id, to_claim_id, kind) values ({other}, {claim_id}, 'denies')");
    sqlx::query(&link).execute(&pool).await.unwrap();
    assert!(refused(&pool, &link).await.contains("duplicate key"));
    let unknown_kind = format!("insert into relation (from_claim_id, to_claim_id, kind) values ({other}, {claim_id}, 'refutes')");
    assert!(refused(&pool, &unknown_kind)
        .await
        .contains("invalid input value for enum relation_kind"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn claims_refuse_overlong_headlines_and_impossible_states(pool: PgPool) {
    minimal_claim(&pool).await;
    let long = "x".repeat(76);
    let sql = format!("update claim set headline = '{long}'");
    assert!(refused(&pool, &sql).await.contains("claim_headline_check"));
    sqlx::query(&format!("update claim set headline = '{}'", "x".repeat(75)))
        .execute(&pool)
        .await
        .unwrap();
    // Published without a publication time, retracted without a note: both refused.
    assert!(
        refused(&pool, "update claim set editorial_state = 'published'")
            .await
            .contains("check constraint")
    );
    assert!(refused(&pool, "update claim set editorial_state = 'retracted', published_at = now(), retracted_at = now()")
        .await
        .contains("check constraint"));
    // A month-precision date is stored as the first of the month.
    assert!(refused(
        &pool,
        "update claim set claimed_on = '2023-09-13', claimed_on_precision = 'month'"
    )
    .await
    .contains("check constraint"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn only_one_pending_proposal_per_claim_and_axis(pool: PgPool) {
    let claim_id = minimal_claim(&pool).await;
    let (checker, editor) = two_users(&pool).await;
    let source_id: i64 =
        sqlx::query_scalar("insert into source (kind, title, language) values ('news_article', 'T', 'en') returning source_id")
            .fetch_one(&pool)
            .await
            .unwrap();
    let propose = |who: i64| {
        let pool = pool.clone();
        async move {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "insert into proposal (claim_id, axis, to_rating_id, rationale, proposed_by)
                 values ($1, 'verdict', (select rating_id from rating where slug = 'mixed'), 'Because.', $2) returning proposal_id",
            )
            .bind(claim_id)
            .bind(who)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("insert into proposal_evidence (proposal_id, source_id) values ($1, $2)")
                .bind(id)
                .bind(source_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await
        }
    };
    propose(checker).await.expect("first proposal");
    let error = propose(editor)
        .await
        .expect_err("second pending proposal on the same axis");
    assert!(
        error.to_string().contains("proposal_one_pending_idx"),
        "{error}"
    );
}
