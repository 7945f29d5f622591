//! Password rules and argon2id hashing, shared by the CLI and the admin pages.

use argon2::password_hash::{rand_core::OsRng, PasswordHasher, SaltString};
use argon2::Argon2;

use crate::error::AppError;
use crate::i18n::td_string;

/// Length only (12–256 characters), no composition rules.
pub fn password_problem(password: &str) -> Option<&'static str> {
    let locale = crate::language::message_locale();
    match password.chars().count() {
        n if n < 12 => Some(td_string!(locale, message.account.password_too_short)),
        n if n > 256 => Some(td_string!(locale, message.account.password_too_long)),
        _ => None,
    }
}

/// An argon2id hash (PHC string). Slow on purpose, so it runs off the async runtime.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
    })
    .await
    .map_err(|error| {
        tracing::error!(%error, "hashing task failed");
        AppError::Internal
    })?
    .map_err(|error| {
        tracing::error!(%error, "could not hash a password");
        AppError::Internal
    })
}
