//! `server create-user`: argon2id hashes, the password rules, unique usernames, an audit entry —
//! and nothing stored when the input is refused.
#![recursion_limit = "512"]

use app::accounts::UserRole;
use server::users::{create_user, CreateUserError};
use sqlx::PgPool;

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_created_user_has_an_argon2id_hash_and_an_audit_entry(pool: PgPool) {
    let id = create_user(
        &pool,
        "editor.one",
        "Editor One",
        UserRole::Editor,
        "correct horse battery".into(),
    )
    .await
    .expect("created");
    let (role, hash): (String, String) =
        sqlx::query_as("select role::text, password_hash from app_user where app_user_id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(role, "editor");
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains("correct horse battery"));
    let audited: i64 = sqlx::query_scalar(
        "select count(*) from audit_event where action = 'user.create' and object_id = $1 and after->>'username' = 'editor.one'",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(audited, 1);
    let leaked: i64 =
        sqlx::query_scalar("select count(*) from audit_event where after::text like '%argon2%'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(leaked, 0, "the hash never reaches the audit log");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn refused_input_stores_nothing(pool: PgPool) {
    let short = create_user(
        &pool,
        "checker",
        "Checker",
        UserRole::FactChecker,
        "too short".into(),
    )
    .await;
    assert!(
        matches!(short, Err(CreateUserError::PasswordTooShort)),
        "{short:?}"
    );
    let bad_name = create_user(
        &pool,
        "Bad Name",
        "X",
        UserRole::Admin,
        "long enough password".into(),
    )
    .await;
    assert!(
        matches!(bad_name, Err(CreateUserError::BadUsername)),
        "{bad_name:?}"
    );

    create_user(
        &pool,
        "checker",
        "Checker",
        UserRole::FactChecker,
        "long enough password".into(),
    )
    .await
    .unwrap();
    let taken = create_user(
        &pool,
        "checker",
        "Other",
        UserRole::Admin,
        "another long password".into(),
    )
    .await;
    assert!(
        matches!(taken, Err(CreateUserError::UsernameTaken(_))),
        "{taken:?}"
    );

    let users: i64 = sqlx::query_scalar("select count(*) from app_user")
        .fetch_one(&pool)
        .await
        .unwrap();
    let audits: i64 = sqlx::query_scalar("select count(*) from audit_event")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!((users, audits), (1, 1));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn demo_accounts_are_made_once_one_per_role(pool: PgPool) {
    let first = server::users::ensure_demo_accounts(&pool).await.unwrap();
    let roles: Vec<UserRole> = first.iter().map(|(_, role, _)| *role).collect();
    assert_eq!(
        roles,
        [UserRole::FactChecker, UserRole::Editor, UserRole::Admin]
    );
    assert!(first
        .iter()
        .all(|(_, _, password)| password.chars().count() >= 12));
    assert!(
        server::users::ensure_demo_accounts(&pool)
            .await
            .unwrap()
            .is_empty(),
        "never shown twice"
    );
}
