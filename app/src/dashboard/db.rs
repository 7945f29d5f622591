use sqlx::PgPool;

use super::MyClaim;
use crate::claims::{shorten, EditorialState};
use crate::error::AppError;

/// My claims in one state, most recently changed first. A draft whose last transition was an
/// editor returning it carries that editor's note.
pub async fn my_claims(
    pool: &PgPool,
    user_id: i64,
    state: EditorialState,
) -> Result<Vec<MyClaim>, AppError> {
    let rows = sqlx::query!(
        r#"
        select c.claim_id, c.headline, c.text, c.updated_at, last.note as "note?", last.display_name as "returned_by?"
          from claim c
          left join lateral (
                select t.from_state, t.to_state, t.note, u.display_name
                  from claim_transition t join app_user u on u.app_user_id = t.actor_user_id
                 where t.claim_id = c.claim_id
                 order by t.occurred_at desc, t.claim_transition_id desc
                 limit 1) last on last.from_state = 'in_review' and last.to_state = 'draft'
         where c.created_by = $1 and c.editorial_state = $2
         order by c.updated_at desc
         limit 100
        "#,
        user_id,
        state as EditorialState
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| MyClaim {
            claim_id: r.claim_id,
            title: r.headline.unwrap_or_else(|| shorten(&r.text, 75)),
            updated_at: r.updated_at,
            returned_note: r.note,
            returned_by: r.returned_by,
        })
        .collect())
}

pub async fn review_queue_size(pool: &PgPool) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"select (select count(*) from proposal where state = 'pending')
                + (select count(*) from claim where editorial_state = 'in_review') as "size!""#
    )
    .fetch_one(pool)
    .await?)
}
