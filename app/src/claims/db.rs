//! Queries behind the public claim pages. Every query here filters on the editorial state, so a
//! draft or a claim in review can never reach a public page or its data endpoint.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;

use super::chain::AttributionChain;
use super::cursor::ListCursor;
use super::search::{excluded_words, name_query, CheckedFilter, Snippet, MARK_END, MARK_START};
use super::{
    AppearanceRole, AppearanceView, AttributionStatus, ClaimDetail, ClaimKind, ClaimListPage,
    ClaimSummary, DatePrecision, EditorialState, FilterOptions, RelatedClaim, RelationKind,
    SpeakerRef,
};
use crate::entities::EntityKind;
use crate::error::AppError;
use crate::ratings::Rating;
use crate::site::SiteInfo;

/// A listing of public claims. All filters are optional and combine with AND.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    /// Search text, filters and the rest of the reader's URL query.
    pub filter: CheckedFilter,
    /// Only claims that appear in this source.
    pub source_id: Option<i64>,
    /// Only these claims (used to load related claims); retracted ones are included.
    pub claim_ids: Option<Vec<i64>>,
    pub after: Option<ListCursor>,
    pub limit: i64,
}

/// How many matching claims a search ranks at most: the newest this many matches are scored
/// and ordered; older matches beyond them are not shown. Keeps a vague query cheap.
pub const SEARCH_CANDIDATES: i64 = 1000;

/// One row of the listing query; flat because SQL is.
struct SummaryRow {
    claim_id: i64,
    slug: String,
    headline: Option<String>,
    text: String,
    language: String,
    kind: ClaimKind,
    claimed_on: Option<NaiveDate>,
    claimed_on_precision: Option<DatePrecision>,
    editorial_state: EditorialState,
    attribution_status: AttributionStatus,
    published_at: Option<DateTime<Utc>>,
    speaker_slug: String,
    speaker_name: String,
    speaker_wikidata_id: Option<String>,
    rating_slug: Option<String>,
    rating_label_en: Option<String>,
    rating_label_id: Option<String>,
    rating_colour: Option<String>,
    rating_value: Option<i16>,
    rating_explanation_en: Option<String>,
    rating_explanation_id: Option<String>,
    rating_retired: Option<bool>,
    score: Option<f32>,
    snippet_text: Option<String>,
    snippet_translation: Option<String>,
}

impl SummaryRow {
    fn into_summary(self) -> (ClaimSummary, Option<f32>) {
        let verdict = Rating::from_columns(
            self.rating_slug,
            (self.rating_label_en, self.rating_label_id),
            self.rating_colour,
            self.rating_value,
            (self.rating_explanation_en, self.rating_explanation_id),
            self.rating_retired,
        );
        // Prefer a match in the original words; fall back to the translation.
        let snippet = self
            .snippet_text
            .as_deref()
            .and_then(|marked| Snippet::from_marked(marked, false))
            .or_else(|| {
                self.snippet_translation
                    .as_deref()
                    .and_then(|marked| Snippet::from_marked(marked, true))
            });
        let summary = ClaimSummary {
            claim_id: self.claim_id,
            slug: self.slug,
            headline: self.headline,
            text: self.text,
            language: self.language,
            kind: self.kind,
            speaker: SpeakerRef {
                slug: self.speaker_slug,
                name: self.speaker_name,
                wikidata_id: self.speaker_wikidata_id,
            },
            claimed_on: self.claimed_on,
            claimed_on_precision: self.claimed_on_precision,
            editorial_state: self.editorial_state,
            attribution_status: self.attribution_status,
            verdict,
            // Public claims always have a publication time (a CHECK constraint says so).
            published_at: self.published_at.unwrap_or_default(),
            snippet,
        };
        (summary, self.score)
    }
}

