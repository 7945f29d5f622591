//! Admins manage desk accounts through the server functions: every change is audited with its
//! actor, a stale form changes nothing, and disabling or resetting ends the user's sessions.
#![recursion_limit = "512"]

use app::accounts::UserRole;
use claimtrack_tests::desk::{get_as, post_form, sign_in_as};
use claimtrack_tests::TestApp;
use sqlx::PgPool;

async fn version_of(pool: &PgPool, username: &str) -> i32 {
    sqlx::query_scalar("select version from app_user where username = $1")
        .bind(username)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn is_signed_in(app: &TestApp, visitor: &claimtrack_tests::desk::Visitor) -> bool {
    let body = get_as(app, visitor, "/").await.text().await.unwrap();
    body.contains("data-user=")
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_admin_creates_changes_and_disables_accounts_with_audit(pool: PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    let admin = sign_in_as(&app, UserRole::Admin).await;
    let checker = sign_in_as(&app, UserRole::FactChecker).await;
    assert!(is_signed_in(&app, &checker).await);

    let created = post_form(
        &app,
        &admin,
        "/api/admin/users/create",
        &[
            ("username", "new.editor".into()),
            ("display_name", "New Editor".into()),
            ("role", "editor".into()),
            ("password", "twelve chars ok".into()),
        ],
    )
    .await;
    assert_eq!(created.status(), 200);
    let duplicate = post_form(
        &app,
        &admin,
        "/api/admin/users/create",
        &[
            ("username", "new.editor".into()),
            ("display_name", "Again".into()),
            ("role", "admin".into()),
            ("password", "twelve chars ok".into()),
        ],
    )
    .await;
    assert_eq!(duplicate.status(), 400);
    assert!(duplicate.text().await.unwrap().contains("already taken"));

    // Disable the fact-checker: their open session ends at once.
    let checker_id = checker.user_id.unwrap().to_string();
    let version = version_of(&pool, "fact-checker.user").await;
    let disable = post_form(
        &app,
        &admin,
        "/api/admin/users/update",
        &[
            ("user_id", checker_id.clone()),
            ("version", version.to_string()),
            ("role", "fact_checker".into()),
            ("disabled", "true".into()),
        ],
    )
    .await;
    assert_eq!(disable.status(), 200);
    assert!(!is_signed_in(&app, &checker).await);

    // A form loaded before that change is stale: refused, nothing changes.
    let stale = post_form(
        &app,
        &admin,
        "/api/admin/users/update",
        &[
            ("user_id", checker_id),
            ("version", version.to_string()),
            ("role", "admin".into()),
            ("disabled", "false".into()),
        ],
    )
    .await;
    assert_eq!(stale.status(), 409);
    let (role, disabled): (String, bool) =
        sqlx::query_as("select role::text, disabled_at is not null from app_user where username = 'fact-checker.user'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!((role.as_str(), disabled), ("fact_checker", true));

    let audit: Vec<(String, Option<i64>)> = sqlx::query_as(
        "select action, actor_user_id from audit_event where actor_label = 'admin.user' order by audit_event_id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        audit,
        [
            ("user.create".to_owned(), admin.user_id),
            ("user.update".to_owned(), admin.user_id)
        ]
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_admin_cannot_lock_themselves_out_and_resets_end_sessions(pool: PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    let admin = sign_in_as(&app, UserRole::Admin).await;
    let editor = sign_in_as(&app, UserRole::Editor).await;
    let own_version = version_of(&pool, "admin.user").await.to_string();
    let demote_self = post_form(
        &app,
        &admin,
        "/api/admin/users/update",
        &[
            ("user_id", admin.user_id.unwrap().to_string()),
            ("version", own_version),
            ("role", "editor".into()),
            ("disabled", "false".into()),
        ],
    )
    .await;
    assert_eq!(demote_self.status(), 400);

    let short = post_form(
        &app,
        &admin,
        "/api/admin/users/reset-password",
        &[
            ("user_id", editor.user_id.unwrap().to_string()),
            (
                "version",
                version_of(&pool, "editor.user").await.to_string(),
            ),
            ("password", "short".into()),
        ],
    )
    .await;
    assert_eq!(short.status(), 400);
    assert!(
        is_signed_in(&app, &editor).await,
        "a refused reset changes nothing"
    );

    let reset = post_form(
        &app,
        &admin,
        "/api/admin/users/reset-password",
        &[
            ("user_id", editor.user_id.unwrap().to_string()),
            (
                "version",
                version_of(&pool, "editor.user").await.to_string(),
            ),
            ("password", "a brand new password".into()),
        ],
    )
    .await;
    assert_eq!(reset.status(), 200);
    assert!(
        !is_signed_in(&app, &editor).await,
        "the reset ended the editor's session"
    );
    let leaked: i64 =
        sqlx::query_scalar("select count(*) from audit_event where after::text like '%argon2%'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(leaked, 0);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn desk_users_read_the_audit_log_by_object_and_by_user(pool: PgPool) {
    claimtrack_tests::seed_demo(&pool).await;
    let accusation: i64 = sqlx::query_scalar(
        "select claim_id from claim where slug = 'us-accuses-north-korea-of-supplying-weapons-to-russia'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let app = TestApp::spawn(pool.clone()).await;
    let checker = sign_in_as(&app, UserRole::FactChecker).await;

    let actions_on = |body: String| {
        let html = scraper::Html::parse_document(&body);
        let rows = scraper::Selector::parse("tr[data-action]").unwrap();
        html.select(&rows)
            .filter_map(|r| r.value().attr("data-action").map(str::to_owned))
            .collect::<Vec<_>>()
    };
    let page = get_as(
        &app,
        &checker,
        &format!("/desk/audit?object_type=claim&object_id={accusation}"),
    )
    .await;
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    assert!(body.contains("system:seed-demo"));
    assert_eq!(
        actions_on(body),
        ["claim.publish", "claim.judge", "claim.create"],
        "newest first"
    );

    // The whole log pages backwards without repeating an entry.
    let first = get_as(&app, &checker, "/desk/audit")
        .await
        .text()
        .await
        .unwrap();
    let next = {
        let html = scraper::Html::parse_document(&first);
        let link = scraper::Selector::parse("a.pager__next").unwrap();
        html.select(&link)
            .next()
            .and_then(|a| a.value().attr("href"))
            .map(str::to_owned)
            .expect("a next page")
    };
    let first_ids = actions_on(first).len();
    assert_eq!(first_ids, 50);
    let second = get_as(&app, &checker, &next).await;
    assert_eq!(second.status(), 200);
    assert!(!actions_on(second.text().await.unwrap()).is_empty());

    let by_user = get_as(&app, &checker, "/desk/audit?actor=fact-checker.user")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        actions_on(by_user).is_empty(),
        "signing in changes nothing that is audited"
    );
    let anonymous = get_as(&app, &claimtrack_tests::desk::anonymous(), "/desk/audit").await;
    assert_eq!(anonymous.status(), 302);
}
