//! `server seed-demo`: loads the founding article's claims (see `demo.rs`). Idempotent: every row
//! has a natural key, existing rows are left alone, and a second run changes nothing — not even
//! the audit log.

pub mod demo;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde_json::json;
use sqlx::{PgConnection, PgPool};

use app::accounts::UserRole;
use app::audit::db::{record, Actor, AuditEntry};
use app::claims::{ClaimKind, DatePrecision};
use demo::{DemoClaim, DemoEntity};

/// What a run inserted (all zero on a second run).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SeedReport {
    pub entities: u32,
    pub sources: u32,
    pub claims: u32,
    pub relations: u32,
}

/// The record-keeping accounts in whose names the demo judgements were proposed and approved.
/// They have no password and cannot log in; two accounts because of the four-eyes rule.
const DEMO_PROPOSER: (&str, &str, UserRole) = (
    "demo-fact-checker",
    "Demo data: fact-checker",
    UserRole::FactChecker,
);
const DEMO_APPROVER: (&str, &str, UserRole) =
    ("demo-editor", "Demo data: editor", UserRole::Editor);

pub async fn seed_demo(pool: &PgPool) -> Result<SeedReport, sqlx::Error> {
    let mut tx = pool.begin().await?;
    // Two servers starting at once must not both insert.
    sqlx::query!("select pg_advisory_xact_lock(73160001)")
        .execute(&mut *tx)
        .await?;
    let system = Actor::system("seed-demo");
    let mut report = SeedReport::default();

    let proposer = ensure_record_keeper(&mut tx, &system, DEMO_PROPOSER).await?;
    let approver = ensure_record_keeper(&mut tx, &system, DEMO_APPROVER).await?;

    for entity in demo::ENTITIES {
        if insert_entity(&mut tx, &system, entity).await? {
            report.entities += 1;
        }
    }

    let (ap_id, ap_new) = ensure_source(
        &mut tx,
        &system,
        NewSource {
            title: demo::AP_TITLE,
            outlet: "associated-press",
            language: "en",
            authors: &[],
            editors: &[],
            published_at: None,
            summary: demo::AP_SUMMARY,
        },
    )
    .await?;
    let kompas_published = DateTime::parse_from_rfc3339(demo::KOMPAS_PUBLISHED_AT)
        .map(|t| t.with_timezone(&Utc))
        .ok();
    let (kompas_id, kompas_new) = ensure_source(
        &mut tx,
        &system,
        NewSource {
            title: demo::KOMPAS_TITLE,
            outlet: "kompas-tv",
            language: "id",
            authors: demo::KOMPAS_AUTHORS,
            editors: demo::KOMPAS_EDITORS,
            published_at: kompas_published,
            summary: demo::KOMPAS_SUMMARY,
        },
    )
    .await?;
    report.sources += u32::from(ap_new) + u32::from(kompas_new);
    let cited = sqlx::query!(
        "insert into source_citation (citing_source_id, cited_source_id, cue) values ($1, $2, $3)
         on conflict do nothing",
        kompas_id,
        ap_id,
        demo::KOMPAS_CITATION_CUE
    )
    .execute(&mut *tx)
    .await?;
    if cited.rows_affected() == 1 {
        record(
            &mut tx,
            &system,
            AuditEntry {
                action: "source.cite",
                object_type: "source",
                object_id: kompas_id,
                before: None,
                after: Some(json!({ "cites_source_id": ap_id, "cue": demo::KOMPAS_CITATION_CUE })),
                note: None,
            },
        )
        .await?;
    }

    // Listing order: the first claim is the newest, one second apart.
    let published_base = Utc::now();
    let reviewers = Reviewers { proposer, approver };
    for (position, claim) in demo::CLAIMS.iter().enumerate() {
        let published_at = published_base - Duration::seconds(position as i64);
        if insert_claim(&mut tx, &system, &reviewers, kompas_id, claim, published_at).await? {
            report.claims += 1;
        }
    }

    for (from, kind, to) in demo::RELATIONS {
        let inserted = sqlx::query_scalar!(
            r#"
            insert into relation (from_claim_id, to_claim_id, kind)
            select f.claim_id, t.claim_id, $3
              from claim f, claim t
             where f.slug = $1 and t.slug = $2
            on conflict do nothing
            returning relation_id
            "#,
            from,
            to,
            *kind as _
        )
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(relation_id) = inserted {
            report.relations += 1;
            let after = json!({ "from": from, "kind": kind, "to": to });
            record(&mut tx, &system, created("relation", relation_id, after)).await?;
        }
    }

    tx.commit().await?;
    Ok(report)
}

/// The audit entry for a row the seed inserted ("claim" → action "claim.create").
fn created(
    object_type: &'static str,
    object_id: i64,
    after: serde_json::Value,
) -> AuditEntry<'static> {
    let action = match object_type {
        "entity" => "entity.create",
        "source" => "source.create",
        "claim" => "claim.create",
        "appearance" => "appearance.create",
        "relation" => "relation.create",
        _ => "proposal.create",
    };
    AuditEntry {
        action,
        object_type,
        object_id,
        before: None,
        after: Some(after),
        note: None,
    }
}

