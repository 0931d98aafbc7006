//! Dates as users write them, and the day arithmetic the funnel needs.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A date or date-time that matches none of the accepted forms.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("date \"{0}\" is not YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS or DD/MM/YYYY")]
pub struct DateError(pub String);

/// Reads `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS` (a space instead of `T` is accepted too) or
/// day-first `DD/MM/YYYY` as written in Vietnam. A date alone means midnight.
///
/// The year is always four digits from 0001 on: chrono's `%Y` alone would take `01/01/24` as
/// the year 24 and `-001-01-01` as 2 BC, which no one means.
pub fn parse_date_time(text: &str) -> Result<NaiveDateTime, DateError> {
    let trimmed = text.trim();
    let err = || DateError(text.to_owned());
    let four_digits =
        |year: &str| year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) && year != "0000";
    if trimmed.contains('/') {
        let year = trimmed.rsplit('/').next().unwrap_or_default();
        if !four_digits(year) {
            return Err(err());
        }
        return NaiveDate::parse_from_str(trimmed, "%d/%m/%Y")
            .map(|d| d.and_time(NaiveTime::MIN))
            .map_err(|_| err());
    }
    if !(trimmed.get(..4).is_some_and(four_digits) && trimmed.as_bytes().get(4) == Some(&b'-')) {
        return Err(err());
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

/// Reads an event time from an imported file and returns it as UTC seconds since
/// 1970-01-01T00:00:00.
///
/// Accepts every form [`parse_date_time`] accepts, with a four-digit year from 0001 on:
/// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS` (or a space for the `T`), day-first `DD/MM/YYYY`,
/// and in addition:
/// - the compact `YYYYMMDD`;
/// - a time without seconds (`2024-03-01 08:00`) and fractional seconds
///   (`2024-03-01T08:00:00.123`, dropped: times are kept to the second);
/// - a time zone after the time: `Z`, `UTC`, `+07:00`, `-05:00`, `+0700`, `+07`, with or
///   without a space before it (`2024-03-02 08:00:00 +0700`, as shop exports write it).
///   The time is converted to UTC.
///
/// **A time without a zone is taken as UTC**, as [`to_epoch_seconds`] does, so files that
/// write local times without a zone keep their wall-clock times unchanged.
///
/// Rejected: impossible dates (`2024-02-30`), two-digit years (`01/01/24`), year 0 and
/// negative years (`-001-01-01`), and anything after the zone. A leap second (`:60`) counts
/// as second 59, as chrono does.
///
/// This runs once per row of a file of a million rows, so it scans bytes and never allocates
/// (except for the error).
pub fn parse_event_time(text: &str) -> Result<i64, DateError> {
    scan_event_time(text.trim().as_bytes()).ok_or_else(|| DateError(text.to_owned()))
}

/// The UTC calendar day of a time in seconds since 1970-01-01T00:00:00.
pub fn epoch_day(seconds: i64) -> NaiveDate {
    from_epoch_seconds(seconds).date()
}

const SECONDS_PER_DAY_I64: i64 = 86_400;

/// A forward-only reader over the bytes of a time.
struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// Consumes `byte` if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.pos += usize::from(found);
        found
    }

    fn eat_spaces(&mut self) -> bool {
        let start = self.pos;
        while self.peek() == Some(b' ') {
            self.pos += 1;
        }
        self.pos > start
    }

    /// How many ASCII digits follow, without consuming them.
    fn digit_run(&self) -> usize {
        self.bytes[self.pos.min(self.bytes.len())..].iter().take_while(|b| b.is_ascii_digit()).count()
    }

    /// Reads between `min` and `max` digits (greedy; a longer run is an error).
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let run = self.digit_run();
        if run < min || run > max {
            return None;
        }
        Some(self.take(run))
    }

    /// Reads exactly `width` digits, whatever follows (for `YYYYMMDD`).
    fn fixed(&mut self, width: usize) -> Option<u32> {
        (self.digit_run() >= width).then(|| self.take(width))
    }

    /// Consumes `width` bytes known to be digits.
    fn take(&mut self, width: usize) -> u32 {
        let value =
            self.bytes[self.pos..self.pos + width].iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'));
        self.pos += width;
        value
    }
}

fn scan_event_time(bytes: &[u8]) -> Option<i64> {
    let mut s = Scanner { bytes, pos: 0 };
    let (year, month, day) = scan_date(&mut s)?;
    let mut seconds = days_from_civil(i64::from(year), month, day) * SECONDS_PER_DAY_I64;
    if s.at_end() {
        return Some(seconds);
    }
    // The date and the time are separated by `T` or by spaces.
    if !(s.eat(b'T') || s.eat(b't') || s.eat_spaces()) {
        return None;
    }
    seconds += scan_clock(&mut s)?;
    seconds -= scan_zone_offset(&mut s)?;
    s.at_end().then_some(seconds)
}

