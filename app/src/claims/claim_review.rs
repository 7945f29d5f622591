//! schema.org `ClaimReview` for a claim page, as JSON-LD: what search engines and fact-check
//! aggregators read. Built from the same data the page shows, so the two cannot disagree.
//! Field choices follow Google's ClaimReview guidance: `claimReviewed` is the short claim (no
//! rating in it), `reviewRating.alternateName` is the rating's name in the page language.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde_json::{json, Map, Value};

use super::{shorten, AttributionStatus, ClaimDetail, DatePrecision, EditorialState};
use crate::entities::EntityKind;

/// The rating slug that means "we did not judge accuracy" (opinions, promises, predictions).
pub const NOT_RATED: &str = "not-rated";

/// The ClaimReview of a published claim with a verdict. None for a retracted claim (no longer
/// a review we stand by) and for a claim we have not rated: a ClaimReview without a verdict
/// is not a fact-check, and Google's guidelines ask for none.
pub fn claim_review(detail: &ClaimDetail, page_language: &str) -> Option<Value> {
    let summary = &detail.summary;
    if summary.editorial_state != EditorialState::Published {
        return None;
    }
    let verdict = summary.verdict.as_ref().filter(|v| v.slug != NOT_RATED)?;
    let site = &detail.site;
    let url = site.url(&format!("/claims/{}", summary.slug));

    // When we found the words are not (or may not be) the speaker's, naming them as the claim's
    // author would repeat the misattribution to every search engine.
    let attribution_doubted = matches!(
        summary.attribution_status,
        AttributionStatus::Misattributed | AttributionStatus::Disputed
    );
    let mut speaker = Map::new();
    speaker.insert("@type".into(), json!(schema_type(detail.speaker_kind)));
    speaker.insert("name".into(), json!(summary.speaker.name));
    if let Some(id) = &summary.speaker.wikidata_id {
        speaker.insert(
            "sameAs".into(),
            json!(format!("https://www.wikidata.org/wiki/{id}")),
        );
    }

    let appearances: Vec<Value> = detail
        .appearances
        .iter()
        .map(|a| {
            let mut work = Map::new();
            work.insert("@type".into(), json!("CreativeWork"));
            work.insert("headline".into(), json!(a.source_title));
            if let Some(url) = &a.source_url {
                work.insert("url".into(), json!(url));
            }
            if let Some(at) = a.source_published_at {
                work.insert("datePublished".into(), json!(timestamp(at)));
            }
            if let Some(outlet) = &a.outlet_name {
                work.insert(
                    "publisher".into(),
                    json!({ "@type": "Organization", "name": outlet }),
                );
            }
            Value::Object(work)
        })
        .collect();

    let mut claim = Map::new();
    claim.insert("@type".into(), json!("Claim"));
    if !attribution_doubted {
        claim.insert("author".into(), Value::Object(speaker));
    }
    if let (Some(day), Some(precision)) = (summary.claimed_on, summary.claimed_on_precision) {
        claim.insert("datePublished".into(), json!(claim_date(day, precision)));
    }
    // Appearances are listed oldest source first, so the first one is where it appeared first.
    if let Some(first) = appearances.first() {
        claim.insert("firstAppearance".into(), first.clone());
    }
    if !appearances.is_empty() {
        claim.insert("appearance".into(), Value::Array(appearances));
    }

    let mut rating = Map::new();
    rating.insert("@type".into(), json!("Rating"));
    let label = if page_language == "id" {
        &verdict.label_id
    } else {
        &verdict.label_en
    };
    rating.insert("alternateName".into(), json!(label));
    if let Some(value) = verdict.rating_value {
        rating.insert("ratingValue".into(), json!(value));
        rating.insert("bestRating".into(), json!(5));
        rating.insert("worstRating".into(), json!(1));
    }

    let modified = detail
        .corrections
        .iter()
        .map(|c| c.corrected_at)
        .chain([detail.updated_at, summary.published_at])
        .max()
        .unwrap_or(summary.published_at);

    Some(json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": shorten(&summary.title(), 75),
        "author": {
            "@type": "Organization",
            "name": site.organisation_name,
            "url": site.organisation_url,
        },
        "datePublished": timestamp(summary.published_at),
        "dateModified": timestamp(modified),
        "inLanguage": page_language,
        "reviewRating": Value::Object(rating),
        "itemReviewed": Value::Object(claim),
    }))
}

/// JSON that is safe inside a `<script>` element: `<`, `>` and `&` are written as JSON escapes,
/// so no text in a claim can close the element or open a comment.
pub fn script_safe_json(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn schema_type(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Government | EntityKind::Agency => "GovernmentOrganization",
        EntityKind::MediaOutlet => "NewsMediaOrganization",
        EntityKind::Company => "Corporation",
        EntityKind::Group | EntityKind::Other => "Organization",
    }
}

fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// ISO 8601 with no more precision than we know: `2023-09-13`, `2023-09` or `2023`
/// (ClaimReview, the JSON API and the exports all write claim dates this way).
pub fn claim_date(day: NaiveDate, precision: DatePrecision) -> String {
    match precision {
        DatePrecision::Day => day.format("%Y-%m-%d").to_string(),
        DatePrecision::Month => day.format("%Y-%m").to_string(),
        DatePrecision::Year => day.format("%Y").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let value = json!({ "claimReviewed": "</script><script>alert(1)</script> & <!--" });
        let safe = script_safe_json(&value);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        assert_eq!(serde_json::from_str::<Value>(&safe).unwrap(), value);
    }

    #[test]
    fn claim_dates_keep_their_precision() {
        let day = NaiveDate::from_ymd_opt(2023, 9, 1).unwrap();
        assert_eq!(claim_date(day, DatePrecision::Day), "2023-09-01");
        assert_eq!(claim_date(day, DatePrecision::Month), "2023-09");
        assert_eq!(claim_date(day, DatePrecision::Year), "2023");
    }
}
