//! Dates as users write them, and the day arithmetic the funnel needs.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A date or date-time that matches none of the accepted forms.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("date \"{0}\" is not YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS or DD/MM/YYYY")]
pub struct DateError(pub String);

/// Reads `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS` (a space instead of `T` is accepted too) or
/// day-first `DD/MM/YYYY` as written in Vietnam. A date alone means midnight.
pub fn parse_date_time(text: &str) -> Result<NaiveDateTime, DateError> {
    let trimmed = text.trim();
    let err = || DateError(text.to_owned());
    if trimmed.contains('/') {
        return NaiveDate::parse_from_str(trimmed, "%d/%m/%Y")
            .map(|d| d.and_time(NaiveTime::MIN))
            .map_err(|_| err());
    }
    if trimmed.len() == 10 {
        return NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
            .map(|d| d.and_time(NaiveTime::MIN))
            .map_err(|_| err());
    }
    NaiveDateTime::parse_from_str(trimmed, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(trimmed, "%Y-%m-%d %H:%M:%S"))
        .map_err(|_| err())
}

/// Seconds since 1970-01-01T00:00:00, treating the date-time as UTC (the app never
/// mixes time zones, so only differences matter).
pub fn to_epoch_seconds(at: NaiveDateTime) -> i64 {
    at.and_utc().timestamp()
}

pub fn from_epoch_seconds(seconds: i64) -> NaiveDateTime {
    chrono::DateTime::from_timestamp(seconds, 0).map_or(NaiveDateTime::MIN, |t| t.naive_utc())
}

/// Seconds in a day, for turning differences into fractional days.
pub const SECONDS_PER_DAY: f64 = 86_400.0;

/// Formats as the store writes it: `YYYY-MM-DDTHH:MM:SS`.
pub fn format_iso(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        parse_date_time(text).expect(text)
    }

    #[test]
    fn accepted_forms() {
        assert_eq!(format_iso(at("2024-03-05")), "2024-03-05T00:00:00");
        assert_eq!(format_iso(at(" 2024-03-05T13:04:59 ")), "2024-03-05T13:04:59");
        assert_eq!(format_iso(at("2024-03-05 13:04:59")), "2024-03-05T13:04:59");
        assert_eq!(format_iso(at("05/03/2024")), "2024-03-05T00:00:00");
        assert_eq!(format_iso(at("5/3/2024")), "2024-03-05T00:00:00");
    }

    #[test]
    fn rejected_forms() {
        for bad in
            ["", "2024-13-01", "31/02/2024", "2024/03/05", "03-05-2024", "yesterday", "2024-03-05T25:00:00"]
        {
            assert_eq!(parse_date_time(bad), Err(DateError(bad.to_owned())), "{bad}");
        }
    }

    #[test]
    fn epoch_round_trip() {
        let t = at("2025-01-02T03:04:05");
        assert_eq!(from_epoch_seconds(to_epoch_seconds(t)), t);
        assert_eq!(to_epoch_seconds(at("1970-01-02")), 86_400);
    }
}
