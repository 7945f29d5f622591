//! View pieces shared by several pages.

pub mod badges;
pub mod claim_list;
pub mod error_view;
pub mod layout;
