//! `--from DATE --to DATE --cohorts month|week`: the date range and cohorts of `fanpath
//! report` and `fanpath export`, shared by both.

use clap::{Args, ValueEnum};
use fanpath::model::{CohortPeriod, DateRange, parse_day};

/// The first-event range of a report or export.
#[derive(Clone, Debug, Default, Args)]
pub struct RangeArgs {
    /// Only customers whose first event is on or after this day, and emotions logged from
    /// it (YYYY-MM-DD or DD/MM/YYYY).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only customers whose first event is before this day (the day itself is left out), and
    /// emotions logged before it. With either date, undated emotions are left out.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

impl RangeArgs {
    /// The range, or an error naming the option and the text that is not a date. Read here
    /// rather than by clap so a bad date exits with 1 like every other wrong input.
    pub fn range(&self) -> anyhow::Result<DateRange> {
        let day = |option: &str, text: &Option<String>| {
            text.as_deref()
                .map(|text| parse_day(text).map_err(|err| anyhow::anyhow!("--{option}: {err}")))
                .transpose()
        };
        let range = DateRange { from: day("from", &self.from)?, to: day("to", &self.to)? };
        if range.is_empty() {
            anyhow::bail!(
                "--to ({}) must be after --from ({}): the range [from, to) holds no day",
                self.to.as_deref().unwrap_or_default().trim(),
                self.from.as_deref().unwrap_or_default().trim()
            );
        }
        Ok(range)
    }
}

/// `--cohorts month|week`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CohortArg {
    /// Calendar months of first event.
    Month,
    /// Weeks of first event, Monday to Sunday.
    Week,
}

impl From<CohortArg> for CohortPeriod {
    fn from(arg: CohortArg) -> Self {
        match arg {
            CohortArg::Month => Self::Month,
            CohortArg::Week => Self::Week,
        }
    }
}
