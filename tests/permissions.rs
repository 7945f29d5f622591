//! The permission matrix: every registered server function and every page route, called by the
//! anonymous reader, a fact-checker, an editor and an admin. A new server function or route makes
//! this test fail until it is classified here — nothing is left unchecked by accident.
#![recursion_limit = "512"]

use std::collections::BTreeSet;

use app::accounts::UserRole;
use claimtrack_tests::desk::{anonymous, get_as, get_data_as, post_form, sign_in_as, Visitor};
use claimtrack_tests::fixtures::{
    insert_claim, insert_pending_proposal, insert_source, version_of,
};
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
const WRITERS: Access = Access::Roles(&[UserRole::FactChecker, UserRole::Editor]);
const EDITORS: Access = Access::Roles(&[UserRole::Editor]);

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
    ("/api/public/corrections", Access::Public),
    ("/api/public/methodology", Access::Public),
    ("/api/desk/dashboard", DESK),
    ("/api/desk/review", EDITORS),
    ("/api/desk/claims/get", DESK),
    ("/api/desk/claims/search", DESK),
    ("/api/desk/claims/create", WRITERS),
    ("/api/desk/claims/update", WRITERS),
    ("/api/desk/claims/add-appearance", WRITERS),
    ("/api/desk/claims/add-relation", WRITERS),
    ("/api/desk/claims/remove-relation", WRITERS),
    ("/api/desk/claims/submit", WRITERS),
    ("/api/desk/claims/return", EDITORS),
    ("/api/desk/claims/publish", EDITORS),
    ("/api/desk/claims/retract", EDITORS),
    ("/api/desk/proposals/create", WRITERS),
    ("/api/desk/proposals/decide", EDITORS),
    ("/api/desk/proposals/for-claim", DESK),
    ("/api/desk/entities/search", DESK),
    ("/api/desk/entities/get", DESK),
    ("/api/desk/entities/create", WRITERS),
    ("/api/desk/entities/update", WRITERS),
    ("/api/desk/sources/list", DESK),
    ("/api/desk/sources/get", DESK),
    ("/api/desk/sources/create", WRITERS),
    ("/api/desk/sources/update", WRITERS),
    ("/api/desk/sources/add-snapshot", WRITERS),
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
    ("/corrections", "/corrections", Access::Public),
    ("/methodology", "/methodology", Access::Public),
    ("/desk", "/desk", DESK),
    ("/desk/review", "/desk/review", EDITORS),
    ("/desk/claims/new", "/desk/claims/new", DESK),
    ("/desk/claims/{id}", "/desk/claims/1", DESK),
    ("/desk/sources", "/desk/sources", DESK),
    ("/desk/sources/new", "/desk/sources/new", DESK),
    ("/desk/sources/{id}", "/desk/sources/1", DESK),
    ("/desk/entities", "/desk/entities", DESK),
    ("/desk/entities/new", "/desk/entities/new", DESK),
    ("/desk/entities/{id}", "/desk/entities/1", DESK),
];

/// Every plain axum document route (robots, sitemap, feed): public, GET.
const DOCUMENTS: &[(&str, Access)] = &[
    ("/robots.txt", Access::Public),
    ("/sitemap.xml", Access::Public),
    ("/feed.atom", Access::Public),
];

/// Every JSON API route with a sample address: public, GET.
const API: &[(&str, &str)] = &[
    ("/api/v1/claims", "/api/v1/claims"),
    (
        "/api/v1/claims/{slug}",
        "/api/v1/claims/kim-will-always-stand-with-russia",
    ),
    ("/api/v1/entities", "/api/v1/entities"),
    ("/api/v1/entities/{slug}", "/api/v1/entities/kim-jong-un"),
    ("/api/v1/sources", "/api/v1/sources"),
    ("/api/v1/sources/{id}", "/api/v1/sources/1"),
    ("/api/v1/export/claims.csv", "/api/v1/export/claims.csv"),
    ("/api/v1/export/claims.jsonl", "/api/v1/export/claims.jsonl"),
    ("/api/v1/openapi.json", "/api/v1/openapi.json"),
];

