//! The permission matrix: every registered server function and every page route, called by the
//! anonymous reader, a fact-checker, an editor and an admin. A new server function or route makes
//! this test fail until it is classified here — nothing is left unchecked by accident.
#![recursion_limit = "512"]

use std::collections::BTreeSet;

use app::accounts::UserRole;
use claimtrack_tests::desk::{anonymous, get_as, get_data_as, post_form, sign_in_as, Visitor};
use claimtrack_tests::{seed_demo, TestApp};
use sqlx::PgPool;

/// Who may call an endpoint.
#[derive(Debug, Clone, Copy)]
enum Access {
    Public,
    Roles(&'static [UserRole]),
}

const ADMIN: Access = Access::Roles(&[UserRole::Admin]);
const DESK: Access = Access::Roles(&[UserRole::FactChecker, UserRole::Editor, UserRole::Admin]);

/// Every server function: (path, access). POST unless its path starts with /api/public/.
const SERVER_FUNCTIONS: &[(&str, Access)] = &[
    ("/api/public/claims", Access::Public),
    ("/api/public/claim", Access::Public),
    ("/api/public/filter-options", Access::Public),
    ("/api/public/entity", Access::Public),
    ("/api/public/source", Access::Public),
    ("/api/account/current-user", Access::Public),
    ("/api/desk/audit", DESK),
    ("/api/admin/users", ADMIN),
    ("/api/admin/users/create", ADMIN),
    ("/api/admin/users/update", ADMIN),
    ("/api/admin/users/reset-password", ADMIN),
];

/// Every page route: (route pattern, a concrete path, access).
const PAGES: &[(&str, &str, Access)] = &[
    ("/", "/", Access::Public),
    (
        "/claims/{slug}",
        "/claims/us-accuses-north-korea-of-supplying-weapons-to-russia",
        Access::Public,
    ),
    ("/entities/{slug}", "/entities/kim-jong-un", Access::Public),
    ("/sources/{id}", "/sources/1", Access::Public),
    ("/login", "/login", Access::Public),
    ("/auth/login", "/auth/login", Access::Public),
    ("/desk/users", "/desk/users", ADMIN),
    ("/desk/audit", "/desk/audit", DESK),
];

/// A valid request body or query for each server function, so that only permission decides.
async fn arguments(
    path: &str,
    visitor: &Visitor,
    pool: &PgPool,
    victim: i64,
) -> Vec<(&'static str, String)> {
    let version = || async {
        sqlx::query_scalar::<_, i32>("select version from app_user where app_user_id = $1")
            .bind(victim)
            .fetch_one(pool)
            .await
            .unwrap()
            .to_string()
    };
    match path {
        "/api/public/claims" => vec![("filter[speaker]", "kim-jong-un".into())],
        "/api/public/claim" => vec![("slug", "kim-will-always-stand-with-russia".into())],
        "/api/public/entity" => vec![("slug", "kim-jong-un".into())],
        "/api/public/source" => vec![("source_id", "1".into())],
        "/api/public/filter-options" | "/api/account/current-user" | "/api/admin/users" => vec![],
        "/api/desk/audit" => vec![("filter[object_type]", "claim".into())],
        "/api/admin/users/create" => vec![
            (
                "username",
                format!("new.{}", visitor.label().replace('_', "-")),
            ),
            ("display_name", "New Person".into()),
            ("role", "fact_checker".into()),
            ("password", "a long enough password".into()),
        ],
        "/api/admin/users/update" => vec![
            ("user_id", victim.to_string()),
            ("version", version().await),
            ("role", "editor".into()),
            ("disabled", "false".into()),
        ],
        "/api/admin/users/reset-password" => vec![
            ("user_id", victim.to_string()),
            ("version", version().await),
            ("password", "another long password".into()),
        ],
        other => panic!("server function {other} has no sample arguments in the permission matrix"),
    }
}

fn expected_status(access: Access, visitor: &Visitor, page: bool) -> u16 {
    match (access, visitor.role) {
        (Access::Public, _) => 200,
        (Access::Roles(_), None) if page => 302,
        (Access::Roles(_), None) => 401,
        (Access::Roles(allowed), Some(role)) if allowed.contains(&role) => 200,
        (Access::Roles(_), Some(_)) => 403,
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn every_endpoint_answers_each_role_as_classified(pool: PgPool) {
    seed_demo(&pool).await;
    let app = TestApp::spawn(pool.clone()).await;

    // Nothing registered escapes the matrix, and the matrix names nothing that does not exist.
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_owned())
        .collect();
    let classified: BTreeSet<String> = SERVER_FUNCTIONS
        .iter()
        .map(|(path, _)| path.to_string())
        .collect();
    assert_eq!(
        registered, classified,
        "classify every server function in SERVER_FUNCTIONS"
    );
    let routes: BTreeSet<String> = leptos_axum::generate_route_list(app::App)
        .iter()
        .map(|route| route.path().to_owned())
        .collect();
    let classified_pages: BTreeSet<String> = PAGES
        .iter()
        .map(|(route, _, _)| route.to_string())
        .collect();
    assert_eq!(
        routes, classified_pages,
        "classify every page route in PAGES"
    );

    let victim = server::users::create_user(
        &pool,
        "victim",
        "Victim",
        UserRole::FactChecker,
        "victim password 1".into(),
    )
    .await
    .unwrap();
    let visitors = vec![
        anonymous(),
        sign_in_as(&app, UserRole::FactChecker).await,
        sign_in_as(&app, UserRole::Editor).await,
        sign_in_as(&app, UserRole::Admin).await,
    ];

    let mut failures = Vec::new();
    for visitor in &visitors {
        for (path, access) in SERVER_FUNCTIONS {
            let args = arguments(path, visitor, &pool, victim).await;
            let response = if path.starts_with("/api/public/") {
                let query: Vec<String> = args.iter().map(|(k, v)| format!("{k}={v}")).collect();
                get_data_as(&app, visitor, &format!("{path}?{}", query.join("&"))).await
            } else {
                post_form(&app, visitor, path, &args).await
            };
            let (got, want) = (
                response.status().as_u16(),
                expected_status(*access, visitor, false),
            );
            if got != want {
                let body = response.text().await.unwrap_or_default();
                failures.push(format!(
                    "{} {path}: got {got}, want {want}: {body}",
                    visitor.label()
                ));
            }
        }
        for (_, path, access) in PAGES {
            let response = get_as(&app, visitor, path).await;
            let (got, want) = (
                response.status().as_u16(),
                expected_status(*access, visitor, true),
            );
            if got != want {
                failures.push(format!(
                    "{} GET {path}: got {got}, want {want}",
                    visitor.label()
                ));
            }
            if want == 302 {
                let location = response
                    .headers()
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                if !location.starts_with("/login") {
                    failures.push(format!(
                        "{} GET {path}: redirected to {location:?}, not the login page",
                        visitor.label()
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "permission matrix:\n{}",
        failures.join("\n")
    );
}
