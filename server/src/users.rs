//! Desk accounts from the command line (`server create-user`).

use argon2::password_hash::rand_core::OsRng;
use sqlx::PgPool;

use app::accounts::UserRole;
use app::audit::db::Actor;

#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    #[error("the password must have at least 12 characters")]
    PasswordTooShort,
    #[error("the password must have at most 256 characters")]
    PasswordTooLong,
    #[error("the username must be 2–40 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")]
    BadUsername,
    #[error("the display name must be 1–100 characters")]
    BadDisplayName,
    #[error("a user named {0:?} already exists")]
    UsernameTaken(String),
    #[error("could not hash the password: {0}")]
    Hash(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Password rules: length only (12–256 characters), no composition rules.
pub fn check_password(password: &str) -> Result<(), CreateUserError> {
    match password.chars().count() {
        n if n < 12 => Err(CreateUserError::PasswordTooShort),
        n if n > 256 => Err(CreateUserError::PasswordTooLong),
        _ => Ok(()),
    }
}

fn check_username(username: &str) -> Result<(), CreateUserError> {
    match app::accounts::username_problem(username) {
        None => Ok(()),
        Some(_) => Err(CreateUserError::BadUsername),
    }
}

pub async fn hash_password(password: String) -> Result<String, CreateUserError> {
    app::accounts::password::hash_password(password)
        .await
        .map_err(|e| CreateUserError::Hash(e.to_string()))
}

pub async fn create_user(
    pool: &PgPool,
    username: &str,
    display_name: &str,
    role: UserRole,
    password: String,
) -> Result<i64, CreateUserError> {
    check_username(username)?;
    if display_name.trim().is_empty() || display_name.chars().count() > 100 {
        return Err(CreateUserError::BadDisplayName);
    }
    check_password(&password)?;
    let hash = hash_password(password).await?;
    let display_name = display_name.trim();
    app::accounts::db::insert_user(
        pool,
        &Actor::system("cli"),
        username,
        display_name,
        role,
        &hash,
    )
    .await?
    .ok_or_else(|| CreateUserError::UsernameTaken(username.to_owned()))
}

/// Demo desk accounts, one per role, for `make run` on the private demo database only.
/// Returns the accounts created now with their passwords, to be shown once; an account that
/// already exists keeps its password and is not shown again.
pub async fn ensure_demo_accounts(
    pool: &PgPool,
) -> Result<Vec<(String, UserRole, String)>, CreateUserError> {
    let mut created = Vec::new();
    for (username, display_name, role) in [
        ("demo.checker", "Demo Fact-checker", UserRole::FactChecker),
        ("demo.editor", "Demo Editor", UserRole::Editor),
        ("demo.admin", "Demo Admin", UserRole::Admin),
    ] {
        let exists: bool = sqlx::query_scalar!(
            r#"select exists (select 1 from app_user where username = $1) as "exists!""#,
            username
        )
        .fetch_one(pool)
        .await?;
        if exists {
            continue;
        }
        let password = random_password();
        create_user(pool, username, display_name, role, password.clone()).await?;
        created.push((username.to_owned(), role, password));
    }
    Ok(created)
}

/// 20 characters from an unambiguous alphabet, from the OS random source (~110 bits).
fn random_password() -> String {
    use argon2::password_hash::rand_core::RngCore;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXYZ2346789";
    (0..20)
        .map(|_| ALPHABET[(OsRng.next_u32() as usize) % ALPHABET.len()] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_judged_by_length_alone() {
        assert!(matches!(
            check_password("short"),
            Err(CreateUserError::PasswordTooShort)
        ));
        assert!(check_password("correct horse battery").is_ok());
        assert!(
            check_password("ééééééééééé1").is_ok(),
            "12 characters, more bytes"
        );
        assert!(matches!(
            check_password(&"x".repeat(257)),
            Err(CreateUserError::PasswordTooLong)
        ));
    }

    #[test]
    fn usernames_are_simple_lower_case_handles() {
        assert!(check_username("editor.one").is_ok());
        assert!(check_username("Editor").is_err());
        assert!(check_username("-x").is_err());
        assert!(check_username("a").is_err());
    }

    #[tokio::test]
    async fn hashes_are_argon2id() {
        let hash = hash_password("correct horse battery".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
    }
}
