//! Queries behind the source page.

use sqlx::PgPool;

use super::{CitationLink, SnapshotInfo, SourceInfo, SourceKind};
use crate::claims::SpeakerRef;
use crate::error::AppError;

pub async fn source_by_id(pool: &PgPool, source_id: i64) -> Result<Option<SourceInfo>, AppError> {
    Ok(sources(pool, Some(source_id), None, 1)
        .await?
        .into_iter()
        .next())
}

/// Every source by id, one page at a time (the API's listing): those after `after`.
pub async fn list_sources(
    pool: &PgPool,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<SourceInfo>, AppError> {
    sources(pool, None, after, limit).await
}

/// Sources with their outlet and latest snapshot's fingerprint: one id, or a page in id order.
async fn sources(
    pool: &PgPool,
    source_id: Option<i64>,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<SourceInfo>, AppError> {
    let rows = sqlx::query!(
        r#"
        select s.source_id, s.kind as "kind: SourceKind", s.title, s.url, s.authors, s.editors,
               s.language, s.published_at, s.retrieved_at, s.summary,
               o.slug as "outlet_slug?", o.name as "outlet_name?", o.wikidata_id as "outlet_wikidata_id?",
               snap.snapshot_number as "snapshot_number?", encode(snap.sha256, 'hex') as "sha256_hex?",
               snap.captured_at as "captured_at?", char_length(snap.body) as "characters?"
          from source s
          left join entity o on o.entity_id = s.outlet_entity_id
          left join lateral (
                select snapshot_number, sha256, captured_at, body
                  from source_snapshot
                 where source_id = s.source_id
                 order by snapshot_number desc
                 limit 1) snap on true
         where ($1::bigint is null or s.source_id = $1)
           and ($2::bigint is null or s.source_id > $2)
         order by s.source_id
         limit $3
        "#,
        source_id,
        after,
        limit
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let outlet = match (row.outlet_slug, row.outlet_name) {
                (Some(slug), Some(name)) => Some(SpeakerRef {
                    slug,
                    name,
                    wikidata_id: row.outlet_wikidata_id,
                }),
                _ => None,
            };
            let snapshot = match (
                row.snapshot_number,
                row.sha256_hex,
                row.captured_at,
                row.characters,
            ) {
                (Some(snapshot_number), Some(sha256_hex), Some(captured_at), Some(characters)) => {
                    Some(SnapshotInfo {
                        snapshot_number,
                        sha256_hex,
                        captured_at,
                        characters,
                    })
                }
                _ => None,
            };
            SourceInfo {
                source_id: row.source_id,
                kind: row.kind,
                title: row.title,
                outlet,
                url: row.url,
                authors: row.authors,
                editors: row.editors,
                language: row.language,
                published_at: row.published_at,
                retrieved_at: row.retrieved_at,
                summary: row.summary,
                snapshot,
            }
        })
        .collect())
}

/// (sources this one cites, sources citing this one)
pub async fn citations(
    pool: &PgPool,
    source_id: i64,
) -> Result<(Vec<CitationLink>, Vec<CitationLink>), AppError> {
    let rows = sqlx::query!(
        r#"
        select (sc.citing_source_id = $1) as "outgoing!", s.source_id, s.title, o.name as "outlet_name?", sc.cue
          from source_citation sc
          join source s on s.source_id = case when sc.citing_source_id = $1
                                              then sc.cited_source_id else sc.citing_source_id end
          left join entity o on o.entity_id = s.outlet_entity_id
         where sc.citing_source_id = $1 or sc.cited_source_id = $1
         order by s.published_at nulls last, s.source_id
        "#,
        source_id
    )
    .fetch_all(pool)
    .await?;
    let (mut cites, mut cited_by) = (Vec::new(), Vec::new());
    for row in rows {
        let link = CitationLink {
            source_id: row.source_id,
            title: row.title,
            outlet_name: row.outlet_name,
            cue: row.cue,
        };
        if row.outgoing {
            cites.push(link)
        } else {
            cited_by.push(link)
        }
    }
    Ok((cites, cited_by))
}
