//! How the site names and addresses itself to machines: absolute canonical URLs, the feed, the
//! sitemap and the organisation named as ClaimReview author. Set by the operator (see README).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    /// Public base URL, without a trailing slash: `https://claims.example.org`.
    pub base_url: String,
    /// The fact-checking organisation that publishes the reviews.
    pub organisation_name: String,
    pub organisation_url: String,
}

impl Default for SiteInfo {
    fn default() -> Self {
        SiteInfo {
            base_url: "http://localhost:3000".into(),
            organisation_name: "Claimtrack".into(),
            organisation_url: "http://localhost:3000".into(),
        }
    }
}

impl SiteInfo {
    /// `CLAIMTRACK_PUBLIC_URL`, `CLAIMTRACK_ORGANISATION_NAME`, `CLAIMTRACK_ORGANISATION_URL`
    /// (defaults: the local address, "Claimtrack", the public URL).
    #[cfg(feature = "ssr")]
    pub fn from_env() -> Self {
        let var = |name: &str| {
            std::env::var(name)
                .ok()
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let defaults = SiteInfo::default();
        let base_url = var("CLAIMTRACK_PUBLIC_URL")
            .map(|url| url.trim_end_matches('/').to_owned())
            .unwrap_or(defaults.base_url);
        SiteInfo {
            organisation_url: var("CLAIMTRACK_ORGANISATION_URL")
                .unwrap_or_else(|| base_url.clone()),
            organisation_name: var("CLAIMTRACK_ORGANISATION_NAME")
                .unwrap_or(defaults.organisation_name),
            base_url,
        }
    }

    /// The absolute URL of a path on this site (`/claims/x` → `https://…/claims/x`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}
