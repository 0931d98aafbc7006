//! Did the change work? Customers who started before a launch against those who started
//! after it, stage by stage, with a two-proportion z-test per step.
//!
//! Plain values only: the store counts the two groups in SQL
//! (`Workspace::launch_comparison`), [`compare_groups`] turns the counts into step
//! conversions, differences and verdicts, and `crate::i18n` words the verdicts.

use chrono::{Days, NaiveDate};

use super::analytics::Share;
use super::funnel::Funnel;
use super::stage::Stage;

/// The default window on each side of a launch, in days.
pub const DEFAULT_WINDOW_DAYS: u32 = 90;

/// A step is called a real change when its two-sided p-value is below this (a 95 % test).
pub const SIGNIFICANCE: f64 = 0.05;

/// Below this expected count (of either outcome, in either group, under the pooled rate)
/// the normal approximation behind the z-test is not trusted: "too few customers to tell".
pub const MIN_EXPECTED: f64 = 5.0;

/// The two groups a launch splits customers into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LaunchGroup {
    Before,
    After,
}

/// Which customers a before/after comparison looks at.
///
/// The rule, with `N = window_days` and days counted on the calendar date (UTC) of a
/// customer's first stage event:
/// - **before**: first event on a day in `[launch − N, launch)`;
/// - **after**: first event on a day in `[launch, launch + N)`;
/// - in either group only customers whose first event is at least `N` days before
///   `today` (`first_day + N ≤ today`), so every customer counted has had the same `N`
///   days to move on. Without it the after group, younger on average, would look like it
///   drops off more only because its customers have not had the time yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LaunchWindow {
    /// The day the new journey went live (the first day of the after group).
    pub launch: NaiveDate,
    /// Days on each side of the launch, and the minimum age of a counted customer.
    pub window_days: u32,
    /// The reference day for the age rule; tests pin it.
    pub today: NaiveDate,
}

impl LaunchWindow {
    /// The first day of the before group.
    pub fn start(&self) -> NaiveDate {
        self.launch.checked_sub_days(Days::new(self.window_days.into())).unwrap_or(NaiveDate::MIN)
    }

    /// The day after the after group's last day.
    pub fn end(&self) -> NaiveDate {
        self.launch.checked_add_days(Days::new(self.window_days.into())).unwrap_or(NaiveDate::MAX)
    }

    /// The latest first-event day old enough to count (`today − N`).
    pub fn latest_counted_day(&self) -> NaiveDate {
        self.today.checked_sub_days(Days::new(self.window_days.into())).unwrap_or(NaiveDate::MIN)
    }

    /// The group of a customer whose first event was on `first_day`, if it counts at all.
    pub fn group(&self, first_day: NaiveDate) -> Option<LaunchGroup> {
        if first_day > self.latest_counted_day() || first_day < self.start() || first_day >= self.end() {
            return None;
        }
        Some(if first_day < self.launch { LaunchGroup::Before } else { LaunchGroup::After })
    }
}

/// A two-proportion z-test with the pooled rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ZTest {
    /// `(p_after − p_before) / se`, with `se` from the pooled rate.
    pub z: f64,
    /// Two-sided: the chance of a difference at least this large if both groups had the
    /// same rate.
    pub p_value: f64,
}

/// What a step's numbers say, in one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Some expected count is below [`MIN_EXPECTED`] (or a group is empty).
    TooFew,
    /// The after group converts better, and the test says it is unlikely to be chance.
    Improved,
    /// The after group converts worse, and it is unlikely to be chance.
    Worsened,
    /// The difference may well be chance.
    NoClearChange,
}

/// One step of the funnel (`from` → `to`) in both groups.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepChange {
    pub from: Stage,
    pub to: Stage,
    /// Customers of the before group who reached `to`, of those who reached `from`.
    pub before: Share,
    /// The same for the after group.
    pub after: Share,
    /// `(after rate − before rate) × 100`; none when a group has nobody at `from`.
    pub difference_points: Option<f64>,
    /// None when [`Verdict::TooFew`].
    pub test: Option<ZTest>,
    pub verdict: Verdict,
}

