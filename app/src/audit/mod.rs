//! The append-only audit log: every change, with who made it and what it was before and after.
//! The database refuses UPDATE, DELETE and TRUNCATE on `audit_event`.

#[cfg(feature = "ssr")]
pub mod db;
