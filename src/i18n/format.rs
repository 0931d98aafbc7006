//! The one number formatter: counts, percentages and signed scores, for the UI, the CLI
//! and the findings alike, so "37.9 %" reads the same everywhere.

use crate::model::Language;

/// A whole number with thousands grouped: `1,234` in English, `1.234` in Vietnamese.
pub fn count(n: u64, language: Language) -> String {
    let separator = match language {
        Language::English => ',',
        Language::Vietnamese => '.',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(d);
    }
    out
}

/// A rate as a percentage with one decimal: `37.9 %` in English, `37,9 %` in Vietnamese.
pub fn percent(rate: f64, language: Language) -> String {
    format!("{} %", decimal(rate * 100.0, false, language))
}

/// A mean score with one decimal and its sign: `-2.1`, `+1.5`, `0.0` (`-2,1` in Vietnamese).
/// ASCII `-`, because the UI font has no U+2212.
pub fn signed_mean(mean: f64, language: Language) -> String {
    decimal(mean, true, language)
}

/// A whole score with its sign: `-2`, `0`, `+3`.
pub fn signed(score: i8) -> String {
    if score > 0 { format!("+{score}") } else { score.to_string() }
}

/// A number with one decimal and the decimal mark of `language`; with `plus`, a positive
/// value (one that does not round to zero) carries a `+`.
pub fn decimal(value: f64, plus: bool, language: Language) -> String {
    let mut text = format!("{value:.1}");
    // -0.04 rounds to "-0.0": no sign on zero.
    if text == "-0.0" {
        text = "0.0".to_owned();
    }
    if plus && value > 0.0 && text != "0.0" {
        text.insert(0, '+');
    }
    match language {
        Language::English => text,
        Language::Vietnamese => text.replace('.', ","),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Language = Language::English;
    const VI: Language = Language::Vietnamese;

    #[test]
    fn counts_group_thousands_by_language() {
        assert_eq!(count(0, EN), "0");
        assert_eq!(count(999, EN), "999");
        assert_eq!(count(1000, EN), "1,000");
        assert_eq!(count(1_234_567, EN), "1,234,567");
        assert_eq!(count(1_234_567, VI), "1.234.567");
    }

    #[test]
    fn percent_and_signed() {
        assert_eq!(percent(0.379, EN), "37.9 %");
        assert_eq!(percent(0.379, VI), "37,9 %");
        assert_eq!(percent(212.0 / 560.0, EN), "37.9 %");
        assert_eq!(percent(1.0, EN), "100.0 %");
        assert_eq!(signed_mean(-2.125, EN), "-2.1");
        assert_eq!(signed_mean(1.5, VI), "+1,5");
        assert_eq!(signed_mean(-0.04, EN), "0.0");
        assert_eq!(signed_mean(0.04, EN), "0.0");
        assert_eq!(signed(-2), "-2");
        assert_eq!(signed(0), "0");
        assert_eq!(signed(3), "+3");
    }
}
