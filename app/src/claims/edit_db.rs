//! Queries behind the claim editor. Each change runs in one transaction together with its audit
//! entry (and, on a published claim, its public correction), so all of it lands or none of it.

use serde_json::{json, Map, Value};
use sqlx::{PgConnection, PgPool};

use super::edit::{ClaimPick, DeskAppearance, DeskClaim, DeskRelation};
use super::form::{format_claimed_on, slugify, CheckedClaim, ClaimForm};
use super::{AppearanceRole, AttributionStatus, DatePrecision, EditorialState, RelationKind};
use crate::accounts::{CurrentUser, UserRole};
use crate::audit::db::{record, Actor, AuditEntry};
use crate::error::{at_most_characters, AppError, FieldValue, Problems};
use crate::i18n::td_string;
use crate::ratings::Rating;

/// The row lock and the facts every rule below needs.
pub struct LockedClaim {
    pub claim_id: i64,
    pub version: i32,
    pub state: EditorialState,
    pub created_by: Option<i64>,
}

/// Lock the claim for the rest of the transaction: concurrent changes wait, then see the new
/// version (so two saves from the same version cannot both win).
pub async fn lock_claim(conn: &mut PgConnection, claim_id: i64) -> Result<LockedClaim, AppError> {
    let locale = crate::language::message_locale();
    sqlx::query_as!(
        LockedClaim,
        r#"select claim_id, version, editorial_state as "state: EditorialState", created_by
             from claim where claim_id = $1 for update"#,
        claim_id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| AppError::NotFound(td_string!(locale, message.claim.not_found).to_owned()))
}

/// Who may change a claim in this state: fact-checkers work on drafts; once submitted, only
/// editors; a retracted claim stays as it was retracted.
pub fn may_change(user: &CurrentUser, state: EditorialState) -> Result<(), AppError> {
    let locale = crate::language::message_locale();
    match state {
        EditorialState::Retracted => Err(AppError::Conflict(
            td_string!(locale, message.claim.retracted).to_owned(),
        )),
        EditorialState::Draft => Ok(()),
        EditorialState::InReview | EditorialState::Published if user.role == UserRole::Editor => {
            Ok(())
        }
        EditorialState::InReview => Err(AppError::Conflict(
            td_string!(locale, message.claim.in_review).to_owned(),
        )),
        EditorialState::Published => Err(AppError::Forbidden),
    }
}

/// The public correction note a change to a published claim needs.
pub fn required_correction_note(
    state: EditorialState,
    note: Option<&str>,
) -> Result<Option<&str>, AppError> {
    let locale = crate::language::message_locale();
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if state != EditorialState::Published {
        return Ok(None);
    }
    match note {
        Some(note) if note.chars().count() <= 2000 => Ok(Some(note)),
        Some(_) => Err(AppError::invalid(
            "correction_note",
            at_most_characters(locale, 2000),
        )),
        None => Err(AppError::invalid(
            "correction_note",
            td_string!(locale, message.claim.correction_note_required),
        )),
    }
}

