//! How dates read on the page. A claim's date has a precision: "13 September 2023",
//! "September 2023" or "2023" — never a made-up day.

use chrono::{Datelike, NaiveDate};

use crate::claims::DatePrecision;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn claim_date_en(date: Option<NaiveDate>, precision: Option<DatePrecision>) -> String {
    let (Some(date), Some(precision)) = (date, precision) else {
        return "Date not given in the source".to_owned();
    };
    let month = MONTHS_EN[date.month0() as usize];
    match precision {
        DatePrecision::Day => format!("{} {} {}", date.day(), month, date.year()),
        DatePrecision::Month => format!("{} {}", month, date.year()),
        DatePrecision::Year => date.year().to_string(),
    }
}

pub fn day_en(date: NaiveDate) -> String {
    claim_date_en(Some(date), Some(DatePrecision::Day))
}

/// "2 languages", "1 claim": small English plurals for counts on the page.
pub fn count_en(count: i64, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count == 1 { singular } else { plural })
}

/// The English name of a language code used for claims; the code itself when we do not know it.
pub fn language_name_en(code: &str) -> String {
    match code {
        "id" => "Indonesian",
        "en" => "English",
        "ru" => "Russian",
        "ko" => "Korean",
        "ja" => "Japanese",
        "zh" => "Chinese",
        "ar" => "Arabic",
        "ms" => "Malay",
        "jv" => "Javanese",
        "fr" => "French",
        "de" => "German",
        "es" => "Spanish",
        other => return other.to_owned(),
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_printed_no_more_precisely_than_it_is_known() {
        let date = NaiveDate::from_ymd_opt(2023, 9, 13).unwrap();
        assert_eq!(
            claim_date_en(Some(date), Some(DatePrecision::Day)),
            "13 September 2023"
        );
        let month = NaiveDate::from_ymd_opt(2023, 9, 1).unwrap();
        assert_eq!(
            claim_date_en(Some(month), Some(DatePrecision::Month)),
            "September 2023"
        );
        let year = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
        assert_eq!(claim_date_en(Some(year), Some(DatePrecision::Year)), "2023");
        assert_eq!(claim_date_en(None, None), "Date not given in the source");
    }

    #[test]
    fn counts_use_the_right_plural() {
        assert_eq!(count_en(1, "claim", "claims"), "1 claim");
        assert_eq!(count_en(3, "claim", "claims"), "3 claims");
    }
}
