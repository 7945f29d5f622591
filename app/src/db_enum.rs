//! `db_enum!` declares an enum that mirrors a PostgreSQL enum type: the same snake_case values on
//! both sides, a `sqlx::Type` on the server, and parsing/printing for URLs and forms.

/// The value was not one of the enum's values (from a URL, a form, a CLI flag).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {type_name} value {value:?}")]
pub struct UnknownValue {
    pub type_name: &'static str,
    pub value: String,
}

#[macro_export]
macro_rules! db_enum {
    (
        $(#[$meta:meta])*
        $name:ident as $pg_name:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[cfg_attr(feature = "ssr", derive(sqlx::Type))]
        #[cfg_attr(feature = "ssr", sqlx(type_name = $pg_name, rename_all = "snake_case"))]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as stored in the database and written in URLs.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $value),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::db_enum::UnknownValue;
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                match value {
                    $($value => Ok($name::$variant),)+
                    _ => Err($crate::db_enum::UnknownValue {
                        type_name: stringify!($name),
                        value: value.to_owned(),
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::claims::AttributionStatus;

    #[test]
    fn values_round_trip_and_unknown_values_are_refused() {
        for status in AttributionStatus::ALL {
            assert_eq!(status.as_str().parse::<AttributionStatus>(), Ok(*status));
        }
        let error = "maybe".parse::<AttributionStatus>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown AttributionStatus value \"maybe\""
        );
    }
}
