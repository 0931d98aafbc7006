//! Vietnamese-aware text comparison.
//!
//! Byte or code-point order puts "Đ" after "Z" and scatters tone marks; Vietnamese
//! dictionaries order by the letter (a ă â b c d đ e ê …) first and by tone second.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

const BREVE: char = '\u{0306}';
const CIRCUMFLEX: char = '\u{0302}';
const HORN: char = '\u{031B}';

/// Lower-cases and strips every diacritic (đ becomes d), for matching what users type
/// ("xac nhan" finds "Xác nhận").
pub fn fold_diacritics(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Whether `haystack` contains `needle`, ignoring case and diacritics.
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    fold_diacritics(haystack).contains(&fold_diacritics(needle))
}

/// A key that sorts text the Vietnamese way: letters first (with ă, â, đ, ê, ô, ơ, ư as
/// letters of their own), then tones (none, huyền, hỏi, ngã, sắc, nặng), then case.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SortKey {
    letters: Vec<u32>,
    tones: Vec<u8>,
    original: String,
}

/// Builds the Vietnamese sort key of `text`.
pub fn sort_key(text: &str) -> SortKey {
    let mut letters: Vec<u32> = Vec::with_capacity(text.len());
    let mut tones: Vec<u8> = Vec::with_capacity(text.len());
    for c in text.nfd() {
        if is_combining_mark(c) {
            let (Some(letter), Some(tone)) = (letters.last_mut(), tones.last_mut()) else {
                continue;
            };
            match c {
                BREVE | CIRCUMFLEX | HORN => *letter += letter_rank(*letter / 4, c),
                _ => *tone = tone_rank(c),
            }
            continue;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        // Each base letter gets four slots so its modified forms sort right after it.
        let weight = if lower == 'đ' { u32::from('d') * 4 + 1 } else { u32::from(lower) * 4 };
        letters.push(weight);
        tones.push(0);
    }
    SortKey { letters, tones, original: text.to_owned() }
}

/// Where a modified vowel sits after its base: a < ă < â, o < ô < ơ, e < ê, u < ư.
fn letter_rank(base: u32, modifier: char) -> u32 {
    match (char::from_u32(base), modifier) {
        (Some('a'), BREVE) | (Some('o' | 'e'), CIRCUMFLEX) | (Some('u'), HORN) => 1,
        (Some('a'), CIRCUMFLEX) | (Some('o'), HORN) => 2,
        _ => 3,
    }
}

fn tone_rank(mark: char) -> u8 {
    match mark {
        '\u{0300}' => 1, // huyền
        '\u{0309}' => 2, // hỏi
        '\u{0303}' => 3, // ngã
        '\u{0301}' => 4, // sắc
        '\u{0323}' => 5, // nặng
        _ => 6,
    }
}

/// Compares two strings in Vietnamese order.
pub fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    sort_key(a).cmp(&sort_key(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(mut names: Vec<&str>) -> Vec<&str> {
        names.sort_by(|a, b| compare(a, b));
        names
    }

    #[test]
    fn d_stroke_sorts_after_d() {
        assert_eq!(
            sorted(vec!["Đức", "Dung", "Ethan", "Zoe", "Bình"]),
            vec!["Bình", "Dung", "Đức", "Ethan", "Zoe"]
        );
    }

    #[test]
    fn modified_vowels_are_letters_of_their_own() {
        assert_eq!(
            sorted(vec!["ơ", "ô", "o", "ư", "u", "â", "ă", "a", "ê", "e"]),
            vec!["a", "ă", "â", "e", "ê", "o", "ô", "ơ", "u", "ư"]
        );
        // Letter beats tone: "Ăn" sorts after "Az" because ă is a letter after a.
        assert_eq!(sorted(vec!["Ăn", "Az", "Ân"]), vec!["Az", "Ăn", "Ân"]);
    }

    #[test]
    fn tones_break_ties_after_letters() {
        assert_eq!(
            sorted(vec!["mạ", "má", "mã", "mả", "mà", "ma"]),
            vec!["ma", "mà", "mả", "mã", "má", "mạ"]
        );
        assert_eq!(sorted(vec!["Hằng", "Hang", "Hàng"]), vec!["Hang", "Hàng", "Hằng"]);
    }

    #[test]
    fn full_names() {
        assert_eq!(
            sorted(vec!["Nguyễn Thị Hằng", "Đặng Văn Lâm", "Dương Minh Anh", "Lê Thu Trang"]),
            vec!["Dương Minh Anh", "Đặng Văn Lâm", "Lê Thu Trang", "Nguyễn Thị Hằng"]
        );
        // Precomposed and decomposed input sort the same.
        let decomposed = sort_key("Ha\u{0306}\u{0300}ng");
        assert_eq!(sort_key("Hằng").letters, decomposed.letters);
        assert_eq!(sort_key("Hằng").tones, decomposed.tones);
    }

    #[test]
    fn folding() {
        assert_eq!(fold_diacritics("Nguyễn Thị Hằng"), "nguyen thi hang");
        assert_eq!(fold_diacritics("ĐÀ NẴNG"), "da nang");
        assert!(contains_folded("Nguyễn Thị Hằng", "thi hang"));
        assert!(contains_folded("Nguyễn Thị Hằng", "HẰNG"));
        assert!(!contains_folded("Nguyễn Thị Hằng", "minh"));
    }
}
