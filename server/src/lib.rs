#![recursion_limit = "512"]
//! The Claimtrack server: router assembly, database setup, the private PostgreSQL cluster,
//! demo data and user administration. `main.rs` is only the command line.

pub mod api;
pub mod auth;
pub mod caching;
pub mod database;
pub mod language;
pub mod postgres;
pub mod public;
pub mod router;
pub mod seed;
pub mod session_store;
pub mod users;
