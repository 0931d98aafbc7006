//! Cohorts: customers grouped by the month or week of their first event, and how far each
//! group got. Also the date range that restricts a report to customers who started in it.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::stage::Stage;

/// The length of a cohort.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CohortPeriod {
    /// Calendar months.
    #[default]
    Month,
    /// Weeks from Monday to Sunday (ISO 8601, as in Vietnam and most of Europe).
    Week,
}

impl CohortPeriod {
    /// Both periods, for a menu.
    pub const ALL: [Self; 2] = [Self::Month, Self::Week];

    /// The word the command line uses: `month` or `week`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Month => "month",
            Self::Week => "week",
        }
    }
}

impl fmt::Display for CohortPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A cohort period other than `month` or `week`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cohort period \"{0}\" is not month or week")]
pub struct ParseCohortPeriodError(pub String);

impl FromStr for CohortPeriod {
    type Err = ParseCohortPeriodError;

    /// `month` or `week`, in any case, with surrounding spaces ignored.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        Self::ALL
            .into_iter()
            .find(|period| period.as_str().eq_ignore_ascii_case(trimmed))
            .ok_or_else(|| ParseCohortPeriodError(text.to_owned()))
    }
}

/// The first day of the period holding `day`: the 1st of its month, or the Monday of its week.
pub fn period_start(day: NaiveDate, period: CohortPeriod) -> NaiveDate {
    let days_back = match period {
        CohortPeriod::Month => day.day0(),
        CohortPeriod::Week => day.weekday().num_days_from_monday(),
    };
    // Only the first days chrono can represent have no period start; keep them as they are.
    day.checked_sub_days(Days::new(u64::from(days_back))).unwrap_or(day)
}

/// The customers whose first event falls in one period, and how far they got.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cohort {
    /// The period's first day (see [`period_start`]); `YYYY-MM-DD` in JSON.
    pub start: NaiveDate,
    /// Customers whose first event falls in the period.
    pub customers: u64,
    /// `reached[i]`: how many of them reached stage `i + 1`, i.e. whose furthest stage is at
    /// least stage `i + 1` (as in [`super::PersonaFunnel::reached`]).
    pub reached: [u64; 8],
}

impl Cohort {
    /// The share of the cohort that reached `stage`, 0–1 (`None` for an empty cohort).
    pub fn share(&self, stage: Stage) -> Option<f64> {
        (self.customers > 0).then(|| self.reached[stage.index()] as f64 / self.customers as f64)
    }
}

/// Groups customers, each given as (day of first event, furthest stage), into cohorts of
/// `period`: ordered by start, only periods holding at least one customer.
pub fn cohorts<I>(customers: I, period: CohortPeriod) -> Vec<Cohort>
where
    I: IntoIterator<Item = (NaiveDate, Stage)>,
{
    let mut by_start: BTreeMap<NaiveDate, Cohort> = BTreeMap::new();
    for (first_day, furthest) in customers {
        let start = period_start(first_day, period);
        let cohort = by_start.entry(start).or_insert(Cohort { start, customers: 0, reached: [0; 8] });
        cohort.customers += 1;
        for reached in &mut cohort.reached[..=furthest.index()] {
            *reached += 1;
        }
    }
    by_start.into_values().collect()
}

/// Like [`cohorts`], from counts per day of first event: `furthest[i]` customers of that
/// day got no further than stage `i + 1`. The store counts per day in SQL order, so a
/// million customers make a few thousand items here.
pub fn cohorts_from_days<I>(days: I, period: CohortPeriod) -> Vec<Cohort>
where
    I: IntoIterator<Item = (NaiveDate, [u64; 8])>,
{
    let mut by_start: BTreeMap<NaiveDate, Cohort> = BTreeMap::new();
    for (day, furthest) in days {
        let start = period_start(day, period);
        let cohort = by_start.entry(start).or_insert(Cohort { start, customers: 0, reached: [0; 8] });
        // Reaching stage i means a furthest stage of i or later: sums from the end.
        let mut at_least = 0;
        for (reached, n) in cohort.reached.iter_mut().zip(furthest).rev() {
            at_least += n;
            *reached += at_least;
        }
        cohort.customers += at_least;
    }
    by_start.into_values().collect()
}