async fn ensure_record_keeper(
    conn: &mut PgConnection,
    system: &Actor,
    (username, display_name, role): (&str, &str, UserRole),
) -> Result<i64, sqlx::Error> {
    let inserted = sqlx::query_scalar!(
        "insert into app_user (username, display_name, role) values ($1, $2, $3)
         on conflict (username) do nothing returning app_user_id",
        username,
        display_name,
        role as _
    )
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(id) = inserted {
        let after = json!({ "username": username, "role": role, "can_log_in": false });
        let entry = AuditEntry {
            action: "user.create",
            object_type: "app_user",
            object_id: id,
            before: None,
            after: Some(after),
            note: None,
        };
        record(conn, system, entry).await?;
        return Ok(id);
    }
    sqlx::query_scalar!(
        "select app_user_id from app_user where username = $1",
        username
    )
    .fetch_one(conn)
    .await
}

/// Inserts the entity unless its slug exists; true when inserted.
async fn insert_entity(
    conn: &mut PgConnection,
    system: &Actor,
    entity: &DemoEntity,
) -> Result<bool, sqlx::Error> {
    let Some(entity_id) = sqlx::query_scalar!(
        r#"
        insert into entity (slug, name, kind, country, wikidata_id, description, parent_entity_id)
        values ($1, $2, $3, $4, $5, $6, (select entity_id from entity where slug = $7))
        on conflict (slug) do nothing
        returning entity_id
        "#,
        entity.slug,
        entity.name,
        entity.kind as _,
        entity.country,
        entity.wikidata_id,
        entity.description,
        entity.parent,
    )
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(false);
    };
    for (alias, language) in entity.aliases {
        sqlx::query!(
            "insert into entity_alias (entity_id, alias, language) values ($1, $2, $3)",
            entity_id,
            alias,
            language
        )
        .execute(&mut *conn)
        .await?;
    }
    let after = json!({
        "slug": entity.slug, "name": entity.name, "kind": entity.kind, "country": entity.country,
        "wikidata_id": entity.wikidata_id, "parent": entity.parent, "aliases": entity.aliases,
    });
    record(conn, system, created("entity", entity_id, after)).await?;
    Ok(true)
}

struct NewSource<'a> {
    title: &'a str,
    outlet: &'a str,
    language: &'a str,
    authors: &'a [&'a str],
    editors: &'a [&'a str],
    published_at: Option<DateTime<Utc>>,
    summary: &'a str,
}

/// The source with this title from this outlet, inserted when missing: (id, inserted).
async fn ensure_source(
    conn: &mut PgConnection,
    system: &Actor,
    source: NewSource<'_>,
) -> Result<(i64, bool), sqlx::Error> {
    let existing = sqlx::query_scalar!(
        "select s.source_id from source s join entity o on o.entity_id = s.outlet_entity_id
          where s.title = $1 and o.slug = $2",
        source.title,
        source.outlet
    )
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(id) = existing {
        return Ok((id, false));
    }
    let authors: Vec<String> = source.authors.iter().map(|a| a.to_string()).collect();
    let editors: Vec<String> = source.editors.iter().map(|a| a.to_string()).collect();
    let id = sqlx::query_scalar!(
        r#"
        insert into source (kind, title, outlet_entity_id, language, authors, editors, published_at, summary)
        values ('news_article', $1, (select entity_id from entity where slug = $2), $3, $4, $5, $6, $7)
        returning source_id
        "#,
        source.title,
        source.outlet,
        source.language,
        &authors,
        &editors,
        source.published_at,
        source.summary,
    )
    .fetch_one(&mut *conn)
    .await?;
    let after = json!({
        "title": source.title, "outlet": source.outlet, "language": source.language,
        "authors": authors, "editors": editors, "published_at": source.published_at,
    });
    record(conn, system, created("source", id, after)).await?;
    Ok((id, true))
}

struct Reviewers {
    proposer: i64,
    approver: i64,
}