/// Record a public correction (shown on the claim page and on `/corrections`).
pub async fn record_correction(
    conn: &mut PgConnection,
    user: &CurrentUser,
    claim_id: i64,
    note: &str,
    changed: &[String],
) -> Result<(), AppError> {
    sqlx::query!(
        "insert into correction (claim_id, note, changed, corrected_by) values ($1, $2, $3, $4)",
        claim_id,
        note,
        changed,
        user.user_id
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// The claim as the audit log records it before and after a change.
pub async fn claim_json(conn: &mut PgConnection, claim_id: i64) -> Result<Value, AppError> {
    Ok(sqlx::query_scalar!(
        r#"
        select jsonb_build_object(
                 'slug', c.slug, 'speaker', e.slug, 'speaker_role', c.speaker_role, 'kind', c.kind,
                 'text', c.text, 'language', c.language, 'translation', c.translation,
                 'translation_language', c.translation_language, 'headline', c.headline,
                 'claimed_on', c.claimed_on, 'claimed_on_precision', c.claimed_on_precision,
                 'place', c.place, 'editorial_state', c.editorial_state,
                 'attribution_status', c.attribution_status,
                 'attribution_explanation', c.attribution_explanation, 'verdict', r.slug,
                 'verdict_explanation', c.verdict_explanation, 'retraction_note', c.retraction_note,
                 'tags', coalesce((select jsonb_agg(t.tag order by t.tag) from claim_tag t
                                    where t.claim_id = c.claim_id), '[]'::jsonb)
               ) as "json!"
          from claim c
          join entity e on e.entity_id = c.speaker_entity_id
          left join rating r on r.rating_id = c.rating_id
         where c.claim_id = $1
        "#,
        claim_id
    )
    .fetch_one(conn)
    .await?)
}

/// The fields that differ, as (before, after) objects holding only those fields.
pub fn changed_fields(before: &Value, after: &Value) -> (Vec<String>, Value, Value) {
    let empty = Map::new();
    let before = before.as_object().unwrap_or(&empty);
    let after = after.as_object().unwrap_or(&empty);
    let mut names = Vec::new();
    let (mut old, mut new) = (Map::new(), Map::new());
    for (key, value) in after {
        let previous = before.get(key).unwrap_or(&Value::Null);
        if previous != value {
            names.push(key.clone());
            old.insert(key.clone(), previous.clone());
            new.insert(key.clone(), value.clone());
        }
    }
    (names, Value::Object(old), Value::Object(new))
}

/// The speaker named in the form: a slug, or a name or alias that fits exactly one entity.
async fn resolve_speaker(conn: &mut PgConnection, speaker: &str) -> Result<i64, AppError> {
    let locale = crate::language::message_locale();
    let matches = sqlx::query!(
        r#"
        select distinct e.entity_id as "entity_id!", e.slug as "slug!", e.name as "name!"
          from entity e
          left join entity_alias a on a.entity_id = e.entity_id
         where e.slug = $1 or lower(e.name) = lower($1) or lower(a.alias) = lower($1)
         order by e.name
         limit 6
        "#,
        speaker
    )
    .fetch_all(conn)
    .await?;
    let mut problems = Problems::default();
    match matches.as_slice() {
        [one] => return Ok(one.entity_id),
        [] => problems.add(
            "speaker",
            td_string!(locale, message.claim.speaker_unknown, speaker).to_string(),
        ),
        several => {
            let names: Vec<String> = several
                .iter()
                .map(|m| format!("{} ({})", m.name, m.slug))
                .collect();
            problems.add(
                "speaker",
                td_string!(
                    locale,
                    message.claim.speaker_ambiguous,
                    speaker,
                    names = names.join(", ")
                )
                .to_string(),
            );
        }
    }
    problems.into_result()?;
    Err(AppError::Internal)
}

async fn slug_taken(conn: &mut PgConnection, slug: &str, except: i64) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"select exists (select 1 from claim where slug = $1 and claim_id <> $2) as "taken!""#,
        slug,
        except
    )
    .fetch_one(conn)
    .await?)
}

/// The slug the user chose (refused when taken), or a free one made from the headline or text.
async fn choose_slug(conn: &mut PgConnection, checked: &CheckedClaim) -> Result<String, AppError> {
    let locale = crate::language::message_locale();
    if let Some(slug) = &checked.slug {
        if slug_taken(conn, slug, 0).await? {
            return Err(AppError::invalid(
                "slug",
                td_string!(locale, message.claim.slug_taken),
            ));
        }
        return Ok(slug.clone());
    }
    let base = slugify(checked.headline.as_deref().unwrap_or(&checked.text));
    for n in 1..100 {
        let candidate = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        if !slug_taken(conn, &candidate, 0).await? {
            return Ok(candidate);
        }
    }
    Err(AppError::Internal)
}