/// Days from `from` (included) to `to` (excluded); either end may be open. Restricts a
/// report to the customers whose first event falls in it (`report --from --to`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateRange {
    /// The first day in the range; `None`: no lower bound.
    pub from: Option<NaiveDate>,
    /// The first day after the range; `None`: no upper bound.
    pub to: Option<NaiveDate>,
}

impl DateRange {
    /// Every day.
    pub const ALL: Self = Self { from: None, to: None };

    /// Whether `day` is in `[from, to)`.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= day) && self.to.is_none_or(|to| day < to)
    }

    /// Whether neither end is set, so the range restricts nothing.
    pub fn is_all(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// Whether no day can be in it (`to` not after `from`): worth telling the user.
    pub fn is_empty(&self) -> bool {
        matches!((self.from, self.to), (Some(from), Some(to)) if to <= from)
    }
}

/// The cohorts of a report or of the Analytics view, with the period they were cut by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CohortTable {
    /// Months or weeks.
    pub period: CohortPeriod,
    /// Ordered by start; only periods holding at least one customer.
    pub cohorts: Vec<Cohort>,
}

/// A day for `--from`/`--to` or the Analytics date range that is not a date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a date: write YYYY-MM-DD or DD/MM/YYYY")]
pub struct DayError(pub String);

