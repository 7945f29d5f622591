//! Signing in and out over real HTTP: session rotation, server-side logout, disabled users,
//! rate limiting and the cross-site guard. Cookies are handled by hand to see every change.
#![recursion_limit = "512"]

use app::accounts::UserRole;
use claimtrack_tests::TestApp;
use reqwest::header::{COOKIE, LOCATION, ORIGIN, RETRY_AFTER, SET_COOKIE};
use sqlx::PgPool;

const PASSWORD: &str = "correct horse battery";

struct Client {
    app: TestApp,
    http: reqwest::Client,
}

impl Client {
    async fn new(pool: PgPool) -> Client {
        server::users::create_user(
            &pool,
            "checker",
            "Fact Checker",
            UserRole::FactChecker,
            PASSWORD.into(),
        )
        .await
        .unwrap();
        let app = TestApp::spawn(pool).await;
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Client { app, http }
    }

    fn origin(&self) -> String {
        format!("http://{}", self.app.address)
    }

    async fn login(
        &self,
        username: &str,
        password: &str,
        cookie: Option<&str>,
    ) -> reqwest::Response {
        let mut request = self
            .http
            .post(self.app.url("/auth/login"))
            .header(ORIGIN, self.origin())
            .form(&[
                ("username", username),
                ("password", password),
                ("next", "/"),
            ]);
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie);
        }
        request.send().await.unwrap()
    }

    /// Who the header says is signed in with this cookie, if anyone.
    async fn signed_in_as(&self, cookie: &str) -> Option<String> {
        let body = self
            .http
            .get(self.app.url("/"))
            .header(COOKIE, cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let html = scraper::Html::parse_document(&body);
        let selector = scraper::Selector::parse("[data-user]").unwrap();
        html.select(&selector)
            .next()
            .and_then(|e| e.value().attr("data-user").map(str::to_owned))
    }
}

/// "claimtrack_session=<id>" from a response, with the cookie's attributes checked.
fn session_cookie(response: &reqwest::Response) -> String {
    let header = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("claimtrack_session="))
        .expect("a session cookie")
        .to_owned();
    assert!(
        header.contains("HttpOnly") && header.contains("SameSite=Lax"),
        "{header}"
    );
    header.split(';').next().unwrap().to_owned()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn signing_in_rotates_the_session_and_signing_out_ends_it(pool: PgPool) {
    let client = Client::new(pool.clone()).await;
    let first = client.login("checker", PASSWORD, None).await;
    assert_eq!(first.status(), 303);
    assert_eq!(first.headers()[LOCATION], "/");
    let first_cookie = session_cookie(&first);
    assert_eq!(
        client.signed_in_as(&first_cookie).await.as_deref(),
        Some("checker")
    );

    // Signing in again from the same browser: a new session id, the old one is dead.
    let second = client.login("checker", PASSWORD, Some(&first_cookie)).await;
    let second_cookie = session_cookie(&second);
    assert_ne!(first_cookie, second_cookie);
    assert_eq!(client.signed_in_as(&first_cookie).await, None);
    assert_eq!(
        client.signed_in_as(&second_cookie).await.as_deref(),
        Some("checker")
    );

    let logout = client
        .http
        .post(client.app.url("/auth/logout"))
        .header(ORIGIN, client.origin())
        .header(COOKIE, &second_cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), 303);
    assert_eq!(
        client.signed_in_as(&second_cookie).await,
        None,
        "the old cookie no longer works"
    );
    let sessions: i64 =
        sqlx::query_scalar("select count(*) from session where data ? 'claimtrack.sign_in'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(sessions, 0, "logout removed the session on the server");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_wrong_password_is_a_401_with_a_clear_message_and_no_session(pool: PgPool) {
    let client = Client::new(pool.clone()).await;
    let response = client.login("checker", "wrong horse battery", None).await;
    assert_eq!(response.status(), 401);
    assert!(response.headers().get(SET_COOKIE).is_none());
    let body = response.text().await.unwrap();
    assert!(body.contains("That username and password do not match an active account."));
    let unknown = client.login("nobody", PASSWORD, None).await;
    assert_eq!(unknown.status(), 401, "unknown users get the same answer");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn repeated_failures_lock_the_account_with_429(pool: PgPool) {
    let client = Client::new(pool).await;
    for _ in 0..server::auth::MAX_FAILURES_PER_ACCOUNT {
        assert_eq!(
            client
                .login("checker", "wrong horse battery", None)
                .await
                .status(),
            401
        );
    }
    let locked = client.login("checker", PASSWORD, None).await;
    assert_eq!(locked.status(), 429, "even the right password waits");
    assert_eq!(locked.headers()[RETRY_AFTER], "900");
    assert!(locked
        .text()
        .await
        .unwrap()
        .contains("Too many failed sign-ins"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_forged_forwarded_for_does_not_escape_the_per_address_limit(pool: PgPool) {
    let client = Client::new(pool).await;
    for n in 0..server::auth::MAX_FAILURES_PER_CLIENT {
        let response = client
            .http
            .post(client.app.url("/auth/login"))
            .header(ORIGIN, client.origin())
            .header("x-forwarded-for", format!("203.0.113.{n}"))
            .form(&[
                ("username", format!("user{n}")),
                ("password", "wrong horse battery".to_owned()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401);
    }
    assert_eq!(client.login("checker", PASSWORD, None).await.status(), 429);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_disabled_user_is_signed_out(pool: PgPool) {
    let client = Client::new(pool.clone()).await;
    let cookie = session_cookie(&client.login("checker", PASSWORD, None).await);
    assert_eq!(
        client.signed_in_as(&cookie).await.as_deref(),
        Some("checker")
    );
    sqlx::query("update app_user set disabled_at = now() where username = 'checker'")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(client.signed_in_as(&cookie).await, None);
    assert_eq!(client.login("checker", PASSWORD, None).await.status(), 401);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn cross_site_posts_and_gets_to_mutating_routes_are_refused(pool: PgPool) {
    let client = Client::new(pool).await;
    let form = [("username", "checker"), ("password", PASSWORD)];
    let by_fetch_metadata = client
        .http
        .post(client.app.url("/auth/login"))
        .header("sec-fetch-site", "cross-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(by_fetch_metadata.status(), 403);
    let by_origin = client
        .http
        .post(client.app.url("/auth/login"))
        .header(ORIGIN, "http://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(by_origin.status(), 403);
    assert!(by_origin.headers().get(SET_COOKIE).is_none());
    let by_get = client
        .http
        .get(client.app.url("/auth/logout"))
        .send()
        .await
        .unwrap();
    assert_eq!(by_get.status(), 405);
}
