//! The JSON API's documents. Separate from the app's internal types on purpose: these field
//! names are a public contract (other newsrooms build on them), so they change only with a new
//! API version, whatever the pages need. Every schema here is published in the OpenAPI document.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use app::claims::{
    AppearanceView, ClaimDetail, ClaimSummary, DatePrecision, RelatedClaim, SpeakerRef,
};
use app::corrections::CorrectionView;
use app::entities::{AttributionCount, EntityInfo, VerdictCount};
use app::ratings::Rating;
use app::site::SiteInfo;
use app::sources::{CitationLink, SourceInfo};

/// A person or organisation as linked from another document.
#[derive(Debug, Serialize, ToSchema)]
pub struct EntityRef {
    pub slug: String,
    pub name: String,
    /// Wikidata item id ("Q7747"), when known.
    pub wikidata_id: Option<String>,
    /// This entity in the API.
    pub api_url: String,
}

/// A rating from the organisation's scale.
#[derive(Debug, Serialize, ToSchema)]
pub struct Verdict {
    pub slug: String,
    pub label_en: String,
    pub label_id: String,
    /// schema.org ratingValue, 1 (worst) to 5 (best); null where no score applies.
    pub rating_value: Option<i16>,
    /// A retired rating is no longer given, but stays valid on older claims.
    pub retired: bool,
}

/// One published (or retracted) claim, as listed.
#[derive(Debug, Serialize, ToSchema)]
pub struct Claim {
    pub slug: String,
    /// The claim's public page.
    pub url: String,
    pub api_url: String,
    /// Short title (at most 75 characters); null when the claim has none.
    pub headline: Option<String>,
    /// The words in their original language.
    pub text: String,
    /// ISO 639 code of `text`.
    pub language: String,
    /// `direct_quote` or `paraphrase`.
    pub kind: String,
    pub speaker: EntityRef,
    /// When the claim was made, no more precisely than known: `2023-09-13`, `2023-09` or `2023`.
    pub claimed_on: Option<String>,
    /// `published` or `retracted`.
    pub state: String,
    /// Did the speaker say it? `unverified`, `verified`, `disputed` or `misattributed`.
    pub attribution_status: String,
    /// Is it accurate? Null until a verdict is approved.
    pub verdict: Option<Verdict>,
    pub published_at: DateTime<Utc>,
    /// With `q`: the words around the match, as plain text.
    pub snippet: Option<String>,
}

/// A page of claims; follow `next` for the following page.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimList {
    pub claims: Vec<Claim>,
    /// Pass as `after` to get the next page; null on the last page.
    pub next_cursor: Option<String>,
    /// The next page's full address, with the same filters.
    pub next: Option<String>,
}

/// A judgement with the desk's explanation.
#[derive(Debug, Serialize, ToSchema)]
pub struct Judgements {
    pub attribution_status: String,
    pub attribution_explanation: Option<String>,
    pub verdict: Option<Verdict>,
    pub verdict_explanation: Option<String>,
}

