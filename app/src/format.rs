//! How dates read on the page. A claim's date has a precision: "13 September 2023",
//! "September 2023" or "2023" — never a made-up day.

use chrono::{Datelike, NaiveDate};

use crate::claims::DatePrecision;
use crate::i18n::{td_string, Locale};

fn month_name(locale: Locale, month: u32) -> &'static str {
    match month {
        1 => td_string!(locale, date.m01),
        2 => td_string!(locale, date.m02),
        3 => td_string!(locale, date.m03),
        4 => td_string!(locale, date.m04),
        5 => td_string!(locale, date.m05),
        6 => td_string!(locale, date.m06),
        7 => td_string!(locale, date.m07),
        8 => td_string!(locale, date.m08),
        9 => td_string!(locale, date.m09),
        10 => td_string!(locale, date.m10),
        11 => td_string!(locale, date.m11),
        _ => td_string!(locale, date.m12),
    }
}

/// A claim's date in the reader's language, no more precise than it is known.
pub fn claim_date(
    locale: Locale,
    date: Option<NaiveDate>,
    precision: Option<DatePrecision>,
) -> String {
    let (Some(date), Some(precision)) = (date, precision) else {
        return td_string!(locale, date.not_given).to_owned();
    };
    let month = month_name(locale, date.month());
    let year = date.year();
    match precision {
        DatePrecision::Day => {
            let day = date.day();
            td_string!(locale, date.day, day, month, year).to_string()
        }
        DatePrecision::Month => td_string!(locale, date.month, month, year).to_string(),
        DatePrecision::Year => year.to_string(),
    }
}

pub fn day(locale: Locale, date: NaiveDate) -> String {
    claim_date(locale, Some(date), Some(DatePrecision::Day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_printed_no_more_precisely_than_it_is_known() {
        let date = NaiveDate::from_ymd_opt(2023, 9, 13).unwrap();
        assert_eq!(
            claim_date(Locale::en, Some(date), Some(DatePrecision::Day)),
            "13 September 2023"
        );
        let month = NaiveDate::from_ymd_opt(2023, 9, 1).unwrap();
        assert_eq!(
            claim_date(Locale::en, Some(month), Some(DatePrecision::Month)),
            "September 2023"
        );
        let year = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
        assert_eq!(
            claim_date(Locale::en, Some(year), Some(DatePrecision::Year)),
            "2023"
        );
        assert_eq!(
            claim_date(Locale::en, None, None),
            "Date not given in the source"
        );
    }

    #[test]
    fn dates_read_in_indonesian() {
        let date = NaiveDate::from_ymd_opt(2023, 9, 13).unwrap();
        assert_eq!(
            claim_date(Locale::id, Some(date), Some(DatePrecision::Day)),
            "13 September 2023"
        );
        let august = NaiveDate::from_ymd_opt(2024, 8, 1).unwrap();
        assert_eq!(
            claim_date(Locale::id, Some(august), Some(DatePrecision::Month)),
            "Agustus 2024"
        );
        assert_eq!(
            claim_date(Locale::id, None, None),
            "Tanggal tidak disebut dalam sumber"
        );
    }
}
