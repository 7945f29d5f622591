#![recursion_limit = "512"]
//! The founding article's demo data: complete, accurate, judged honestly, and loadable twice
//! without changing anything.

use claimtrack_tests::seed_demo;
use sqlx::PgPool;

/// Row counts of every table the seed writes.
async fn table_counts(pool: &PgPool) -> Vec<(String, i64)> {
    let mut counts = Vec::new();
    for table in [
        "entity",
        "entity_alias",
        "source",
        "source_citation",
        "claim",
        "claim_tag",
        "appearance",
        "relation",
        "proposal",
        "proposal_evidence",
        "app_user",
        "audit_event",
    ] {
        let count: i64 = sqlx::query_scalar(&format!("select count(*) from {table}"))
            .fetch_one(pool)
            .await
            .unwrap();
        counts.push((table.to_owned(), count));
    }
    counts
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn seeding_twice_changes_nothing(pool: PgPool) {
    let first = server::seed::seed_demo(&pool).await.unwrap();
    assert!(first.claims >= 14 && first.entities >= 14, "{first:?}");
    let after_first = table_counts(&pool).await;
    let updated_first: Vec<(String, i32)> =
        sqlx::query_as("select slug, version from claim order by slug")
            .fetch_all(&pool)
            .await
            .unwrap();

    let second = server::seed::seed_demo(&pool).await.unwrap();
    assert_eq!(
        second,
        server::seed::SeedReport::default(),
        "a second run inserts nothing"
    );
    assert_eq!(table_counts(&pool).await, after_first);
    let updated_second: Vec<(String, i32)> =
        sqlx::query_as("select slug, version from claim order by slug")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(updated_first, updated_second, "no claim was touched");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_demo_holds_the_articles_key_claims(pool: PgPool) {
    seed_demo(&pool).await;
    let published: i64 =
        sqlx::query_scalar("select count(*) from claim where editorial_state = 'published'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(published >= 14, "{published} published claims");

    let quotes_by = |speaker: &'static str| {
        let pool = pool.clone();
        async move {
            let n: i64 = sqlx::query_scalar(
                "select count(*) from claim c join entity e on e.entity_id = c.speaker_entity_id
                  where e.slug = $1 and c.kind = 'direct_quote' and c.editorial_state = 'published'",
            )
            .bind(speaker)
            .fetch_one(&pool)
            .await
            .unwrap();
            n
        }
    };
    assert_eq!(quotes_by("kim-jong-un").await, 3);
    assert_eq!(quotes_by("vladimir-putin").await, 2);
    assert_eq!(quotes_by("matthew-miller").await, 1);

    let denials: Vec<String> = sqlx::query_scalar(
        "select e.slug from relation r
           join claim f on f.claim_id = r.from_claim_id
           join claim t on t.claim_id = r.to_claim_id
           join entity e on e.entity_id = f.speaker_entity_id
          where t.slug = 'us-accuses-north-korea-of-supplying-weapons-to-russia' and r.kind = 'denies'
          order by e.slug",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        denials,
        ["government-of-north-korea", "government-of-russia"]
    );

    let accusation: (String, String, Option<String>) = sqlx::query_as(
        "select c.text, a.cue_verb, r.slug from claim c join appearance a using (claim_id)
           left join rating r on r.rating_id = c.rating_id
          where c.slug = 'us-accuses-north-korea-of-supplying-weapons-to-russia'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(accusation.0.contains("peluru artileri") && accusation.0.contains("Wagner"));
    assert_eq!(accusation.1, "menuduh");
    assert_eq!(accusation.2.as_deref(), Some("unproven"));

    let kompas: (Vec<String>, Vec<String>, String, String) = sqlx::query_as(
        "select s.authors, s.editors, s.language, to_char(s.published_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI')
           from source s join entity o on o.entity_id = s.outlet_entity_id where o.slug = 'kompas-tv'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        kompas,
        (
            vec!["Edwin Shri Bimo".to_owned()],
            vec!["Vyara-Lestari".to_owned()],
            "id".to_owned(),
            "2023-09-13 21:10".to_owned()
        )
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn every_published_claim_is_complete(pool: PgPool) {
    seed_demo(&pool).await;
    let incomplete: Vec<String> = sqlx::query_scalar(
        "select c.slug from claim c
          where c.editorial_state = 'published'
            and (c.translation is null or c.headline is null
                 or not exists (select 1 from appearance a where a.claim_id = c.claim_id and a.exact <> ''))",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(incomplete.is_empty(), "incomplete claims: {incomplete:?}");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn demo_judgements_went_through_four_eyes_review(pool: PgPool) {
    seed_demo(&pool).await;
    // Every verdict on a claim is backed by an approved proposal with evidence, decided by
    // someone other than its proposer.
    let unbacked: Vec<String> = sqlx::query_scalar(
        "select c.slug from claim c
          where c.rating_id is not null
            and not exists (select 1 from proposal p
                             where p.claim_id = c.claim_id and p.axis = 'verdict' and p.state = 'approved'
                               and p.to_rating_id = c.rating_id and p.decided_by <> p.proposed_by
                               and exists (select 1 from proposal_evidence pe where pe.proposal_id = p.proposal_id))",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(unbacked.is_empty(), "{unbacked:?}");
    // Only second-hand reports: nothing can honestly be marked verified from the article alone.
    let verified: i64 =
        sqlx::query_scalar("select count(*) from claim where attribution_status <> 'unverified'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(verified, 0);
    // Every inserted row has its audit entry.
    let unaudited: i64 = sqlx::query_scalar(
        "select count(*) from claim c where not exists
           (select 1 from audit_event a where a.object_type = 'claim' and a.object_id = c.claim_id and a.action = 'claim.create')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(unaudited, 0);
}

/// The excerpts are the article's words, at a single place, with the prefix and suffix that
/// anchor them. Uses the fixture in ../shared when it is there (it is not part of this repo).
#[test]
fn excerpts_and_their_context_occur_in_the_founding_article() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/fixtures/kompas-tv-2023-09-13-kim-putin.txt");
    let Ok(article) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is not present", path.display());
        return;
    };
    for claim in server::seed::demo::CLAIMS {
        let anchored = format!("{}{}{}", claim.prefix, claim.exact, claim.suffix);
        assert_eq!(
            article.matches(&anchored).count(),
            1,
            "{}: excerpt not found once in the article",
            claim.slug
        );
        if claim.kind == app::claims::ClaimKind::DirectQuote {
            assert!(
                article.contains(claim.text),
                "{}: a direct quote must be the article's words",
                claim.slug
            );
        }
        assert!(claim.headline.chars().count() <= 75, "{}", claim.slug);
    }
}
