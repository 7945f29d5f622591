//! Signed-in HTTP clients for desk tests: one user per role, cookies kept by hand.

use app::accounts::UserRole;
use reqwest::header::{COOKIE, ORIGIN, SET_COOKIE};

use crate::TestApp;

pub const PASSWORD: &str = "correct horse battery";

/// A desk user signed in to `app`; `cookie` is None for the anonymous reader.
pub struct Visitor {
    pub role: Option<UserRole>,
    pub user_id: Option<i64>,
    pub cookie: Option<String>,
}

impl Visitor {
    pub fn label(&self) -> &'static str {
        self.role.map(|r| r.as_str()).unwrap_or("anonymous")
    }
}

/// Creates `<role>.user` with [`PASSWORD`] and signs in through the real login route.
pub async fn sign_in_as(app: &TestApp, role: UserRole) -> Visitor {
    let username = format!("{}.user", role.as_str().replace('_', "-"));
    sign_in_named(app, &username, role).await
}

/// Creates `username` with `role` and [`PASSWORD`] and signs in (for tests needing two editors).
pub async fn sign_in_named(app: &TestApp, username: &str, role: UserRole) -> Visitor {
    let username = username.to_owned();
    let user_id =
        server::users::create_user(&app.pool, &username, &username, role, PASSWORD.into())
            .await
            .expect("create the user");
    let response = raw_client()
        .post(app.url("/auth/login"))
        .header(ORIGIN, format!("http://{}", app.address))
        .form(&[("username", username.as_str()), ("password", PASSWORD)])
        .send()
        .await
        .expect("sign in");
    assert_eq!(response.status(), 303, "sign-in of {username}");
    let cookie = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("claimtrack_session="))
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
        .expect("a session cookie");
    Visitor {
        role: Some(role),
        user_id: Some(user_id),
        cookie: Some(cookie),
    }
}

pub fn anonymous() -> Visitor {
    Visitor {
        role: None,
        user_id: None,
        cookie: None,
    }
}

/// A client that neither follows redirects nor keeps cookies.
pub fn raw_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// Calls a POST server function (or form route) as `visitor`, same-origin.
pub async fn post_form(
    app: &TestApp,
    visitor: &Visitor,
    path: &str,
    form: &[(&str, String)],
) -> reqwest::Response {
    let mut request = raw_client()
        .post(app.url(path))
        .header(ORIGIN, format!("http://{}", app.address))
        .form(form);
    if let Some(cookie) = &visitor.cookie {
        request = request.header(COOKIE, cookie);
    }
    request.send().await.expect("request")
}

/// A GET as a browser sends it (accepting HTML), with the visitor's cookie.
pub async fn get_as(app: &TestApp, visitor: &Visitor, path: &str) -> reqwest::Response {
    let mut request = raw_client()
        .get(app.url(path))
        .header(reqwest::header::ACCEPT, "text/html,*/*;q=0.8");
    if let Some(cookie) = &visitor.cookie {
        request = request.header(COOKIE, cookie);
    }
    request.send().await.expect("request")
}

/// A GET as a program sends it (no HTML accepted), with the visitor's cookie: data endpoints.
pub async fn get_data_as(app: &TestApp, visitor: &Visitor, path: &str) -> reqwest::Response {
    let mut request = raw_client().get(app.url(path));
    if let Some(cookie) = &visitor.cookie {
        request = request.header(COOKIE, cookie);
    }
    request.send().await.expect("request")
}
