//! Before/after a launch: the two groups of customers counted in SQL, per furthest stage,
//! straight off the `customers(first_at, furthest_stage, persona_id)` index.

use chrono::{NaiveDate, NaiveTime};

use super::sql::GroupRow;
use super::{Result, Workspace};
use crate::model::date::to_epoch_seconds;
use crate::model::launch::{LaunchComparison, LaunchWindow};
use crate::model::persona::PersonaId;
use crate::model::stage::Stage;

/// The first second (UTC) of `day`.
fn day_start(day: NaiveDate) -> i64 {
    to_epoch_seconds(day.and_time(NaiveTime::MIN))
}

impl Workspace {
    /// Both groups of [`LaunchWindow`] (see its rule), for everyone or one persona's
    /// customers. One indexed range scan over the window's customers: the group is
    /// `first_at ≥ launch`, the range's end the earlier of the window's end and the day
    /// after the latest day old enough to count.
    pub fn launch_comparison(
        &self,
        window: LaunchWindow,
        persona: Option<PersonaId>,
    ) -> Result<LaunchComparison> {
        let start = day_start(window.start());
        let launch = day_start(window.launch);
        let old_enough = window.latest_counted_day().succ_opt().unwrap_or(NaiveDate::MAX);
        let stop = day_start(window.end().min(old_enough));
        let scope = if persona.is_some() { "persona_id = ?4" } else { "?4 IS NULL" };
        // Named, because with a persona SQLite preferred the persona index and looked up
        // every one of that persona's customers in the table (3× slower at 1M customers);
        // this one covers the query and holds only the window's range.
        let index = super::cohorts::by_first_event(self.conn())?;
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT first_at >= ?3, furthest_stage, count(*) FROM customers {index}
             WHERE first_at >= ?1 AND first_at < ?2 AND {scope} GROUP BY 1, 2"
        ))?;
        let mut rows = stmt.query(rusqlite::params![start, stop, launch, persona])?;
        let (mut before, mut after) = ([0_u64; 8], [0_u64; 8]);
        while let Some(row) = rows.next()? {
            let is_after: bool = row.get(0)?;
            let stage: Stage = GroupRow::new(self.conn(), row, "customers", "id").get(1, "furthest_stage")?;
            let n: u64 = row.get(2)?;
            let group = if is_after { &mut after } else { &mut before };
            group[stage.index()] += n;
        }
        Ok(LaunchComparison::from_furthest(window, before, after))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CustomerEvent;
    use crate::model::date::epoch_day;
    use crate::model::launch::LaunchGroup;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    /// A pseudo-random workspace, then the same groups counted in Rust from each
    /// customer's first day and furthest stage with [`LaunchWindow::group`].
    #[test]
    fn groups_match_the_window_rule_customer_by_customer() {
        let mut ws = Workspace::open_in_memory().expect("workspace");
        let mut events = Vec::new();
        let mut state: u64 = 7;
        let mut next = || {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            state >> 33
        };
        let base = day("2026-01-01");
        for i in 0..600 {
            let first = base + chrono::Days::new(next() % 120);
            let furthest = 1 + next() % 8;
            let persona = if i % 3 == 0 { "Lan" } else { "Minh" };
            for stage in 1..=furthest {
                // The first event late in its day: the day, not the hour, decides the group.
                let at = if stage == 1 {
                    first.and_hms_opt(23, 30, 0)
                } else {
                    (first + chrono::Days::new(stage * 2)).and_hms_opt(8, 0, 0)
                };
                events.push(CustomerEvent {
                    customer_id: format!("c{i}"),
                    persona: persona.to_owned(),
                    stage: Stage::from_number(u8::try_from(stage).expect("1-8")).expect("stage"),
                    reached_at: at.expect("time"),
                });
            }
        }
        ws.import_customer_events(events).expect("import");

        let window = LaunchWindow { launch: day("2026-02-15"), window_days: 30, today: day("2026-04-10") };
        let got = ws.launch_comparison(window, None).expect("comparison");

        let customers: Vec<(NaiveDate, u8, String)> = ws
            .conn()
            .prepare("SELECT c.first_at, c.furthest_stage, p.name FROM customers c JOIN personas p ON p.id = c.persona_id")
            .expect("query")
            .query_map([], |r| Ok((epoch_day(r.get(0)?), r.get(1)?, r.get(2)?)))
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("customers");
        assert_eq!(customers.len(), 600);
        let mut want = ([0_u64; 8], [0_u64; 8]);
        for (first, furthest, _) in &customers {
            match window.group(*first) {
                Some(LaunchGroup::Before) => want.0[usize::from(*furthest) - 1] += 1,
                Some(LaunchGroup::After) => want.1[usize::from(*furthest) - 1] += 1,
                None => {}
            }
        }
        let expected = LaunchComparison::from_furthest(window, want.0, want.1);
        assert_eq!(got, expected);
        assert!(got.before.customers() > 50 && got.after.customers() > 50, "{got:?}");

        // One persona: the same rule on that persona's customers only.
        let lan =
            ws.personas().expect("personas").into_iter().find(|p| p.persona.name == "Lan").expect("Lan");
        let only = ws.launch_comparison(window, Some(lan.id)).expect("Lan");
        let lan_before = customers
            .iter()
            .filter(|(first, _, name)| name == "Lan" && window.group(*first) == Some(LaunchGroup::Before))
            .count();
        assert_eq!(only.before.customers(), lan_before as u64);
    }
}
