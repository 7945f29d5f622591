use sqlx::PgPool;

use super::{CorrectionView, CorrectionsPage, CORRECTIONS_PAGE_SIZE};
use crate::claims::shorten;
use crate::error::AppError;

/// Corrections of public (published or retracted) claims, newest first; all of them, or one
/// claim's.
pub async fn list(
    pool: &PgPool,
    before: Option<i64>,
    claim_id: Option<i64>,
) -> Result<CorrectionsPage, AppError> {
    let rows = sqlx::query!(
        r#"
        select k.correction_id, c.slug, c.headline, c.text, k.note, k.changed, k.corrected_at
          from correction k
          join claim c on c.claim_id = k.claim_id
         where c.editorial_state in ('published', 'retracted')
           and ($1::bigint is null
                or (k.corrected_at, k.correction_id)
                   < (select b.corrected_at, b.correction_id from correction b where b.correction_id = $1))
           and ($2::bigint is null or k.claim_id = $2)
         order by k.corrected_at desc, k.correction_id desc
         limit $3
        "#,
        before,
        claim_id,
        CORRECTIONS_PAGE_SIZE + 1
    )
    .fetch_all(pool)
    .await?;
    let mut corrections: Vec<CorrectionView> = rows
        .into_iter()
        .map(|r| CorrectionView {
            correction_id: r.correction_id,
            claim_slug: r.slug,
            claim_title: r.headline.unwrap_or_else(|| shorten(&r.text, 75)),
            note: r.note,
            changed: r.changed,
            corrected_at: r.corrected_at,
        })
        .collect();
    let next_before = if corrections.len() as i64 > CORRECTIONS_PAGE_SIZE {
        corrections.truncate(CORRECTIONS_PAGE_SIZE as usize);
        corrections.last().map(|c| c.correction_id)
    } else {
        None
    };
    Ok(CorrectionsPage {
        corrections,
        next_before,
    })
}