/// Public claims, one page at a time: newest first, or best match first when searching.
///
/// A search matches the claim's words (headline, text and translation, stemmed in the claim's
/// language: the query is read as Indonesian, English and unstemmed at once) or its speaker's
/// name and aliases (accent- and case-insensitive, small typos allowed: pg_trgm's `<%`; not when
/// the query uses search operators, see `name_query`). A speaker match ranks first.
pub async fn list_public(pool: &PgPool, q: &ListQuery) -> Result<ClaimListPage, AppError> {
    let f = &q.filter;
    let searching = f.search.is_some();
    if q.after.is_some_and(|c| c.ranked().is_some() != searching) {
        // The same message as a malformed cursor, in the reader's language on the site.
        let locale = crate::language::message_locale();
        return Err(AppError::BadRequest(
            crate::i18n::td_string!(locale, search_error.bad_cursor).to_owned(),
        ));
    }
    let newest_after = q.after.and_then(|c| c.newest());
    let ranked_after = q.after.and_then(|c| c.ranked());
    let after_id = newest_after
        .map(|(_, id)| id)
        .or(ranked_after.map(|(_, id)| id))
        .unwrap_or(0);
    // One row more than the page tells whether a next page exists.
    let fetch = q.limit + 1;
    // pg_trgm's `<%` uses the trigram index with a threshold set per transaction: 0.5 lets
    // "Amerka" find "Amerika Serikat" and "Peskof" find "Peskov".
    let mut tx = pool.begin().await?;
    if searching {
        sqlx::query_scalar!("select set_config('pg_trgm.word_similarity_threshold', '0.5', true)")
            .fetch_one(&mut *tx)
            .await?;
    }
    let rows = sqlx::query_as!(
        SummaryRow,
        r#"
        with search as (
            select case when $8::text is null then null
                        else websearch_to_tsquery('pg_catalog.indonesian', $8)
                             || websearch_to_tsquery('pg_catalog.english', $8)
                             || websearch_to_tsquery('pg_catalog.simple', $8)
                   end as query
        ),
        named as (
            -- Short queries ("AS", "AP") only match a name exactly: fuzzily, "as" would
            -- resemble half the names there are.
            select e.entity_id from entity e
             where $17::text is not null
               and ((char_length($17) >= 4 and search_folded($17) <% search_folded(e.name))
                    or search_folded(e.name) = search_folded($17))
            union
            select a.entity_id from entity_alias a
             where $17::text is not null
               and ((char_length($17) >= 4 and search_folded($17) <% search_folded(a.alias))
                    or search_folded(a.alias) = search_folded($17))
        ),
        candidate as (
            select c.claim_id,
                   case when $8::text is null then null
                        else (ts_rank_cd(c.search_vector, s.query, 32)
                              + case when c.speaker_entity_id in (select entity_id from named) then 1 else 0 end)::real
                   end as score
              from claim c
              cross join search s
              join entity e on e.entity_id = c.speaker_entity_id
              left join rating r on r.rating_id = c.rating_id
             where (c.editorial_state = 'published'
                    or ($4::bigint[] is not null and c.editorial_state = 'retracted'))
               and ($1::text is null or e.slug = $1)
               and ($2::text is null or r.slug = $2)
               and ($3::bigint is null
                    or exists (select 1 from appearance a where a.claim_id = c.claim_id and a.source_id = $3))
               and ($4::bigint[] is null or c.claim_id = any($4))
               and ($9::attribution_status is null or c.attribution_status = $9)
               and ($10::text is null
                    or exists (select 1 from claim_tag t where t.claim_id = c.claim_id and t.tag = $10))
               and ($11::text is null or c.language = $11)
               and ($12::date is null or c.claimed_on >= $12)
               and ($13::date is null or c.claimed_on <= $13)
               and ($8::text is null
                    or c.search_vector @@ s.query
                    or c.speaker_entity_id in (select entity_id from named))
               and ($18::text is null
                    or not c.search_vector @@ (websearch_to_tsquery('pg_catalog.indonesian', $18)
                                               || websearch_to_tsquery('pg_catalog.english', $18)
                                               || websearch_to_tsquery('pg_catalog.simple', $18)))
               -- Newest first, the page starts right after the cursor (the listing index
               -- serves it); a search ranks its newest matches and pages through them below.
               and ($5::timestamptz is null or (c.published_at, c.claim_id) < ($5, $6))
             order by c.published_at desc, c.claim_id desc
             limit case when $8::text is null then $7 else $15::bigint end
        )
        select c.claim_id, c.slug, c.headline, c.text, c.language,
               c.kind as "kind: ClaimKind",
               c.claimed_on,
               c.claimed_on_precision as "claimed_on_precision: DatePrecision",
               c.editorial_state as "editorial_state: EditorialState",
               c.attribution_status as "attribution_status: AttributionStatus",
               c.published_at,
               e.slug as speaker_slug, e.name as speaker_name, e.wikidata_id as speaker_wikidata_id,
               r.slug as "rating_slug?", r.label_en as "rating_label_en?", r.label_id as "rating_label_id?",
               r.colour as "rating_colour?", r.rating_value as "rating_value?",
               r.explanation_en as "rating_explanation_en?",
               r.explanation_id as "rating_explanation_id?", r.retired as "rating_retired?",
               k.score as "score?",
               case when $8::text is null then null
                    else ts_headline(claim_search_config(c.language), c.text, s.query, $16)
               end as "snippet_text?",
               case when $8::text is null or c.translation is null then null
                    else ts_headline(claim_search_config(c.translation_language), c.translation, s.query, $16)
               end as "snippet_translation?"
          from candidate k
          join claim c on c.claim_id = k.claim_id
          cross join search s
          join entity e on e.entity_id = c.speaker_entity_id
          left join rating r on r.rating_id = c.rating_id
         where ($14::real is null or (k.score, c.claim_id) < ($14, $6))
         order by k.score desc nulls last,
                  case when $8::text is null then c.published_at end desc,
                  c.claim_id desc
         limit $7
        "#,
        f.speaker,
        f.verdict,
        q.source_id,
        q.claim_ids.as_deref(),
        newest_after.map(|(at, _)| at),
        after_id,
        fetch,
        f.search,
        f.attribution as Option<AttributionStatus>,
        f.topic,
        f.language,
        f.from,
        f.to,
        ranked_after.map(|(score, _)| score),
        SEARCH_CANDIDATES,
        snippet_options(),
        f.search.as_deref().and_then(name_query),
        f.search.as_deref().and_then(excluded_words),
    )
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;

    let mut claims: Vec<(ClaimSummary, Option<f32>)> =
        rows.into_iter().map(SummaryRow::into_summary).collect();
    let next_cursor = if claims.len() as i64 > q.limit {
        claims.truncate(q.limit as usize);
        claims.last().map(|(last, score)| {
            match score {
                Some(score) => ListCursor::Ranked {
                    score: *score,
                    claim_id: last.claim_id,
                },
                None => ListCursor::Newest {
                    published_at: last.published_at,
                    claim_id: last.claim_id,
                },
            }
            .encode()
        })
    } else {
        None
    };
    Ok(ClaimListPage {
        claims: claims.into_iter().map(|(claim, _)| claim).collect(),
        next_cursor,
    })
}