async fn replace_tags(
    conn: &mut PgConnection,
    claim_id: i64,
    tags: &[String],
) -> Result<(), AppError> {
    sqlx::query!("delete from claim_tag where claim_id = $1", claim_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query!(
        "insert into claim_tag (claim_id, tag) select $1, unnest($2::text[])",
        claim_id,
        tags
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn insert_claim(
    pool: &PgPool,
    user: &CurrentUser,
    checked: CheckedClaim,
) -> Result<i64, AppError> {
    let mut tx = pool.begin().await?;
    let speaker_id = resolve_speaker(&mut tx, &checked.speaker).await?;
    let slug = choose_slug(&mut tx, &checked).await?;
    let (translation, translation_language) = checked.translation.clone().unzip();
    let (claimed_on, precision) = checked.claimed_on.unzip();
    let claim_id = sqlx::query_scalar!(
        r#"
        insert into claim (slug, speaker_entity_id, speaker_role, kind, text, language, translation,
                           translation_language, headline, claimed_on, claimed_on_precision, place, created_by)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        returning claim_id
        "#,
        slug,
        speaker_id,
        checked.speaker_role,
        checked.kind as super::ClaimKind,
        checked.text,
        checked.language,
        translation,
        translation_language,
        checked.headline,
        claimed_on,
        precision as Option<DatePrecision>,
        checked.place,
        user.user_id
    )
    .fetch_one(&mut *tx)
    .await?;
    replace_tags(&mut tx, claim_id, &checked.tags).await?;
    let after = claim_json(&mut tx, claim_id).await?;
    let entry = AuditEntry {
        action: "claim.create",
        object_type: "claim",
        object_id: claim_id,
        before: None,
        after: Some(after),
        note: None,
    };
    record(&mut tx, &Actor::desk(user), entry).await?;
    tx.commit().await?;
    Ok(claim_id)
}

pub async fn update_claim(
    pool: &PgPool,
    user: &CurrentUser,
    claim_id: i64,
    version: i32,
    checked: CheckedClaim,
    yours: Vec<FieldValue>,
    correction_note: Option<&str>,
) -> Result<(), AppError> {
    let locale = crate::language::message_locale();
    let mut tx = pool.begin().await?;
    let claim = lock_claim(&mut tx, claim_id).await?;
    may_change(user, claim.state)?;
    if claim.version != version {
        return Err(AppError::StaleEdit(yours));
    }
    let speaker_id = resolve_speaker(&mut tx, &checked.speaker).await?;
    let before = claim_json(&mut tx, claim_id).await?;
    let current_slug = before["slug"].as_str().unwrap_or_default().to_owned();
    let slug = checked.slug.clone().unwrap_or(current_slug.clone());
    if slug != current_slug {
        let mut problems = Problems::default();
        if claim.state != EditorialState::Draft && claim.state != EditorialState::InReview {
            problems.add("slug", td_string!(locale, message.claim.slug_fixed));
        } else if slug_taken(&mut tx, &slug, claim_id).await? {
            problems.add("slug", td_string!(locale, message.claim.slug_taken));
        }
        problems.into_result()?;
    }
    let (translation, translation_language) = checked.translation.clone().unzip();
    let (claimed_on, precision) = checked.claimed_on.unzip();
    sqlx::query!(
        r#"
        update claim
           set slug = $2, speaker_entity_id = $3, speaker_role = $4, kind = $5, text = $6,
               language = $7, translation = $8, translation_language = $9, headline = $10,
               claimed_on = $11, claimed_on_precision = $12, place = $13,
               version = version + 1, updated_at = now()
         where claim_id = $1
        "#,
        claim_id,
        slug,
        speaker_id,
        checked.speaker_role,
        checked.kind as super::ClaimKind,
        checked.text,
        checked.language,
        translation,
        translation_language,
        checked.headline,
        claimed_on,
        precision as Option<DatePrecision>,
        checked.place,
    )
    .execute(&mut *tx)
    .await?;
    replace_tags(&mut tx, claim_id, &checked.tags).await?;
    let after = claim_json(&mut tx, claim_id).await?;
    let (changed, before, after) = changed_fields(&before, &after);
    if changed.is_empty() {
        // Nothing to save: keep the version, so other open forms stay valid.
        tx.rollback().await?;
        return Ok(());
    }
    let note = required_correction_note(claim.state, correction_note)?;
    if let Some(note) = note {
        record_correction(&mut tx, user, claim_id, note, &changed).await?;
    }
    let entry = AuditEntry {
        action: if note.is_some() {
            "claim.correct"
        } else {
            "claim.update"
        },
        object_type: "claim",
        object_id: claim_id,
        before: Some(before),
        after: Some(after),
        note,
    };
    record(&mut tx, &Actor::desk(user), entry).await?;
    tx.commit().await?;
    Ok(())
}

/// A new appearance as the form sends it.
pub struct NewAppearance {
    pub claim_id: i64,
    pub source_id: i64,
    pub role: AppearanceRole,
    pub cue_verb: String,
    pub exact: String,
    pub start_offset: Option<i32>,
}

/// Where `exact` starts in `body`, in characters: at `hint` when it is there (the occurrence the
/// user selected), otherwise its first occurrence.
pub fn locate_excerpt(body: &str, exact: &str, hint: Option<usize>) -> Option<usize> {
    let chars: Vec<char> = body.chars().collect();
    let wanted: Vec<char> = exact.chars().collect();
    if wanted.is_empty() || wanted.len() > chars.len() {
        return None;
    }
    if let Some(start) = hint {
        if chars.get(start..start + wanted.len()) == Some(&wanted[..]) {
            return Some(start);
        }
    }
    let byte_index = body.find(exact)?;
    Some(body[..byte_index].chars().count())
}

/// Up to `n` characters before `start` and after `end` (character offsets).
fn context(body: &str, start: usize, end: usize, n: usize) -> (String, String) {
    let chars: Vec<char> = body.chars().collect();
    let prefix = chars[start.saturating_sub(n)..start].iter().collect();
    let suffix = chars[end..(end + n).min(chars.len())].iter().collect();
    (prefix, suffix)
}

pub async fn add_appearance(
    pool: &PgPool,
    user: &CurrentUser,
    new: NewAppearance,
) -> Result<(), AppError> {
    let locale = crate::language::message_locale();
    let mut tx = pool.begin().await?;
    let claim = lock_claim(&mut tx, new.claim_id).await?;
    may_change(user, claim.state)?;
    let mut problems = Problems::default();
    let exact = new.exact.trim().to_owned();
    if exact.is_empty() || exact.chars().count() > 5000 {
        problems.add("exact", td_string!(locale, message.claim.excerpt_required));
    }
    let cue_verb = Some(new.cue_verb).filter(|v| !v.is_empty());
    if cue_verb.as_ref().is_some_and(|v| v.chars().count() > 60) {
        problems.add("cue_verb", at_most_characters(locale, 60));
    }
    let source_exists = sqlx::query_scalar!(
        r#"select exists (select 1 from source where source_id = $1) as "exists!""#,
        new.source_id
    )
    .fetch_one(&mut *tx)
    .await?;
    if !source_exists {
        problems.add(
            "source_id",
            td_string!(locale, message.claim.source_required),
        );
    }
    problems.into_result()?;
    let snapshot = sqlx::query!(
        "select source_snapshot_id, snapshot_number, body from source_snapshot
          where source_id = $1 order by snapshot_number desc limit 1",
        new.source_id
    )
    .fetch_optional(&mut *tx)
    .await?;
    let (snapshot_id, start, end, prefix, suffix) = match &snapshot {
        Some(snapshot) => {
            let hint = new.start_offset.and_then(|o| usize::try_from(o).ok());
            let Some(start) = locate_excerpt(&snapshot.body, &exact, hint) else {
                return Err(AppError::invalid(
                    "exact",
                    td_string!(
                        locale,
                        message.claim.excerpt_not_in_snapshot,
                        number = snapshot.snapshot_number
                    )
                    .to_string(),
                ));
            };
            let end = start + exact.chars().count();
            let (prefix, suffix) = context(&snapshot.body, start, end, 32);
            (
                Some(snapshot.source_snapshot_id),
                Some(start as i32),
                Some(end as i32),
                prefix,
                suffix,
            )
        }
        None => (None, None, None, String::new(), String::new()),
    };
    let appearance_id = sqlx::query_scalar!(
        r#"
        insert into appearance (claim_id, source_id, role, cue_verb, exact, prefix, suffix,
                                source_snapshot_id, start_offset, end_offset)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        on conflict (claim_id, source_id, exact) do nothing
        returning appearance_id
        "#,
        new.claim_id,
        new.source_id,
        new.role as AppearanceRole,
        cue_verb,
        exact,
        prefix,
        suffix,
        snapshot_id,
        start,
        end
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(appearance_id) = appearance_id else {
        return Err(AppError::invalid(
            "exact",
            td_string!(locale, message.claim.excerpt_recorded),
        ));
    };
    let after = json!({
        "claim_id": new.claim_id, "source_id": new.source_id, "role": new.role,
        "cue_verb": cue_verb, "exact": exact, "source_snapshot_id": snapshot_id,
        "start_offset": start, "end_offset": end,
    });
    let entry = AuditEntry {
        action: "appearance.create",
        object_type: "appearance",
        object_id: appearance_id,
        before: None,
        after: Some(after),
        note: None,
    };
    record(&mut tx, &Actor::desk(user), entry).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn add_relation(
    pool: &PgPool,
    user: &CurrentUser,
    claim_id: i64,
    kind: RelationKind,
    target: &str,
    note: &str,
    correction_note: Option<&str>,
) -> Result<(), AppError> {
    let locale = crate::language::message_locale();
    let mut tx = pool.begin().await?;
    let claim = lock_claim(&mut tx, claim_id).await?;
    may_change(user, claim.state)?;
    let mut problems = Problems::default();
    let to_claim_id = sqlx::query_scalar!("select claim_id from claim where slug = $1", target)
        .fetch_optional(&mut *tx)
        .await?;
    match to_claim_id {
        None => problems.add("target", td_string!(locale, message.claim.target_unknown)),
        Some(id) if id == claim_id => {
            problems.add("target", td_string!(locale, message.claim.target_self))
        }
        Some(_) => {}
    }
    if note.chars().count() > 2000 {
        problems.add("note", at_most_characters(locale, 2000));
    }
    problems.into_result()?;
    let to_claim_id = to_claim_id.unwrap_or_default();
    let correction = required_correction_note(claim.state, correction_note)?;
    let note = Some(note).filter(|n| !n.is_empty());
    let relation_id = sqlx::query_scalar!(
        r#"
        insert into relation (from_claim_id, to_claim_id, kind, note, created_by)
        values ($1, $2, $3, $4, $5)
        on conflict (from_claim_id, to_claim_id, kind) do nothing
        returning relation_id
        "#,
        claim_id,
        to_claim_id,
        kind as RelationKind,
        note,
        user.user_id
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(relation_id) = relation_id else {
        return Err(AppError::invalid(
            "target",
            td_string!(locale, message.claim.already_linked),
        ));
    };
    if let Some(correction) = correction {
        record_correction(
            &mut tx,
            user,
            claim_id,
            correction,
            &["relations".to_owned()],
        )
        .await?;
    }
    let entry = AuditEntry {
        action: "relation.create",
        object_type: "relation",
        object_id: relation_id,
        before: None,
        after: Some(
            json!({ "from_claim_id": claim_id, "to_claim_id": to_claim_id, "kind": kind, "note": note }),
        ),
        note: correction,
    };
    record(&mut tx, &Actor::desk(user), entry).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn remove_relation(
    pool: &PgPool,
    user: &CurrentUser,
    relation_id: i64,
    correction_note: Option<&str>,
) -> Result<(), AppError> {
    let locale = crate::language::message_locale();
    let mut tx = pool.begin().await?;
    let relation = sqlx::query!(
        r#"select from_claim_id, to_claim_id, kind as "kind: RelationKind", note
             from relation where relation_id = $1"#,
        relation_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| {
        AppError::NotFound(td_string!(locale, message.claim.relation_not_found).to_owned())
    })?;
    let claim = lock_claim(&mut tx, relation.from_claim_id).await?;
    may_change(user, claim.state)?;
    let correction = required_correction_note(claim.state, correction_note)?;
    sqlx::query!("delete from relation where relation_id = $1", relation_id)
        .execute(&mut *tx)
        .await?;
    if let Some(correction) = correction {
        record_correction(
            &mut tx,
            user,
            claim.claim_id,
            correction,
            &["relations".to_owned()],
        )
        .await?;
    }
    let before = json!({
        "from_claim_id": relation.from_claim_id, "to_claim_id": relation.to_claim_id,
        "kind": relation.kind, "note": relation.note,
    });
    let entry = AuditEntry {
        action: "relation.delete",
        object_type: "relation",
        object_id: relation_id,
        before: Some(before),
        after: None,
        note: correction,
    };
    record(&mut tx, &Actor::desk(user), entry).await?;
    tx.commit().await?;
    Ok(())
}

/// `%` and `_` typed by the user are searched for literally.
pub fn like_pattern(q: &str) -> String {
    let escaped = q
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

pub async fn search_claims(pool: &PgPool, q: &str) -> Result<Vec<ClaimPick>, AppError> {
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let pattern = like_pattern(&q.chars().take(200).collect::<String>());
    let rows = sqlx::query!(
        r#"
        select c.claim_id, c.slug, c.headline, c.text, e.name as speaker_name,
               c.editorial_state as "editorial_state: EditorialState"
          from claim c join entity e on e.entity_id = c.speaker_entity_id
         where c.slug ilike $1 or c.text ilike $1 or c.headline ilike $1 or e.name ilike $1
         order by c.updated_at desc
         limit 20
        "#,
        pattern
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| ClaimPick {
            claim_id: row.claim_id,
            slug: row.slug,
            title: row
                .headline
                .unwrap_or_else(|| super::shorten(&row.text, 75)),
            speaker_name: row.speaker_name,
            editorial_state: row.editorial_state,
        })
        .collect())
}

pub async fn desk_claim(pool: &PgPool, claim_id: i64) -> Result<Option<DeskClaim>, AppError> {
    let Some(row) = sqlx::query!(
        r#"
        select c.claim_id, c.version, c.slug, c.editorial_state as "editorial_state: EditorialState",
               c.created_by, u.display_name as "author?", e.slug as speaker_slug, e.name as speaker_name,
               c.speaker_role, c.kind as "kind: super::ClaimKind", c.text, c.language, c.translation,
               c.translation_language, c.headline, c.claimed_on,
               c.claimed_on_precision as "claimed_on_precision: DatePrecision", c.place,
               c.attribution_status as "attribution_status: AttributionStatus",
               c.attribution_explanation, c.verdict_explanation, c.retraction_note, c.published_at,
               r.slug as "r_slug?", r.label_en as "r_label_en?", r.label_id as "r_label_id?",
               r.colour as "r_colour?", r.rating_value as "r_value?", r.explanation_en as "r_explanation?",
               r.explanation_id as "r_explanation_id?",
               r.retired as "r_retired?",
               coalesce((select string_agg(t.tag, ', ' order by t.tag) from claim_tag t
                          where t.claim_id = c.claim_id), '') as "tags!"
          from claim c
          join entity e on e.entity_id = c.speaker_entity_id
          left join app_user u on u.app_user_id = c.created_by
          left join rating r on r.rating_id = c.rating_id
         where c.claim_id = $1
        "#,
        claim_id
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let appearances = sqlx::query_as!(
        DeskAppearance,
        r#"
        select a.appearance_id, a.source_id, s.title as source_title, a.role as "role: AppearanceRole",
               a.cue_verb, a.exact, sn.snapshot_number as "snapshot_number?"
          from appearance a
          join source s on s.source_id = a.source_id
          left join source_snapshot sn on sn.source_snapshot_id = a.source_snapshot_id
         where a.claim_id = $1
         order by a.appearance_id
        "#,
        claim_id
    )
    .fetch_all(pool)
    .await?;
    let relations = sqlx::query!(
        r#"
        select rel.relation_id, rel.kind as "kind: RelationKind", rel.to_claim_id = $1 as "incoming!",
               o.claim_id as other_claim_id, o.headline, o.text, rel.note
          from relation rel
          join claim o on o.claim_id = case when rel.from_claim_id = $1 then rel.to_claim_id else rel.from_claim_id end
         where rel.from_claim_id = $1 or rel.to_claim_id = $1
         order by rel.relation_id
        "#,
        claim_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| DeskRelation {
        relation_id: r.relation_id,
        kind: r.kind,
        incoming: r.incoming,
        other_claim_id: r.other_claim_id,
        other_title: r.headline.unwrap_or_else(|| super::shorten(&r.text, 75)),
        note: r.note,
    })
    .collect();
    let form = ClaimForm {
        slug: row.slug.clone(),
        speaker: row.speaker_slug,
        speaker_role: row.speaker_role.unwrap_or_default(),
        kind: row.kind.as_str().to_owned(),
        text: row.text,
        language: row.language,
        translation: row.translation.unwrap_or_default(),
        translation_language: row.translation_language.unwrap_or_default(),
        headline: row.headline.unwrap_or_default(),
        claimed_on: format_claimed_on(row.claimed_on, row.claimed_on_precision),
        place: row.place.unwrap_or_default(),
        tags: row.tags,
    };
    Ok(Some(DeskClaim {
        claim_id: row.claim_id,
        version: row.version,
        slug: row.slug,
        editorial_state: row.editorial_state,
        author_id: row.created_by,
        author: row.author,
        speaker_name: row.speaker_name,
        form,
        attribution_status: row.attribution_status,
        attribution_explanation: row.attribution_explanation,
        verdict: Rating::from_columns(
            row.r_slug,
            (row.r_label_en, row.r_label_id),
            row.r_colour,
            row.r_value,
            (row.r_explanation, row.r_explanation_id),
            row.r_retired,
        ),
        verdict_explanation: row.verdict_explanation,
        retraction_note: row.retraction_note,
        published_at: row.published_at,
        appearances,
        relations,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_found_by_character_offset() {
        let body = "Kim Jong-un bertemu Putin. Rusia membantah, Rusia membantah lagi.";
        assert_eq!(locate_excerpt(body, "Putin", None), Some(20));
        // The second occurrence, as selected in the browser.
        assert_eq!(locate_excerpt(body, "Rusia membantah", Some(44)), Some(44));
        // A wrong hint falls back to the first occurrence.
        assert_eq!(locate_excerpt(body, "Rusia membantah", Some(3)), Some(27));
        assert_eq!(locate_excerpt(body, "Trump", None), None);
        // Offsets count characters, not bytes.
        assert_eq!(locate_excerpt("“Kami” tidak", "tidak", None), Some(7));
    }

    #[test]
    fn only_changed_fields_are_kept() {
        let before = json!({ "text": "a", "speaker": "x", "tags": ["p"] });
        let after = json!({ "text": "b", "speaker": "x", "tags": ["p", "q"] });
        let (names, old, new) = changed_fields(&before, &after);
        assert_eq!(names, vec!["tags", "text"]);
        assert_eq!(old, json!({ "text": "a", "tags": ["p"] }));
        assert_eq!(new, json!({ "text": "b", "tags": ["p", "q"] }));
    }

    #[test]
    fn like_patterns_are_literal() {
        assert_eq!(like_pattern("50%_x"), "%50\\%\\_x%");
    }
}
