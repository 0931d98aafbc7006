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

/// At most this many characters of a value from a file or a form are shown in a message.
pub const SHOWN_VALUE_CHARS: usize = 80;

/// A value from a file or a form as a message shows it: at most [`SHOWN_VALUE_CHARS`]
/// characters (then "…"), with control characters escaped as in [`escape_controls`], so a
/// huge field cannot flood the screen and an ESC cannot drive the terminal.
pub fn shown_value(value: &str) -> String {
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(SHOWN_VALUE_CHARS).collect();
    let mut shown = escape_controls(&head, false);
    if chars.next().is_some() {
        shown.push('…');
    }
    shown
}

/// `text` with every control character (C0, DEL, C1) and bidirectional override written as
/// `\u{1b}`, for anything printed to a terminal or shown in a dialog; with `keep_newlines`,
/// line breaks (and tabs) that lay out a message stay as they are.
pub fn escape_controls(text: &str, keep_newlines: bool) -> String {
    let hidden = |c: char| {
        (c.is_control() && !(keep_newlines && matches!(c, '\n' | '\t')))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(hidden) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Language = Language::English;

    #[test]
    fn shown_values_are_short_and_escaped() {
        assert_eq!(shown_value("Nguyễn"), "Nguyễn");
        assert_eq!(
            shown_value("a\u{1b}[31mb\tc\nd\u{9b}\u{202e}"),
            "a\\u{1b}[31mb\\u{9}c\\u{a}d\\u{9b}\\u{202e}"
        );
        let long = "ễ".repeat(81);
        assert_eq!(shown_value(&long), format!("{}…", "ễ".repeat(80)));
        assert_eq!(shown_value(&long[..80 * "ễ".len()]), "ễ".repeat(80));
        assert_eq!(escape_controls("line\n\tx\u{7}", true), "line\n\tx\\u{7}");
    }
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