/// W3C Web Annotation TextQuoteSelector of the excerpt in the source's text.
#[derive(Debug, Serialize, ToSchema)]
pub struct Excerpt {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// Who said it, who reported it, who relayed that report.
#[derive(Debug, Serialize, ToSchema)]
pub struct Chain {
    /// The chain as an English sentence.
    pub sentence: String,
    /// Sources the carrying source relies on, the original report first; each hop may name
    /// several sources.
    pub reporters: Vec<Vec<String>>,
    /// The source in which the claim appears.
    pub carrier: String,
}

/// A source as linked from a claim or another source.
#[derive(Debug, Serialize, ToSchema)]
pub struct SourceRef {
    pub id: i64,
    pub title: String,
    pub outlet: Option<String>,
    /// The original document, when it is online (http or https only).
    pub url: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub api_url: String,
}

/// Where a claim appears.
#[derive(Debug, Serialize, ToSchema)]
pub struct Appearance {
    pub source: SourceRef,
    /// `primary` (the speaker's own words), `report` or `relay`.
    pub role: String,
    /// The verb that introduces the claim in the source ("membantah", "said").
    pub cue_verb: Option<String>,
    pub excerpt: Excerpt,
    pub chain: Chain,
}

/// A typed link to another public claim.
#[derive(Debug, Serialize, ToSchema)]
pub struct Relation {
    /// `denies`, `confirms`, `supports`, `contradicts`, `repeats`, `responds_to`, `clarifies` or
    /// `supersedes`, read from `from` to `to`.
    pub kind: String,
    /// `outgoing`: this claim <kind> the other; `incoming`: the other <kind> this claim.
    pub direction: String,
    pub note: Option<String>,
    pub claim: Claim,
}

/// A change made after publication, with the editor's public note.
#[derive(Debug, Serialize, ToSchema)]
pub struct Correction {
    pub note: String,
    /// What changed: field names such as `text`, `verdict`, `relations`, `retraction`.
    pub changed: Vec<String>,
    pub corrected_at: DateTime<Utc>,
}

/// A retracted claim stays public with the reason.
#[derive(Debug, Serialize, ToSchema)]
pub struct Retraction {
    pub note: String,
    pub retracted_at: DateTime<Utc>,
}

/// Everything public about one claim.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimDocument {
    pub claim: Claim,
    /// The speaker's role when the claim was made.
    pub speaker_role: Option<String>,
    pub translation: Option<String>,
    pub translation_language: Option<String>,
    pub place: Option<String>,
    pub tags: Vec<String>,
    pub judgements: Judgements,
    pub appearances: Vec<Appearance>,
    pub relations: Vec<Relation>,
    /// Newest first.
    pub corrections: Vec<Correction>,
    pub retraction: Option<Retraction>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Alias {
    pub alias: String,
    pub language: String,
}

/// A person or organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct Entity {
    pub slug: String,
    pub name: String,
    /// `person`, `government`, `agency`, `media_outlet`, `company`, `group` or `other`.
    pub kind: String,
    pub description: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub wikidata_id: Option<String>,
    /// The Wikidata page (schema.org `sameAs`).
    pub same_as: Option<String>,
    pub parent: Option<EntityRef>,
    pub aliases: Vec<Alias>,
    pub url: String,
    pub api_url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EntityList {
    pub entities: Vec<Entity>,
    pub next_cursor: Option<String>,
    pub next: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VerdictTally {
    /// Null counts the claims not yet rated.
    pub verdict: Option<Verdict>,
    pub count: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AttributionTally {
    pub attribution_status: String,
    pub count: i64,
}

/// An entity with the tallies of its public claims.
#[derive(Debug, Serialize, ToSchema)]
pub struct EntityDocument {
    pub entity: Entity,
    pub verdict_tally: Vec<VerdictTally>,
    pub attribution_tally: Vec<AttributionTally>,
    /// Its claims: `/api/v1/claims?speaker=<slug>`.
    pub claims_url: String,
}

/// A document that carries claims.
#[derive(Debug, Serialize, ToSchema)]
pub struct Source {
    pub id: i64,
    /// `news_article`, `official_statement`, `transcript`, `broadcast`, `social_post`,
    /// `press_conference` or `other`.
    pub kind: String,
    pub title: String,
    pub outlet: Option<EntityRef>,
    pub url: Option<String>,
    pub authors: Vec<String>,
    pub editors: Vec<String>,
    pub language: String,
    pub published_at: Option<DateTime<Utc>>,
    pub retrieved_at: Option<DateTime<Utc>>,
    pub summary: Option<String>,
    /// The captured text's fingerprint (the text itself is not published).
    pub snapshot: Option<Snapshot>,
    pub page_url: String,
    pub api_url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Snapshot {
    pub number: i32,
    pub sha256: String,
    pub captured_at: DateTime<Utc>,
    pub characters: i32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SourceList {
    pub sources: Vec<Source>,
    pub next_cursor: Option<String>,
    pub next: Option<String>,
}

/// A citation between two sources ("melansir Associated Press").
#[derive(Debug, Serialize, ToSchema)]
pub struct Citation {
    pub source: SourceRef,
    pub cue: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SourceDocument {
    pub source: Source,
    /// Sources this one relays.
    pub cites: Vec<Citation>,
    /// Sources that relay this one.
    pub cited_by: Vec<Citation>,
    /// The public claims that appear in it: `/api/v1/claims?source=<id>`.
    pub claims_url: String,
}

// ---------------------------------------------------------------------------------------------
// From the app's types.

pub fn entity_ref(site: &SiteInfo, entity: &SpeakerRef) -> EntityRef {
    EntityRef {
        slug: entity.slug.clone(),
        name: entity.name.clone(),
        wikidata_id: entity.wikidata_id.clone(),
        api_url: site.url(&format!("/api/v1/entities/{}", entity.slug)),
    }
}

pub fn verdict(rating: &Rating) -> Verdict {
    Verdict {
        slug: rating.slug.clone(),
        label_en: rating.label_en.clone(),
        label_id: rating.label_id.clone(),
        rating_value: rating.rating_value,
        retired: rating.retired,
    }
}

pub fn claim_date(day: Option<NaiveDate>, precision: Option<DatePrecision>) -> Option<String> {
    Some(app::claims::claim_review::claim_date(day?, precision?))
}

pub fn claim(site: &SiteInfo, summary: &ClaimSummary) -> Claim {
    Claim {
        slug: summary.slug.clone(),
        url: site.url(&format!("/claims/{}", summary.slug)),
        api_url: site.url(&format!("/api/v1/claims/{}", summary.slug)),
        headline: summary.headline.clone(),
        text: summary.text.clone(),
        language: summary.language.clone(),
        kind: summary.kind.as_str().to_owned(),
        speaker: entity_ref(site, &summary.speaker),
        claimed_on: claim_date(summary.claimed_on, summary.claimed_on_precision),
        state: summary.editorial_state.as_str().to_owned(),
        attribution_status: summary.attribution_status.as_str().to_owned(),
        verdict: summary.verdict.as_ref().map(verdict),
        published_at: summary.published_at,
        snippet: summary.snippet.as_ref().map(|s| s.plain()),
    }
}

fn source_ref_of_appearance(site: &SiteInfo, a: &AppearanceView) -> SourceRef {
    SourceRef {
        id: a.source_id,
        title: a.source_title.clone(),
        outlet: a.outlet_name.clone(),
        url: a.source_url.clone(),
        published_at: a.source_published_at,
        api_url: site.url(&format!("/api/v1/sources/{}", a.source_id)),
    }
}

fn appearance(site: &SiteInfo, a: &AppearanceView) -> Appearance {
    Appearance {
        source: source_ref_of_appearance(site, a),
        role: a.role.as_str().to_owned(),
        cue_verb: a.cue_verb.clone(),
        excerpt: Excerpt {
            exact: a.exact.clone(),
            prefix: a.prefix.clone(),
            suffix: a.suffix.clone(),
        },
        chain: Chain {
            sentence: a.chain.sentence_en(),
            reporters: a.chain.reporters.clone(),
            carrier: a.chain.carrier.clone(),
        },
    }
}

fn relation(site: &SiteInfo, r: &RelatedClaim) -> Relation {
    Relation {
        kind: r.kind.as_str().to_owned(),
        direction: if r.incoming { "incoming" } else { "outgoing" }.to_owned(),
        note: r.note.clone(),
        claim: claim(site, &r.claim),
    }
}

fn correction(c: &CorrectionView) -> Correction {
    Correction {
        note: c.note.clone(),
        changed: c.changed.clone(),
        corrected_at: c.corrected_at,
    }
}

pub fn claim_document(site: &SiteInfo, detail: &ClaimDetail) -> ClaimDocument {
    let summary = &detail.summary;
    ClaimDocument {
        claim: claim(site, summary),
        speaker_role: detail.speaker_role.clone(),
        translation: detail.translation.clone(),
        translation_language: detail.translation_language.clone(),
        place: detail.place.clone(),
        tags: detail.tags.clone(),
        judgements: Judgements {
            attribution_status: summary.attribution_status.as_str().to_owned(),
            attribution_explanation: detail.attribution_explanation.clone(),
            verdict: summary.verdict.as_ref().map(verdict),
            verdict_explanation: detail.verdict_explanation.clone(),
        },
        appearances: detail
            .appearances
            .iter()
            .map(|a| appearance(site, a))
            .collect(),
        relations: detail.related.iter().map(|r| relation(site, r)).collect(),
        corrections: detail.corrections.iter().map(correction).collect(),
        retraction: match (&detail.retraction_note, detail.retracted_at) {
            (Some(note), Some(at)) => Some(Retraction {
                note: note.clone(),
                retracted_at: at,
            }),
            _ => None,
        },
        updated_at: detail.updated_at,
    }
}

pub fn entity(site: &SiteInfo, info: &EntityInfo) -> Entity {
    Entity {
        slug: info.slug.clone(),
        name: info.name.clone(),
        kind: info.kind.as_str().to_owned(),
        description: info.description.clone(),
        country: info.country.clone(),
        wikidata_id: info.wikidata_id.clone(),
        same_as: info.wikidata_url(),
        parent: info.parent.as_ref().map(|p| entity_ref(site, p)),
        aliases: info
            .aliases
            .iter()
            .map(|a| Alias {
                alias: a.alias.clone(),
                language: a.language.clone(),
            })
            .collect(),
        url: site.url(&format!("/entities/{}", info.slug)),
        api_url: site.url(&format!("/api/v1/entities/{}", info.slug)),
    }
}

pub fn verdict_tally(rows: &[VerdictCount]) -> Vec<VerdictTally> {
    rows.iter()
        .map(|row| VerdictTally {
            verdict: row.verdict.as_ref().map(verdict),
            count: row.count,
        })
        .collect()
}

pub fn attribution_tally(rows: &[AttributionCount]) -> Vec<AttributionTally> {
    rows.iter()
        .map(|row| AttributionTally {
            attribution_status: row.status.as_str().to_owned(),
            count: row.count,
        })
        .collect()
}

pub fn source(site: &SiteInfo, info: &SourceInfo) -> Source {
    Source {
        id: info.source_id,
        kind: info.kind.as_str().to_owned(),
        title: info.title.clone(),
        outlet: info.outlet.as_ref().map(|o| entity_ref(site, o)),
        url: info.url.clone(),
        authors: info.authors.clone(),
        editors: info.editors.clone(),
        language: info.language.clone(),
        published_at: info.published_at,
        retrieved_at: info.retrieved_at,
        summary: info.summary.clone(),
        snapshot: info.snapshot.as_ref().map(|s| Snapshot {
            number: s.snapshot_number,
            sha256: s.sha256_hex.clone(),
            captured_at: s.captured_at,
            characters: s.characters,
        }),
        page_url: site.url(&format!("/sources/{}", info.source_id)),
        api_url: site.url(&format!("/api/v1/sources/{}", info.source_id)),
    }
}

pub fn citation(site: &SiteInfo, link: &CitationLink) -> Citation {
    Citation {
        source: SourceRef {
            id: link.source_id,
            title: link.title.clone(),
            outlet: link.outlet_name.clone(),
            url: None,
            published_at: None,
            api_url: site.url(&format!("/api/v1/sources/{}", link.source_id)),
        },
        cue: link.cue.clone(),
    }
}