/// `ts_headline` options: a few words around each match, marked with private-use characters.
fn snippet_options() -> String {
    format!(
        "StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \""
    )
}

/// The full public page of one claim, or None when no public claim has this slug.
pub async fn public_claim_detail(
    pool: &PgPool,
    slug: &str,
    site: &SiteInfo,
) -> Result<Option<ClaimDetail>, AppError> {
    let Some(core) = sqlx::query!(
        r#"
        select c.claim_id, c.speaker_role, c.translation, c.translation_language, c.place,
               c.attribution_explanation, c.verdict_explanation, c.retraction_note, c.retracted_at,
               c.updated_at, e.kind as "speaker_kind: EntityKind"
          from claim c
          join entity e on e.entity_id = c.speaker_entity_id
         where c.slug = $1 and c.editorial_state in ('published', 'retracted')
        "#,
        slug
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };

    let only_this = ListQuery {
        claim_ids: Some(vec![core.claim_id]),
        limit: 1,
        ..Default::default()
    };
    let Some(summary) = list_public(pool, &only_this)
        .await?
        .claims
        .into_iter()
        .next()
    else {
        return Ok(None);
    };

    let tags = sqlx::query_scalar!(
        "select tag from claim_tag where claim_id = $1 order by tag",
        core.claim_id
    )
    .fetch_all(pool)
    .await?;
    let appearances = appearances(pool, core.claim_id, &summary.speaker.name).await?;
    let related = related_claims(pool, core.claim_id).await?;
    let corrections = crate::corrections::db::list(pool, None, Some(core.claim_id))
        .await?
        .corrections;

    Ok(Some(ClaimDetail {
        summary,
        speaker_kind: core.speaker_kind,
        speaker_role: core.speaker_role,
        translation: core.translation,
        translation_language: core.translation_language,
        place: core.place,
        attribution_explanation: core.attribution_explanation,
        verdict_explanation: core.verdict_explanation,
        retraction_note: core.retraction_note,
        retracted_at: core.retracted_at,
        updated_at: core.updated_at,
        tags,
        appearances,
        related,
        corrections,
        site: site.clone(),
    }))
}