/// Inserts the claim with its appearance, tags, approved judgements and publication, unless a
/// claim with its slug exists; true when inserted.
async fn insert_claim(
    conn: &mut PgConnection,
    system: &Actor,
    reviewers: &Reviewers,
    source_id: i64,
    claim: &DemoClaim,
    published_at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let claimed_on = claim
        .claimed_on
        .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
    let precision = claimed_on.map(|_| DatePrecision::Day);
    let Some(claim_id) = sqlx::query_scalar!(
        r#"
        insert into claim (slug, speaker_entity_id, speaker_role, kind, text, language, translation,
                           translation_language, headline, claimed_on, claimed_on_precision, place,
                           attribution_explanation, created_by)
        values ($1, (select entity_id from entity where slug = $2), $3, $4, $5, 'id', $6, 'en', $7, $8, $9,
                $10, $11, $12)
        on conflict (slug) do nothing
        returning claim_id
        "#,
        claim.slug,
        claim.speaker,
        claim.speaker_role,
        claim.kind as ClaimKind,
        claim.text,
        claim.translation_en,
        claim.headline,
        claimed_on,
        precision as Option<DatePrecision>,
        claim.place,
        claim.attribution_explanation,
        reviewers.proposer,
    )
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(false);
    };
    let after = json!({
        "slug": claim.slug, "speaker": claim.speaker, "speaker_role": claim.speaker_role,
        "kind": claim.kind, "text": claim.text, "language": "id", "translation": claim.translation_en,
        "headline": claim.headline, "claimed_on": claimed_on, "place": claim.place,
        "editorial_state": "draft", "attribution_status": "unverified",
    });
    record(conn, system, created("claim", claim_id, after)).await?;

    for tag in claim.tags {
        sqlx::query!(
            "insert into claim_tag (claim_id, tag) values ($1, $2)",
            claim_id,
            tag
        )
        .execute(&mut *conn)
        .await?;
    }

    let appearance_id = sqlx::query_scalar!(
        r#"
        insert into appearance (claim_id, source_id, role, cue_verb, exact, prefix, suffix)
        values ($1, $2, 'relay', $3, $4, $5, $6)
        returning appearance_id
        "#,
        claim_id,
        source_id,
        claim.cue_verb,
        claim.exact,
        claim.prefix,
        claim.suffix,
    )
    .fetch_one(&mut *conn)
    .await?;
    let after = json!({ "claim_id": claim_id, "source_id": source_id, "role": "relay", "cue_verb": claim.cue_verb, "exact": claim.exact });
    record(conn, system, created("appearance", appearance_id, after)).await?;

    if let (Some(verdict), Some(rationale)) = (claim.verdict, claim.verdict_explanation) {
        approve_verdict(
            conn,
            system,
            reviewers,
            claim_id,
            source_id,
            appearance_id,
            verdict,
            rationale,
        )
        .await?;
    }

    if claim.publish {
        sqlx::query!(
            "update claim set editorial_state = 'published', published_at = $2, version = version + 1,
                    updated_at = now()
              where claim_id = $1",
            claim_id,
            published_at
        )
        .execute(&mut *conn)
        .await?;
        let entry = AuditEntry {
            action: "claim.publish",
            object_type: "claim",
            object_id: claim_id,
            before: Some(json!({ "editorial_state": "draft" })),
            after: Some(json!({ "editorial_state": "published", "published_at": published_at })),
            note: None,
        };
        record(conn, system, entry).await?;
    }
    Ok(true)
}

/// A verdict reaches a claim only through an approved proposal, made by one account and
/// approved by another — the demo follows the same path as the desk.
#[allow(clippy::too_many_arguments)]
async fn approve_verdict(
    conn: &mut PgConnection,
    system: &Actor,
    reviewers: &Reviewers,
    claim_id: i64,
    source_id: i64,
    appearance_id: i64,
    verdict: &str,
    rationale: &str,
) -> Result<(), sqlx::Error> {
    let proposal_id = sqlx::query_scalar!(
        r#"
        insert into proposal (claim_id, axis, to_rating_id, rationale, proposed_by, state, decided_by,
                              decided_at, decision_note)
        values ($1, 'verdict', (select rating_id from rating where slug = $2), $3, $4, 'approved', $5, now(),
                'Approved with the demo data.')
        returning proposal_id
        "#,
        claim_id,
        verdict,
        rationale,
        reviewers.proposer,
        reviewers.approver,
    )
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query!(
        "insert into proposal_evidence (proposal_id, source_id, appearance_id) values ($1, $2, $3)",
        proposal_id,
        source_id,
        appearance_id
    )
    .execute(&mut *conn)
    .await?;
    let after = json!({ "claim_id": claim_id, "axis": "verdict", "to": verdict, "rationale": rationale,
                        "evidence_source_ids": [source_id], "proposed_by": reviewers.proposer });
    record(conn, system, created("proposal", proposal_id, after)).await?;
    let entry = AuditEntry {
        action: "proposal.approve",
        object_type: "proposal",
        object_id: proposal_id,
        before: Some(json!({ "state": "pending" })),
        after: Some(json!({ "state": "approved", "decided_by": reviewers.approver })),
        note: Some("Approved with the demo data."),
    };
    record(conn, system, entry).await?;

    sqlx::query!(
        "update claim set rating_id = (select rating_id from rating where slug = $2), verdict_explanation = $3,
                version = version + 1, updated_at = now()
          where claim_id = $1",
        claim_id,
        verdict,
        rationale
    )
    .execute(&mut *conn)
    .await?;
    let entry = AuditEntry {
        action: "claim.judge",
        object_type: "claim",
        object_id: claim_id,
        before: Some(json!({ "verdict": null })),
        after: Some(
            json!({ "verdict": verdict, "verdict_explanation": rationale, "proposal_id": proposal_id }),
        ),
        note: None,
    };
    record(conn, system, entry).await?;
    Ok(())
}