/// Reads a day as `YYYY-MM-DD` or day-first `DD/MM/YYYY` (as the importer accepts dates).
/// A time of day is refused: a range is made of whole days, and silently dropping the time
/// would move the bound.
pub fn parse_day(text: &str) -> Result<NaiveDate, DayError> {
    let trimmed = text.trim();
    let is_day_only = trimmed.len() == 10;
    match super::date::parse_date_time(trimmed) {
        Ok(at) if is_day_only => Ok(at.date()),
        _ => Err(DayError(text.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text)
    }

    #[test]
    fn weeks_start_on_monday() {
        // 2024-03-03 is a Sunday, 2024-03-04 a Monday.
        assert_eq!(period_start(day("2024-03-03"), CohortPeriod::Week), day("2024-02-26"));
        assert_eq!(period_start(day("2024-03-04"), CohortPeriod::Week), day("2024-03-04"));
        assert_eq!(period_start(day("2024-03-10"), CohortPeriod::Week), day("2024-03-04"));
        assert_eq!(period_start(day("2024-03-11"), CohortPeriod::Week), day("2024-03-11"));
        // A week across a year: 2025-01-01 is a Wednesday.
        assert_eq!(period_start(day("2025-01-01"), CohortPeriod::Week), day("2024-12-30"));
        assert_eq!(period_start(day("2025-01-05"), CohortPeriod::Week), day("2024-12-30"));
    }

    #[test]
    fn months_start_on_the_first() {
        assert_eq!(period_start(day("2024-02-29"), CohortPeriod::Month), day("2024-02-01"));
        assert_eq!(period_start(day("2024-03-01"), CohortPeriod::Month), day("2024-03-01"));
        assert_eq!(period_start(day("2024-12-31"), CohortPeriod::Month), day("2024-12-01"));
        assert_eq!(period_start(day("2025-01-01"), CohortPeriod::Month), day("2025-01-01"));
        assert_eq!(period_start(NaiveDate::MIN, CohortPeriod::Week), NaiveDate::MIN);
    }

    #[test]
    fn monthly_cohorts_count_customers_and_reached_stages() {
        let customers = [
            (day("2024-12-31"), Stage::Acknowledgment),
            (day("2024-12-01"), Stage::Evaluation),
            (day("2025-01-01"), Stage::Advocacy),
            (day("2024-12-15"), Stage::Kickoff),
            (day("2025-03-02"), Stage::Validation),
        ];
        let got = cohorts(customers, CohortPeriod::Month);
        assert_eq!(
            got,
            vec![
                Cohort { start: day("2024-12-01"), customers: 3, reached: [3, 2, 1, 1, 0, 0, 0, 0] },
                Cohort { start: day("2025-01-01"), customers: 1, reached: [1; 8] },
                // February has no customer, so no cohort.
                Cohort { start: day("2025-03-01"), customers: 1, reached: [1, 1, 1, 0, 0, 0, 0, 0] },
            ]
        );
        assert_eq!(got[0].share(Stage::Acknowledgment), Some(2.0 / 3.0));
        assert_eq!(
            Cohort { start: day("2025-01-01"), customers: 0, reached: [0; 8] }.share(Stage::Kickoff),
            None
        );
        assert!(cohorts([], CohortPeriod::Week).is_empty());
    }

    #[test]
    fn weekly_cohorts_split_at_monday() {
        let customers = [
            (day("2024-03-03"), Stage::Validation), // Sunday: week of 26 Feb
            (day("2024-03-04"), Stage::Evaluation), // Monday: week of 4 Mar
            (day("2024-02-26"), Stage::Advocacy),   // Monday: week of 26 Feb
            (day("2024-03-10"), Stage::Adoption),   // Sunday: week of 4 Mar
        ];
        assert_eq!(
            cohorts(customers, CohortPeriod::Week),
            vec![
                Cohort { start: day("2024-02-26"), customers: 2, reached: [2, 2, 2, 1, 1, 1, 1, 1] },
                Cohort { start: day("2024-03-04"), customers: 2, reached: [2, 1, 1, 1, 1, 1, 1, 0] },
            ]
        );
    }

    #[test]
    fn cohort_json_has_the_reports_shape() {
        let cohort = Cohort { start: day("2024-03-04"), customers: 2, reached: [2, 1, 0, 0, 0, 0, 0, 0] };
        assert_eq!(
            serde_json::to_string(&cohort).expect("json"),
            r#"{"start":"2024-03-04","customers":2,"reached":[2,1,0,0,0,0,0,0]}"#
        );
    }

    #[test]
    fn periods_parse() {
        assert_eq!(" Week ".parse::<CohortPeriod>(), Ok(CohortPeriod::Week));
        assert_eq!("MONTH".parse::<CohortPeriod>(), Ok(CohortPeriod::Month));
        assert_eq!("day".parse::<CohortPeriod>(), Err(ParseCohortPeriodError("day".into())));
        for period in CohortPeriod::ALL {
            assert_eq!(period.to_string().parse::<CohortPeriod>(), Ok(period));
        }
    }

    #[test]
    fn ranges_include_from_and_exclude_to() {
        let march = DateRange { from: Some(day("2024-03-01")), to: Some(day("2024-04-01")) };
        assert!(!march.contains(day("2024-02-29")));
        assert!(march.contains(day("2024-03-01")));
        assert!(march.contains(day("2024-03-31")));
        assert!(!march.contains(day("2024-04-01")));
        let from_only = DateRange { from: Some(day("2024-03-01")), to: None };
        assert!(from_only.contains(day("9999-12-31")));
        assert!(!from_only.contains(day("2024-02-29")));
        let to_only = DateRange { from: None, to: Some(day("2024-03-01")) };
        assert!(to_only.contains(day("1900-01-01")));
        assert!(!to_only.contains(day("2024-03-01")));
        assert!(DateRange::ALL.contains(day("2024-03-01")) && DateRange::ALL.is_all());
        assert!(!march.is_all() && !march.is_empty());
        assert!(DateRange { from: Some(day("2024-03-01")), to: Some(day("2024-03-01")) }.is_empty());
    }
    #[test]
    fn days_parse_in_both_forms_and_refuse_times() {
        assert_eq!(parse_day(" 2024-03-01 "), Ok(day("2024-03-01")));
        assert_eq!(parse_day("01/03/2024"), Ok(day("2024-03-01")));
        for bad in ["2024-02-30", "2024-03-01T08:00:00", "03/2024", "", "yesterday", "24-03-01"] {
            assert_eq!(parse_day(bad), Err(DayError(bad.to_owned())), "{bad}");
        }
    }
    #[test]
    fn day_counts_give_the_same_cohorts_as_customers() {
        let customers = [
            (day("2024-03-03"), Stage::Validation),
            (day("2024-03-03"), Stage::Advocacy),
            (day("2024-03-04"), Stage::Evaluation),
            (day("2024-02-26"), Stage::Advocacy),
            (day("2024-04-10"), Stage::Adoption),
        ];
        let mut by_day: BTreeMap<NaiveDate, [u64; 8]> = BTreeMap::new();
        for (first, furthest) in customers {
            by_day.entry(first).or_insert([0; 8])[furthest.index()] += 1;
        }
        for period in CohortPeriod::ALL {
            assert_eq!(cohorts_from_days(by_day.clone(), period), cohorts(customers, period), "{period}");
        }
    }
}
