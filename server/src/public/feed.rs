//! `/feed.atom`: the newest published and corrected claims (RFC 4287). A claim's entry keeps
//! its id; a correction or retraction moves its `updated` time and adds the editor's note, so
//! feed readers show it again as changed.

use atom_syndication::{Category, Entry, Feed, Link, Person, Text};
use axum::extract::State;
use axum::response::Response;
use chrono::{DateTime, FixedOffset, Utc};
use sqlx::PgPool;

use app::claims::AttributionStatus;
use app::i18n::Locale;
use app::site::SiteInfo;
use app::state::AppState;

const ENTRIES: i64 = 50;

struct FeedClaim {
    slug: String,
    headline: Option<String>,
    text: String,
    translation: Option<String>,
    speaker: String,
    editorial_state: String,
    attribution_status: AttributionStatus,
    verdict: Option<String>,
    published_at: DateTime<Utc>,
    updated: DateTime<Utc>,
    last_correction: Option<String>,
    retraction_note: Option<String>,
    tags: Vec<String>,
}

pub async fn feed_atom(State(state): State<AppState>) -> Response {
    let body = newest(&state.pool)
        .await
        .map(|claims| feed(&state.site, claims).to_string());
    super::document("application/atom+xml; charset=utf-8", body)
}

async fn newest(pool: &PgPool) -> Result<Vec<FeedClaim>, sqlx::Error> {
    sqlx::query_as!(
        FeedClaim,
        r#"
        select c.slug, c.headline, c.text, c.translation, e.name as speaker,
               c.editorial_state::text as "editorial_state!",
               c.attribution_status as "attribution_status: AttributionStatus",
               r.label_en as "verdict?",
               c.published_at as "published_at!",
               greatest(c.published_at, last.corrected_at) as "updated!",
               last.note as "last_correction?",
               c.retraction_note,
               array(select t.tag from claim_tag t where t.claim_id = c.claim_id order by t.tag) as "tags!"
          from claim c
          join entity e on e.entity_id = c.speaker_entity_id
          left join rating r on r.rating_id = c.rating_id
          left join lateral (select k.corrected_at, k.note from correction k
                              where k.claim_id = c.claim_id
                              order by k.corrected_at desc, k.correction_id desc limit 1) last on true
         where c.editorial_state in ('published', 'retracted')
         order by greatest(c.published_at, last.corrected_at) desc, c.claim_id desc
         limit $1
        "#,
        ENTRIES
    )
    .fetch_all(pool)
    .await
}

fn feed(site: &SiteInfo, claims: Vec<FeedClaim>) -> Feed {
    let home = site.url("/");
    let mut feed = Feed::default();
    feed.set_id(home.clone());
    feed.set_title(Text::plain(format!(
        "{}: fact-checked claims",
        site.organisation_name
    )));
    feed.set_subtitle(Some(Text::plain(
        "Newly published and corrected claims, with their verdicts and attribution status.",
    )));
    feed.set_lang(Some("en".to_owned()));
    feed.set_links(vec![
        link(&site.url("/feed.atom"), "self", "application/atom+xml"),
        link(&home, "alternate", "text/html"),
    ]);
    let mut organisation = Person::default();
    organisation.set_name(site.organisation_name.clone());
    organisation.set_uri(Some(site.organisation_url.clone()));
    feed.set_authors(vec![organisation]);
    // An empty feed still needs a stable `updated`: the Unix epoch, rather than "now", keeps
    // the document identical between requests.
    let updated = claims.iter().map(|c| c.updated).max().unwrap_or_default();
    feed.set_updated(fixed(updated));
    feed.set_entries(
        claims
            .into_iter()
            .map(|c| entry(site, c))
            .collect::<Vec<_>>(),
    );
    feed
}

fn entry(site: &SiteInfo, claim: FeedClaim) -> Entry {
    let url = site.url(&format!("/claims/{}", claim.slug));
    let title = claim
        .headline
        .clone()
        .unwrap_or_else(|| app::claims::shorten(&claim.text, 75));
    let retracted = claim.editorial_state == "retracted";
    let mut summary = format!(
        "{}: “{}”{} Verdict: {}. {}.",
        claim.speaker,
        claim.text,
        claim
            .translation
            .as_ref()
            .map(|t| format!(" (“{t}”)"))
            .unwrap_or_default(),
        claim.verdict.as_deref().unwrap_or("not yet rated"),
        claim.attribution_status.label(Locale::en),
    );
    if let Some(note) = claim.retraction_note.as_ref().filter(|_| retracted) {
        summary.push_str(&format!(" Retracted: {note}"));
    } else if let Some(note) = &claim.last_correction {
        summary.push_str(&format!(" Corrected: {note}"));
    }
    let mut entry = Entry::default();
    entry.set_id(url.clone());
    entry.set_title(Text::plain(if retracted {
        format!("Retracted: {title}")
    } else {
        title
    }));
    entry.set_links(vec![link(&url, "alternate", "text/html")]);
    entry.set_published(Some(fixed(claim.published_at)));
    entry.set_updated(fixed(claim.updated));
    entry.set_summary(Some(Text::plain(summary)));
    entry.set_categories(
        claim
            .tags
            .into_iter()
            .map(|tag| {
                let mut category = Category::default();
                category.set_term(tag);
                category
            })
            .collect::<Vec<_>>(),
    );
    entry
}

fn link(href: &str, rel: &str, mime_type: &str) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(Some(mime_type.to_owned()));
    link
}

fn fixed(at: DateTime<Utc>) -> DateTime<FixedOffset> {
    at.fixed_offset()
}