/// Both groups' funnels and every step's change.
#[derive(Clone, Debug, PartialEq)]
pub struct LaunchComparison {
    pub window: LaunchWindow,
    /// `before.reached[i]`: customers of the before group whose furthest stage ≥ stage i+1.
    pub before: Funnel,
    pub after: Funnel,
    /// The seven steps, Evaluation → Acknowledgment first.
    pub steps: Vec<StepChange>,
}

impl LaunchComparison {
    /// Builds the comparison from each group's histogram of furthest stages
    /// (`furthest[i]`: customers whose furthest stage is exactly stage i+1).
    pub fn from_furthest(window: LaunchWindow, before: [u64; 8], after: [u64; 8]) -> Self {
        let (before, after) = (Funnel::from_furthest(before), Funnel::from_furthest(after));
        let steps = Stage::ALL
            .iter()
            .filter_map(|&from| {
                let to = from.next()?;
                let before = Share { customers: before.reached(to), of: before.reached(from) };
                let after = Share { customers: after.reached(to), of: after.reached(from) };
                Some(compare_step(from, to, before, after))
            })
            .collect();
        Self { window, before, after, steps }
    }
}

/// Compares one step's two shares.
pub fn compare_step(from: Stage, to: Stage, before: Share, after: Share) -> StepChange {
    let difference_points = before.rate().zip(after.rate()).map(|(b, a)| (a - b) * 100.0);
    let test = z_test(before, after);
    let verdict = match test {
        None => Verdict::TooFew,
        Some(t) if t.p_value >= SIGNIFICANCE => Verdict::NoClearChange,
        Some(t) if t.z > 0.0 => Verdict::Improved,
        Some(_) => Verdict::Worsened,
    };
    StepChange { from, to, before, after, difference_points, test, verdict }
}

/// The pooled two-proportion z-test of `after` against `before`; none when any expected
/// count (successes or failures, in either group, at the pooled rate) is below
/// [`MIN_EXPECTED`], which also covers empty groups and a pooled rate of 0 or 1.
#[expect(clippy::cast_precision_loss, reason = "customer counts are far below 2^52")]
pub fn z_test(before: Share, after: Share) -> Option<ZTest> {
    if before.of == 0 || after.of == 0 {
        return None;
    }
    let (x1, n1) = (before.customers as f64, before.of as f64);
    let (x2, n2) = (after.customers as f64, after.of as f64);
    let pooled = (x1 + x2) / (n1 + n2);
    let expected = [n1 * pooled, n1 * (1.0 - pooled), n2 * pooled, n2 * (1.0 - pooled)];
    if expected.iter().any(|&e| e < MIN_EXPECTED) {
        return None;
    }
    let se = (pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)).sqrt();
    let z = (x2 / n2 - x1 / n1) / se;
    Some(ZTest { z, p_value: two_sided_p(z) })
}

/// The two-sided p-value of a standard normal `z`: `P(|Z| ≥ |z|) = erfc(|z| / √2)`.
pub fn two_sided_p(z: f64) -> f64 {
    erfc(z.abs() / std::f64::consts::SQRT_2).clamp(0.0, 1.0)
}

/// The standard normal distribution function `Φ(z) = erfc(−z / √2) / 2`.
pub fn normal_cdf(z: f64) -> f64 {
    0.5 * erfc(-z / std::f64::consts::SQRT_2)
}

