//! Accessible names of the import wizard's per-event controls (step 3): each row's combo
//! boxes say which event and which line they belong to, so a screen reader (and a test)
//! tells "Stage for event signup" from "Stage for event order, line 2".

use super::Tr;

impl Tr {
    /// "Stage for event signup" (first line of the event), "Stage for event order, line 2".
    pub fn wizard_stage_for(self, event: &str, line: usize) -> String {
        let event = event.trim();
        if line <= 1 {
            return self.pick(format!("Stage for event {event}"), format!("Giai đoạn cho sự kiện {event}"));
        }
        let n = self.count(line as u64);
        self.pick(
            format!("Stage for event {event}, line {n}"),
            format!("Giai đoạn cho sự kiện {event}, dòng {n}"),
        )
    }

    /// "Occurrence for event signup", "Occurrence for event order, line 2".
    pub fn wizard_occurrence_for(self, event: &str, line: usize) -> String {
        let event = event.trim();
        if line <= 1 {
            return self
                .pick(format!("Occurrence for event {event}"), format!("Lần xảy ra của sự kiện {event}"));
        }
        let n = self.count(line as u64);
        self.pick(
            format!("Occurrence for event {event}, line {n}"),
            format!("Lần xảy ra của sự kiện {event}, dòng {n}"),
        )
    }

    /// The + button's name: "Add a line for event order".
    pub fn wizard_add_line_for(self, event: &str) -> String {
        let event = event.trim();
        self.pick(format!("Add a line for event {event}"), format!("Thêm dòng cho sự kiện {event}"))
    }

    /// The − button's name: "Remove line 2 of event order".
    pub fn wizard_remove_line_for(self, event: &str, line: usize) -> String {
        let (event, n) = (event.trim(), self.count(line as u64));
        self.pick(format!("Remove line {n} of event {event}"), format!("Xoá dòng {n} của sự kiện {event}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn every_line_of_every_event_has_its_own_name_in_both_languages() {
        for language in [Language::English, Language::Vietnamese] {
            let tr = Tr(language);
            let names = [
                tr.wizard_stage_for("order", 1),
                tr.wizard_stage_for("order", 2),
                tr.wizard_stage_for("signup", 1),
                tr.wizard_occurrence_for("order", 1),
                tr.wizard_occurrence_for("order", 2),
                tr.wizard_add_line_for("order"),
                tr.wizard_remove_line_for("order", 1),
                tr.wizard_remove_line_for("order", 2),
            ];
            for (i, a) in names.iter().enumerate() {
                for b in &names[i + 1..] {
                    assert_ne!(a, b);
                }
            }
        }
        assert_eq!(Tr(Language::English).wizard_stage_for(" signup ", 1), "Stage for event signup");
        assert_eq!(
            Tr(Language::Vietnamese).wizard_stage_for("order", 2),
            "Giai đoạn cho sự kiện order, dòng 2"
        );
    }
}
