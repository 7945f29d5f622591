//! One file per route; see the route tree in `lib.rs`.

pub mod claim;
pub mod corrections;
pub mod desk_audit;
pub mod desk_claim;
pub mod desk_entities;
pub mod desk_home;
pub mod desk_review;
pub mod desk_sources;
pub mod desk_users;
pub mod entity;
pub mod home;
pub mod login;
pub mod methodology;
pub mod not_found;
pub mod source;

/// Percent-encode a value for a URL query (RFC 3986 unreserved characters stay as they are).
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// `path?k=v&…` with only the parameters that have a non-empty value.
pub fn url_with_query(path: &str, params: &[(&str, Option<&str>)]) -> String {
    let query: Vec<String> = params
        .iter()
        .filter_map(|(key, value)| {
            value
                .filter(|v| !v.is_empty())
                .map(|v| format!("{key}={}", encode_query_value(v)))
        })
        .collect();
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_urls_keep_only_set_values_and_encode_them() {
        assert_eq!(
            url_with_query("/", &[("speaker", None), ("verdict", Some(""))]),
            "/"
        );
        assert_eq!(
            url_with_query(
                "/",
                &[("speaker", Some("kim-jong-un")), ("after", Some("1.2 &x"))]
            ),
            "/?speaker=kim-jong-un&after=1.2%20%26x"
        );
    }
}
