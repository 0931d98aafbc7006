//! The presenter notes' sentences with numbers (issue #11 §1, H21): the talk's clock.

use super::Tr;

impl Tr {
    /// How long the presentation has run, as a clock: "Elapsed 12:05", "Elapsed 1:02:03".
    /// Minutes and seconds are two digits each in both languages, as on any timer.
    pub fn elapsed_talk(self, seconds: u64) -> String {
        let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        let clock = if hours > 0 {
            format!("{hours}:{minutes:02}:{seconds:02}")
        } else {
            format!("{minutes}:{seconds:02}")
        };
        self.pick(format!("Elapsed {clock}"), format!("Đã trình bày {clock}"))
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Tr;
    use crate::model::Language;

    #[test]
    fn the_clock_shows_minutes_and_seconds_then_hours() {
        let en = Tr(Language::English);
        assert_eq!(en.elapsed_talk(0), "Elapsed 0:00");
        assert_eq!(en.elapsed_talk(9 * 60 + 5), "Elapsed 9:05");
        // 1 h 2 min 3 s.
        assert_eq!(en.elapsed_talk(3600 + 2 * 60 + 3), "Elapsed 1:02:03");
        assert_eq!(Tr(Language::Vietnamese).elapsed_talk(75), "Đã trình bày 1:15");
    }
}