/// Rows the desk server functions work on, made once per test.
struct Targets {
    victim: i64,
    draft: i64,
    source: i64,
    /// Receives snapshots (so `source` stays without text and any excerpt fits it).
    capture: i64,
    entity: i64,
}

/// A valid request body or query for each server function, so that only permission decides.
async fn arguments(
    path: &str,
    visitor: &Visitor,
    pool: &PgPool,
    targets: &Targets,
) -> Vec<(&'static str, String)> {
    let victim = targets.victim;
    let label = visitor.label();
    // A fresh claim per call, so every allowed role finds it in the state its action needs.
    let fresh = |state: &'static str| async move {
        insert_claim(
            pool,
            state,
            visitor.user_id,
            &format!("matrix {state} {label} {path}"),
        )
        .await
    };
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
        "/api/public/corrections" | "/api/public/methodology" => vec![],
        "/api/desk/dashboard" | "/api/desk/review" => vec![],
        "/api/desk/claims/get" | "/api/desk/proposals/for-claim" => {
            vec![("claim_id", targets.draft.to_string())]
        }
        "/api/desk/claims/search" | "/api/desk/entities/search" | "/api/desk/sources/list" => {
            vec![("q", "kim".into())]
        }
        "/api/desk/claims/create" => vec![
            ("form[speaker]", "kim-jong-un".into()),
            ("form[kind]", "paraphrase".into()),
            ("form[text]", format!("A new claim by {label}")),
            ("form[language]", "en".into()),
        ],
        "/api/desk/claims/update" => vec![
            ("claim_id", targets.draft.to_string()),
            (
                "version",
                version_of(pool, "claim", targets.draft).await.to_string(),
            ),
            ("form[speaker]", "kim-jong-un".into()),
            ("form[kind]", "paraphrase".into()),
            ("form[text]", format!("Edited by {label}")),
            ("form[language]", "en".into()),
        ],
        "/api/desk/claims/add-appearance" => vec![
            ("claim_id", targets.draft.to_string()),
            ("source_id", targets.source.to_string()),
            ("role", "report".into()),
            ("exact", format!("excerpt for {label}")),
        ],
        "/api/desk/claims/add-relation" => vec![
            ("claim_id", targets.draft.to_string()),
            (
                "kind",
                if label == "editor" {
                    "clarifies"
                } else {
                    "repeats"
                }
                .into(),
            ),
            ("target", "kim-will-always-stand-with-russia".into()),
        ],
        "/api/desk/claims/remove-relation" => {
            let relation: i64 = sqlx::query_scalar(
                "insert into relation (from_claim_id, to_claim_id, kind)
                 values ($1, (select claim_id from claim where slug = 'kim-will-always-stand-with-russia'), 'supersedes')
                 returning relation_id",
            )
            .bind(fresh("draft").await)
            .fetch_one(pool)
            .await
            .unwrap();
            vec![("relation_id", relation.to_string())]
        }
        "/api/desk/claims/submit" => {
            let claim = fresh("draft").await;
            vec![("claim_id", claim.to_string()), ("version", "1".into())]
        }
        "/api/desk/claims/publish" => {
            let claim = fresh("in_review").await;
            vec![("claim_id", claim.to_string()), ("version", "1".into())]
        }
        "/api/desk/claims/return" => {
            let claim = fresh("in_review").await;
            vec![
                ("claim_id", claim.to_string()),
                ("version", "1".into()),
                ("note", "Needs a second source.".into()),
            ]
        }
        "/api/desk/claims/retract" => {
            let claim = fresh("published").await;
            vec![
                ("claim_id", claim.to_string()),
                ("version", "1".into()),
                ("note", "Retracted for the matrix.".into()),
            ]
        }
        "/api/desk/proposals/create" => {
            let claim = fresh("draft").await;
            vec![
                ("claim_id", claim.to_string()),
                ("axis", "verdict".into()),
                ("value", "false".into()),
                ("rationale", "The evidence says otherwise.".into()),
                ("evidence[0]", targets.source.to_string()),
            ]
        }
        "/api/desk/proposals/decide" => {
            let claim = fresh("draft").await;
            let proposal = insert_pending_proposal(pool, claim, victim, targets.source).await;
            vec![
                ("proposal_id", proposal.to_string()),
                ("decision", "approve".into()),
                ("note", "Agreed.".into()),
            ]
        }
        "/api/desk/entities/get" => vec![("entity_id", targets.entity.to_string())],
        "/api/desk/entities/create" => vec![
            ("form[name]", format!("Matrix person {label}")),
            ("form[kind]", "person".into()),
            ("stay", "true".into()),
        ],
        "/api/desk/entities/update" => vec![
            ("entity_id", targets.entity.to_string()),
            (
                "version",
                version_of(pool, "entity", targets.entity).await.to_string(),
            ),
            ("form[name]", format!("Matrix entity edited by {label}")),
            ("form[slug]", "matrix-entity".into()),
            ("form[kind]", "group".into()),
        ],
        "/api/desk/sources/get" => vec![("source_id", targets.source.to_string())],
        "/api/desk/sources/create" => vec![
            ("form[kind]", "other".into()),
            ("form[title]", format!("Matrix source by {label}")),
            ("form[language]", "en".into()),
        ],
        "/api/desk/sources/update" => vec![
            ("source_id", targets.source.to_string()),
            (
                "version",
                version_of(pool, "source", targets.source).await.to_string(),
            ),
            ("form[kind]", "other".into()),
            ("form[title]", format!("Matrix source edited by {label}")),
            ("form[language]", "en".into()),
        ],
        "/api/desk/sources/add-snapshot" => vec![
            ("source_id", targets.capture.to_string()),
            ("body", format!("Captured text, version of {label}.")),
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
    let documents: BTreeSet<&str> = server::public::paths().into_iter().collect();
    let classified_documents: BTreeSet<&str> = DOCUMENTS.iter().map(|(path, _)| *path).collect();
    assert_eq!(
        documents, classified_documents,
        "classify every document route in DOCUMENTS"
    );
    let api: BTreeSet<String> = server::api::paths().into_iter().collect();
    let classified_api: BTreeSet<String> = API.iter().map(|(route, _)| route.to_string()).collect();
    assert_eq!(api, classified_api, "classify every API route in API");

    let victim = server::users::create_user(
        &pool,
        "victim",
        "Victim",
        UserRole::FactChecker,
        "victim password 1".into(),
    )
    .await
    .unwrap();
    let targets = Targets {
        victim,
        draft: insert_claim(&pool, "draft", Some(victim), "matrix draft").await,
        source: insert_source(&pool, "Matrix source", None).await,
        capture: insert_source(&pool, "Matrix capture", None).await,
        entity: sqlx::query_scalar(
            "insert into entity (slug, name, kind) values ('matrix-entity', 'Matrix entity', 'group') returning entity_id",
        )
        .fetch_one(&pool)
        .await
        .unwrap(),
    };
    let visitors = vec![
        anonymous(),
        sign_in_as(&app, UserRole::FactChecker).await,
        sign_in_as(&app, UserRole::Editor).await,
        sign_in_as(&app, UserRole::Admin).await,
    ];

    let mut failures = Vec::new();
    for visitor in &visitors {
        for (path, access) in SERVER_FUNCTIONS {
            let args = arguments(path, visitor, &pool, &targets).await;
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
        // The API is public and read-only: everyone may read, nobody may write through it.
        for (_, path) in API {
            let response = get_as(&app, visitor, path).await;
            if response.status().as_u16() != 200 {
                failures.push(format!(
                    "{} GET {path}: got {}, want 200",
                    visitor.label(),
                    response.status()
                ));
            }
            let write = post_form(&app, visitor, path, &[]).await;
            if write.status().is_success() {
                failures.push(format!(
                    "{} POST {path}: got {}, want a refusal",
                    visitor.label(),
                    write.status()
                ));
            }
        }
        for (path, access) in DOCUMENTS {
            let response = get_as(&app, visitor, path).await;
            let (got, want) = (
                response.status().as_u16(),
                expected_status(*access, visitor, false),
            );
            if got != want {
                failures.push(format!(
                    "{} GET {path}: got {got}, want {want}",
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
