//! People who use the desk. (Login and the desk pages build on this.)

use crate::db_enum;

db_enum! {
    /// What a desk user may do; see PRODUCT.md "Who uses it".
    UserRole as "user_role" { FactChecker = "fact_checker", Editor = "editor", Admin = "admin" }
}
