//! `/sitemap.xml` (sitemaps.org 0.9): the fixed public pages, every public claim with the time
//! it last changed, and the people, organisations and sources that have public claims.

use axum::extract::State;
use axum::response::Response;
use chrono::{DateTime, SecondsFormat, Utc};
use quick_xml::escape::escape;
use sqlx::PgPool;

use app::state::AppState;

/// A sitemap file may list at most 50,000 addresses; beyond that a sitemap index is needed.
const MAX_URLS: i64 = 50_000;

struct Entry {
    path: String,
    modified: Option<DateTime<Utc>>,
}

pub async fn sitemap_xml(State(state): State<AppState>) -> Response {
    let body = entries(&state.pool).await.map(|entries| {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for entry in entries {
            xml.push_str("  <url><loc>");
            xml.push_str(&escape(state.site.url(&entry.path)));
            xml.push_str("</loc>");
            if let Some(modified) = entry.modified {
                xml.push_str("<lastmod>");
                xml.push_str(&modified.to_rfc3339_opts(SecondsFormat::Secs, true));
                xml.push_str("</lastmod>");
            }
            xml.push_str("</url>\n");
        }
        xml.push_str("</urlset>\n");
        xml
    });
    super::document("application/xml; charset=utf-8", body)
}

async fn entries(pool: &PgPool) -> Result<Vec<Entry>, sqlx::Error> {
    let mut entries: Vec<Entry> = ["/", "/methodology", "/corrections"]
        .into_iter()
        .map(|path| Entry {
            path: path.to_owned(),
            modified: None,
        })
        .collect();
    let claims = sqlx::query!(
        r#"
        select c.slug,
               greatest(c.updated_at, (select max(k.corrected_at) from correction k
                                        where k.claim_id = c.claim_id)) as "modified!"
          from claim c
         where c.editorial_state in ('published', 'retracted')
         order by c.published_at desc, c.claim_id desc
         limit $1
        "#,
        MAX_URLS
    )
    .fetch_all(pool)
    .await?;
    entries.extend(claims.into_iter().map(|c| Entry {
        path: format!("/claims/{}", c.slug),
        modified: Some(c.modified),
    }));
    let entities = sqlx::query_scalar!(
        r#"
        select e.slug from entity e
         where exists (select 1 from claim c
                        where c.speaker_entity_id = e.entity_id and c.editorial_state = 'published')
         order by e.slug
        "#
    )
    .fetch_all(pool)
    .await?;
    entries.extend(entities.into_iter().map(|slug| Entry {
        path: format!("/entities/{slug}"),
        modified: None,
    }));
    let sources = sqlx::query_scalar!(
        r#"
        select s.source_id from source s
         where exists (select 1 from appearance a join claim c on c.claim_id = a.claim_id
                        where a.source_id = s.source_id and c.editorial_state = 'published')
         order by s.source_id
        "#
    )
    .fetch_all(pool)
    .await?;
    entries.extend(sources.into_iter().map(|id| Entry {
        path: format!("/sources/{id}"),
        modified: None,
    }));
    entries.truncate(MAX_URLS as usize);
    Ok(entries)
}