async fn appearances(
    pool: &PgPool,
    claim_id: i64,
    speaker: &str,
) -> Result<Vec<AppearanceView>, AppError> {
    let rows = sqlx::query!(
        r#"
        select a.appearance_id, a.role as "role: AppearanceRole", a.cue_verb, a.prefix, a.exact, a.suffix,
               s.source_id, s.title, s.url, s.published_at,
               o.name as "outlet_name?"
          from appearance a
          join source s on s.source_id = a.source_id
          left join entity o on o.entity_id = s.outlet_entity_id
         where a.claim_id = $1
         order by s.published_at nulls last, a.appearance_id
        "#,
        claim_id
    )
    .fetch_all(pool)
    .await?;

    // Every source each appearance's source relies on, hop by hop, without loops.
    let hops = sqlx::query!(
        r#"
        with recursive hop (appearance_id, source_id, depth, path) as (
            select a.appearance_id, a.source_id, 0, array[a.source_id]
              from appearance a
             where a.claim_id = $1
            union all
            select h.appearance_id, sc.cited_source_id, h.depth + 1, h.path || sc.cited_source_id
              from hop h
              join source_citation sc on sc.citing_source_id = h.source_id
             where sc.cited_source_id <> all (h.path) and h.depth < 6
        )
        select h.appearance_id as "appearance_id!", h.depth as "depth!",
               coalesce(o.name, s.title) as "name!"
          from hop h
          join source s on s.source_id = h.source_id
          left join entity o on o.entity_id = s.outlet_entity_id
         where h.depth > 0
         order by h.appearance_id, h.depth desc, 3
        "#,
        claim_id
    )
    .fetch_all(pool)
    .await?;

    // appearance -> depth (deepest = the original report) -> names
    let mut reporters: BTreeMap<i64, BTreeMap<std::cmp::Reverse<i32>, Vec<String>>> =
        BTreeMap::new();
    for hop in hops {
        let names = reporters
            .entry(hop.appearance_id)
            .or_default()
            .entry(std::cmp::Reverse(hop.depth))
            .or_default();
        if !names.contains(&hop.name) {
            names.push(hop.name);
        }
    }

    Ok(rows
        .into_iter()
        .map(|row| {
            let carrier = row.outlet_name.clone().unwrap_or_else(|| row.title.clone());
            let chain = AttributionChain {
                speaker: speaker.to_owned(),
                cue_verb: row.cue_verb.clone(),
                role: row.role,
                reporters: reporters
                    .remove(&row.appearance_id)
                    .map(|by_depth| by_depth.into_values().collect())
                    .unwrap_or_default(),
                carrier,
            };
            AppearanceView {
                source_id: row.source_id,
                source_title: row.title,
                outlet_name: row.outlet_name,
                source_url: row.url,
                source_published_at: row.published_at,
                role: row.role,
                cue_verb: row.cue_verb,
                prefix: row.prefix,
                exact: row.exact,
                suffix: row.suffix,
                chain,
            }
        })
        .collect())
}

async fn related_claims(pool: &PgPool, claim_id: i64) -> Result<Vec<RelatedClaim>, AppError> {
    let links = sqlx::query!(
        r#"
        select kind as "kind: RelationKind", note, to_claim_id as other_claim_id, false as "incoming!"
          from relation where from_claim_id = $1
        union all
        select kind as "kind: RelationKind", note, from_claim_id as other_claim_id, true as "incoming!"
          from relation where to_claim_id = $1
        "#,
        claim_id
    )
    .fetch_all(pool)
    .await?;
    if links.is_empty() {
        return Ok(Vec::new());
    }
    // Only public claims come back from the listing query, so a draft on the other end of a
    // relation stays invisible.
    let ids: Vec<i64> = links.iter().filter_map(|l| l.other_claim_id).collect();
    let others = list_public(
        pool,
        &ListQuery {
            claim_ids: Some(ids),
            limit: links.len() as i64,
            ..Default::default()
        },
    )
    .await?
    .claims;
    Ok(links
        .into_iter()
        .filter_map(|link| {
            let claim = others
                .iter()
                .find(|c| Some(c.claim_id) == link.other_claim_id)?
                .clone();
            Some(RelatedClaim {
                kind: link.kind?,
                incoming: link.incoming,
                note: link.note,
                claim,
            })
        })
        .collect())
}

/// Speakers who have published claims, and the whole rating scale, for the listing's filters.
pub async fn filter_options(pool: &PgPool, site: &SiteInfo) -> Result<FilterOptions, AppError> {
    let speakers = sqlx::query_as!(
        SpeakerRef,
        r#"
        select e.slug, e.name, e.wikidata_id
          from entity e
         where exists (select 1 from claim c
                        where c.speaker_entity_id = e.entity_id and c.editorial_state = 'published')
         order by e.name
        "#
    )
    .fetch_all(pool)
    .await?;
    let ratings = crate::ratings::db::all(pool).await?;
    let topics = sqlx::query_scalar!(
        r#"
        select distinct t.tag
          from claim_tag t join claim c on c.claim_id = t.claim_id
         where c.editorial_state = 'published'
         order by t.tag
        "#
    )
    .fetch_all(pool)
    .await?;
    let languages = sqlx::query_scalar!(
        "select distinct language from claim where editorial_state = 'published' order by language"
    )
    .fetch_all(pool)
    .await?;
    Ok(FilterOptions {
        speakers,
        ratings,
        topics,
        languages,
        site: site.clone(),
    })
}