/// The complementary error function, by the Chebyshev fit of Numerical Recipes (`erfcc`):
/// relative error below 1.2 × 10⁻⁷ for every `x`, plenty for a p-value shown to two
/// digits, and no dependency for one function.
pub fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let value = t * poly.exp();
    if x >= 0.0 { value } else { 2.0 - value }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn share(customers: u64, of: u64) -> Share {
        Share { customers, of }
    }

    /// Reference values from Python's `math.erfc` (double precision):
    /// `erfc(0.5) = 0.4795001221869535`, `erfc(1) = 0.15729920705028513`,
    /// `erfc(2) = 0.004677734981047266`, `erfc(-1) = 1.8427007929497148`.
    #[test]
    fn erfc_matches_reference_values() {
        for (x, want) in [
            (0.0, 1.0),
            (0.5, 0.479_500_122_186_953_5),
            (1.0, 0.157_299_207_050_285_13),
            (2.0, 0.004_677_734_981_047_266),
            (-1.0, 1.842_700_792_949_714_8),
        ] {
            let got = erfc(x);
            assert!((got - want).abs() <= 1.2e-7 * want, "erfc({x}) = {got}, want {want}");
        }
    }

    /// Textbook quantiles: |z| = 1.959964 is the 95 % two-sided cut, 2.575829 the 99 %
    /// one; |z| = 1 leaves 31.73 % outside.
    #[test]
    fn p_values_of_known_quantiles() {
        for (z, want) in [(0.0, 1.0), (1.0, 0.317_310_507_862_914), (1.959_964, 0.05), (-2.575_829, 0.01)] {
            let got = two_sided_p(z);
            assert!((got - want).abs() < 1e-6, "p({z}) = {got}, want {want}");
        }
        assert!((normal_cdf(1.959_964) - 0.975).abs() < 1e-6);
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
    }

    /// 530 of 1,000 before and 610 of 1,000 after. By hand: pooled p = 1140/2000 = 0.57,
    /// se = √(0.57 · 0.43 · (1/1000 + 1/1000)) = √0.0004902 = 0.0221405,
    /// z = 0.08 / 0.0221405 = 3.61329, p = erfc(3.61329/√2) = 0.000302.
    #[test]
    fn z_test_of_a_clear_improvement() {
        let test = z_test(share(530, 1000), share(610, 1000)).expect("enough customers");
        assert!((test.z - 3.613_29).abs() < 1e-4, "{test:?}");
        assert!((test.p_value - 0.000_302).abs() < 2e-6, "{test:?}");
        let step = compare_step(Stage::Kickoff, Stage::Acclimation, share(530, 1000), share(610, 1000));
        assert_eq!(step.verdict, Verdict::Improved);
        assert!((step.difference_points.expect("both groups") - 8.0).abs() < 1e-9);
    }

    /// 53 of 100 against 61 of 100: the same rates, a tenth of the customers. By hand:
    /// se = √(0.57 · 0.43 · 0.02) = 0.0700143, z = 1.14262, p = 0.25319: chance may do it.
    #[test]
    fn z_test_of_the_same_rates_in_small_groups() {
        let test = z_test(share(53, 100), share(61, 100)).expect("enough customers");
        assert!((test.z - 1.142_62).abs() < 1e-4, "{test:?}");
        assert!((test.p_value - 0.253_19).abs() < 1e-4, "{test:?}");
        let step = compare_step(Stage::Kickoff, Stage::Acclimation, share(53, 100), share(61, 100));
        assert_eq!(step.verdict, Verdict::NoClearChange);
    }

    /// 300 of 500 before, 240 of 500 after. By hand: pooled 0.54, se = √(0.54 · 0.46 ·
    /// 0.004) = 0.0315214, z = −0.12 / 0.0315214 = −3.80694, p = 0.0001407.
    #[test]
    fn z_test_of_a_clear_worsening() {
        let test = z_test(share(300, 500), share(240, 500)).expect("enough customers");
        assert!((test.z + 3.806_94).abs() < 1e-4, "{test:?}");
        assert!((test.p_value - 0.000_140_7).abs() < 1e-6, "{test:?}");
        let step = compare_step(Stage::Validation, Stage::Kickoff, share(300, 500), share(240, 500));
        assert_eq!(step.verdict, Verdict::Worsened);
    }

    /// Expected counts: 2 of 40 and 3 of 40 pool to 5/80, so each group expects 2.5
    /// successes, under 5: too few. 20 of 40 against 0 of 0: an empty group.
    #[test]
    fn small_expected_counts_are_too_few() {
        assert_eq!(z_test(share(2, 40), share(3, 40)), None);
        assert_eq!(
            compare_step(Stage::Evaluation, Stage::Acknowledgment, share(2, 40), share(3, 40)).verdict,
            Verdict::TooFew
        );
        let empty = compare_step(Stage::Evaluation, Stage::Acknowledgment, share(20, 40), share(0, 0));
        assert_eq!((empty.verdict, empty.difference_points), (Verdict::TooFew, None));
        // 5 of 10 each: every expected count is exactly 5, which is enough.
        assert!(z_test(share(5, 10), share(5, 10)).is_some());
        // Everyone converts: the pooled rate is 1 and no failure is expected.
        assert_eq!(z_test(share(100, 100), share(80, 80)), None);
    }

    #[test]
    fn window_rule_at_its_edges() {
        let window = LaunchWindow { launch: day("2026-03-01"), window_days: 10, today: day("2026-03-21") };
        assert_eq!(window.start(), day("2026-02-19"));
        assert_eq!(window.end(), day("2026-03-11"));
        assert_eq!(window.group(day("2026-02-18")), None, "before the window");
        assert_eq!(window.group(day("2026-02-19")), Some(LaunchGroup::Before));
        assert_eq!(window.group(day("2026-02-28")), Some(LaunchGroup::Before));
        assert_eq!(window.group(day("2026-03-01")), Some(LaunchGroup::After), "launch day is after");
        assert_eq!(window.group(day("2026-03-10")), Some(LaunchGroup::After));
        assert_eq!(window.group(day("2026-03-11")), None, "after the window");
        // Ten days before today is old enough; nine is not.
        let young = LaunchWindow { today: day("2026-03-15"), ..window };
        assert_eq!(young.latest_counted_day(), day("2026-03-05"));
        assert_eq!(young.group(day("2026-03-05")), Some(LaunchGroup::After));
        assert_eq!(young.group(day("2026-03-06")), None, "too young");
    }

    #[test]
    fn comparison_counts_reached_and_steps() {
        let window = LaunchWindow { launch: day("2026-03-01"), window_days: 30, today: day("2026-06-01") };
        // Before: 10 stopped at 1, 20 at 4, 70 at 5. After: 10 at 1, 10 at 4, 80 at 8.
        let mut before = [0; 8];
        (before[0], before[3], before[4]) = (10, 20, 70);
        let mut after = [0; 8];
        (after[0], after[3], after[7]) = (10, 10, 80);
        let c = LaunchComparison::from_furthest(window, before, after);
        assert_eq!(c.before.reached, [100, 90, 90, 90, 70, 0, 0, 0]);
        assert_eq!(c.after.reached, [100, 90, 90, 90, 80, 80, 80, 80]);
        assert_eq!(c.steps.len(), 7);
        let kickoff = c.steps[3];
        assert_eq!((kickoff.from, kickoff.to), (Stage::Kickoff, Stage::Acclimation));
        assert_eq!((kickoff.before, kickoff.after), (share(70, 90), share(80, 90)));
        let points = kickoff.difference_points.expect("both groups");
        assert!((points - 1000.0 / 90.0).abs() < 1e-9, "{points}");
        // Acclimation → Accomplishment: 0 of 70 against 80 of 80: expected failures in
        // the after group 80 · (1 − 80/150) = 37.3, successes before 70 · 0.533 = 37.3.
        let acclimation = c.steps[4];
        assert_eq!(acclimation.verdict, Verdict::Improved);
    }
}
