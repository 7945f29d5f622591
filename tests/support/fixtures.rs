//! Rows for desk tests, written straight to the database so each test starts from the state it
//! needs (the server functions under test then change them).

use sqlx::PgPool;

/// A claim by `kim-jong-un` in `state`, written by `author`. Returns its id.
pub async fn insert_claim(pool: &PgPool, state: &str, author: Option<i64>, text: &str) -> i64 {
    let slug = format!(
        "fixture-{}",
        text.to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-")
    );
    sqlx::query_scalar(
        "insert into claim (slug, speaker_entity_id, kind, text, language, editorial_state, published_at, created_by)
         values ($1, (select entity_id from entity where slug = 'kim-jong-un'), 'paraphrase', $2, 'en',
                 $3::editorial_state, case when $3 = 'published' then now() end, $4)
         returning claim_id",
    )
    .bind(slug)
    .bind(text)
    .bind(state)
    .bind(author)
    .fetch_one(pool)
    .await
    .expect("insert a claim")
}

/// A source with an optional captured text. Returns its id.
pub async fn insert_source(pool: &PgPool, title: &str, text: Option<&str>) -> i64 {
    let source_id: i64 = sqlx::query_scalar(
        "insert into source (kind, title, language) values ('other', $1, 'en') returning source_id",
    )
    .bind(title)
    .fetch_one(pool)
    .await
    .expect("insert a source");
    if let Some(text) = text {
        sqlx::query(
            "insert into source_snapshot (source_id, snapshot_number, body, sha256)
             values ($1, 1, $2, sha256(convert_to($2, 'UTF8')))",
        )
        .bind(source_id)
        .bind(text)
        .execute(pool)
        .await
        .expect("insert a snapshot");
    }
    source_id
}

/// A pending verdict proposal ("false") on `claim_id` by `proposer`, with `source_id` as evidence.
pub async fn insert_pending_proposal(
    pool: &PgPool,
    claim_id: i64,
    proposer: i64,
    source_id: i64,
) -> i64 {
    sqlx::query_scalar(
        "with p as (
             insert into proposal (claim_id, axis, to_rating_id, rationale, proposed_by)
             values ($1, 'verdict', (select rating_id from rating where slug = 'false'), 'Fixture rationale', $2)
             returning proposal_id),
         e as (insert into proposal_evidence (proposal_id, source_id) select proposal_id, $3 from p)
         select proposal_id from p",
    )
    .bind(claim_id)
    .bind(proposer)
    .bind(source_id)
    .fetch_one(pool)
    .await
    .expect("insert a proposal")
}

/// The current `version` of a row (`table` is one of claim, entity, source, app_user).
pub async fn version_of(pool: &PgPool, table: &str, id: i64) -> i32 {
    let key = match table {
        "claim" => "claim_id",
        "entity" => "entity_id",
        "source" => "source_id",
        "app_user" => "app_user_id",
        other => panic!("no version column known for {other}"),
    };
    sqlx::query_scalar(&format!("select version from {table} where {key} = $1"))
        .bind(id)
        .fetch_one(pool)
        .await
        .expect("read the version")
}

/// The user id of a username.
pub async fn user_id(pool: &PgPool, username: &str) -> i64 {
    sqlx::query_scalar("select app_user_id from app_user where username = $1")
        .bind(username)
        .fetch_one(pool)
        .await
        .expect("user exists")
}