/// `YYYY-MM-DD`, `DD/MM/YYYY` or `YYYYMMDD` (month and day of the first two may have one
/// digit, as chrono accepts them in [`parse_date_time`]).
fn scan_date(s: &mut Scanner<'_>) -> Option<(u32, u32, u32)> {
    let run = s.digit_run();
    let next = s.bytes.get(run).copied();
    let (year, month, day) = match (run, next) {
        (4, Some(b'-')) => {
            let year = s.number(4, 4)?;
            s.eat(b'-');
            let month = s.number(1, 2)?;
            s.eat(b'-').then_some(())?;
            (year, month, s.number(1, 2)?)
        }
        (1 | 2, Some(b'/')) => {
            let day = s.number(1, 2)?;
            s.eat(b'/');
            let month = s.number(1, 2)?;
            s.eat(b'/').then_some(())?;
            (s.number(4, 4)?, month, day)
        }
        (8, _) => {
            let year = s.fixed(4)?;
            let month = s.fixed(2)?;
            (year, month, s.fixed(2)?)
        }
        _ => return None,
    };
    let valid = year >= 1 && (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day);
    valid.then_some((year, month, day))
}

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff` → seconds into the day.
fn scan_clock(s: &mut Scanner<'_>) -> Option<i64> {
    let hour = s.number(1, 2)?;
    s.eat(b':').then_some(())?;
    let minute = s.number(1, 2)?;
    let mut second = 0;
    if s.eat(b':') {
        second = s.number(1, 2)?;
        if s.eat(b'.') || s.eat(b',') {
            let fraction = s.digit_run();
            if fraction == 0 {
                return None;
            }
            s.pos += fraction;
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // chrono reads second 60 as a leap second inside second 59; do the same.
    Some(i64::from(hour * 3600 + minute * 60 + second.min(59)))
}

/// An optional zone after the time → its offset from UTC in seconds (0 when absent).
fn scan_zone_offset(s: &mut Scanner<'_>) -> Option<i64> {
    s.eat_spaces();
    let Some(first) = s.peek() else {
        return Some(0);
    };
    let sign = match first {
        b'Z' | b'z' => {
            s.pos += 1;
            return Some(0);
        }
        b'U' | b'u' => {
            let rest = &s.bytes[s.pos..];
            if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case(b"UTC") {
                s.pos += 3;
                return Some(0);
            }
            return None;
        }
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    s.pos += 1;
    let (hours, minutes) = match s.digit_run() {
        2 => {
            let hours = s.number(2, 2)?;
            (hours, if s.eat(b':') { s.number(2, 2)? } else { 0 })
        }
        // `+0700`, as shop exports write it.
        4 => (s.fixed(2)?, s.fixed(2)?),
        _ => return None,
    };
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some(sign * i64::from(hours * 3600 + minutes * 60))
}

fn is_leap_year(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a valid proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`), without chrono's slower, more general machinery.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
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

    fn utc(text: &str) -> i64 {
        to_epoch_seconds(at(text))
    }

    fn event(text: &str) -> i64 {
        parse_event_time(text).expect(text)
    }

    #[test]
    fn event_times_without_zone_are_utc() {
        // 2024-03-01T00:00:00Z is 1_709_251_200 (19_783 days after 1970-01-01).
        assert_eq!(event("2024-03-01"), 1_709_251_200);
        assert_eq!(event("2024-03-01T00:00:00"), 1_709_251_200);
        assert_eq!(event(" 2024-03-01 08:30:15 "), 1_709_251_200 + 8 * 3600 + 30 * 60 + 15);
        assert_eq!(event("01/03/2024"), 1_709_251_200);
        assert_eq!(event("1/3/2024"), 1_709_251_200);
        assert_eq!(event("20240301"), 1_709_251_200);
        assert_eq!(event("2024-03-01 08:30"), 1_709_251_200 + 8 * 3600 + 30 * 60);
        assert_eq!(event("1970-01-01"), 0);
        assert_eq!(event("1969-12-31T23:59:59"), -1);
        assert_eq!(event("0001-01-01"), -62_135_596_800);
        assert_eq!(event("9999-12-31T23:59:59"), 253_402_300_799);
    }

    #[test]
    fn event_times_with_zone_are_converted_to_utc() {
        let midnight = 1_709_251_200; // 2024-03-01T00:00:00Z
        assert_eq!(event("2024-03-01T00:00:00Z"), midnight);
        assert_eq!(event("2024-03-01T00:00:00z"), midnight);
        assert_eq!(event("2024-03-01 00:00:00 UTC"), midnight);
        assert_eq!(event("2024-03-01T07:00:00+07:00"), midnight);
        assert_eq!(event("2024-03-01T07:00:00+07"), midnight);
        assert_eq!(event("2024-02-29T19:00:00-05:00"), midnight);
        assert_eq!(event("2024-03-01T05:30:00+0530"), midnight);
        // Shop exports: a space, then a four-digit offset; 08:00 in Hanoi is 01:00 UTC.
        assert_eq!(event("2024-03-02 08:00:00 +0700"), midnight + 86_400 + 3600);
        // The zone can move the time across a day, a month and a year.
        assert_eq!(event("2024-01-01T03:00:00+07:00"), utc("2023-12-31T20:00:00"));
    }

    #[test]
    fn fractional_seconds_are_dropped() {
        let eight = 1_709_251_200 + 8 * 3600;
        assert_eq!(event("2024-03-01T08:00:00.123Z"), eight);
        assert_eq!(event("2024-03-01T08:00:00.999999999"), eight);
        assert_eq!(event("2024-03-01 08:00:00,5 +0000"), eight);
        assert_eq!(event("2024-03-01T08:00:00.5+01:00"), eight - 3600);
    }

    #[test]
    fn event_time_rejections() {
        for bad in [
            "",
            "2024-02-30",
            "2023-02-29",
            "2024-04-31",
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "31/02/2024",
            "01/01/24",
            "1/1/124",
            "-001-01-01",
            "0000-01-01",
            "00000101",
            "2024031",
            "202403011",
            "24-03-01",
            "2024/03/05",
            "03-05-2024",
            "yesterday",
            "2024-03-05T25:00:00",
            "2024-03-05T23:60:00",
            "2024-03-05T23:59:61",
            "2024-03-05T",
            "2024-03-05T08",
            "2024-03-05T08:00:00.",
            "2024-03-05T08:00:00+7",
            "2024-03-05T08:00:00+07:0",
            "2024-03-05T08:00:00+24:00",
            "2024-03-05T08:00:00+07:00 extra",
            "2024-03-05T08:00:00 PST",
            "2024-03-05X08:00:00",
            "2024-03-05 08:00:00 +0700 Z",
            "２０２４-03-05",
        ] {
            assert_eq!(parse_event_time(bad), Err(DateError(bad.to_owned())), "{bad}");
        }
    }

    #[test]
    fn event_times_agree_with_parse_date_time() {
        for text in [
            "2024-03-05",
            " 2024-03-05T13:04:59 ",
            "2024-03-05 13:04:59",
            "05/03/2024",
            "5/3/2024",
            "2000-02-29T23:59:59",
            "1900-03-01T00:00:00",
            "2024-12-31T23:59:60",
        ] {
            assert_eq!(parse_event_time(text), Ok(utc(text)), "{text}");
        }
        // One-digit months and days, as chrono reads them in `DD/MM/YYYY`, work in ISO dates too.
        assert_eq!(event("2024-3-5 8:05:09"), utc("2024-03-05T08:05:09"));
    }

    #[test]
    fn random_times_round_trip_through_every_form() {
        let mut rng = fastrand::Rng::with_seed(8);
        for _ in 0..2_000 {
            // Any second from 1000-01-01 to 9999-12-31.
            let seconds = rng.i64(-30_610_224_000..253_402_300_800);
            let t = from_epoch_seconds(seconds);
            let day_start = seconds - seconds.rem_euclid(86_400);
            assert_eq!(event(&t.format("%Y-%m-%dT%H:%M:%S").to_string()), seconds);
            assert_eq!(event(&t.format("%Y-%m-%d %H:%M:%S%.3fZ").to_string()), seconds);
            assert_eq!(event(&t.format("%Y%m%d").to_string()), day_start);
            assert_eq!(event(&t.format("%d/%m/%Y").to_string()), day_start);
            let offset_minutes = rng.i64(-12 * 60..=14 * 60);
            let local = from_epoch_seconds(seconds + offset_minutes * 60);
            let sign = if offset_minutes < 0 { '-' } else { '+' };
            let (h, m) = (offset_minutes.abs() / 60, offset_minutes.abs() % 60);
            let zoned = format!("{} {sign}{h:02}{m:02}", local.format("%Y-%m-%d %H:%M:%S"));
            assert_eq!(event(&zoned), seconds, "{zoned}");
            assert_eq!(epoch_day(seconds), t.date());
        }
    }
}
