//! View pieces shared by several pages.

pub mod badges;
pub mod claim_fields;
pub mod claim_list;
pub mod desk;
pub mod error_view;
pub mod layout;
pub mod proposal_card;
pub mod social_meta;
