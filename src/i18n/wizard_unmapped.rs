//! The import wizard's funnel preview: the stages no rule leads to yet, said plainly, so a
//! stage without events does not read as customers lost.

use super::Tr;
use crate::model::Stage;

impl Tr {
    /// "No event is mapped to 7. Adoption and 8. Advocacy yet, so the preview cannot tell
    /// who reaches them." None when every stage has a rule.
    pub fn wizard_unmapped_stages(self, stages: &[Stage]) -> Option<String> {
        let names: Vec<String> = stages.iter().map(|s| s.numbered_name(self.0)).collect();
        let (last, rest) = names.split_last()?;
        let list = |and: &str| {
            if rest.is_empty() { last.clone() } else { format!("{} {and} {last}", rest.join(", ")) }
        };
        Some(if rest.is_empty() {
            self.pick(
                format!("No event is mapped to {} yet, so the preview cannot tell who reaches it.", list("and")),
                format!("Chưa có sự kiện nào được gán cho {}, nên bản xem trước chưa biết ai đạt đến giai đoạn này.", list("và")),
            )
        } else {
            self.pick(
                format!("No event is mapped to {} yet, so the preview cannot tell who reaches them.", list("and")),
                format!("Chưa có sự kiện nào được gán cho {}, nên bản xem trước chưa biết ai đạt đến các giai đoạn này.", list("và")),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn one_stage_several_stages_and_none() {
        let en = Tr(Language::English);
        let vi = Tr(Language::Vietnamese);
        assert_eq!(en.wizard_unmapped_stages(&[]), None);
        assert_eq!(
            en.wizard_unmapped_stages(&[Stage::Advocacy]).as_deref(),
            Some("No event is mapped to 8. Advocacy yet, so the preview cannot tell who reaches it.")
        );
        assert_eq!(
            en.wizard_unmapped_stages(&[Stage::Validation, Stage::Adoption, Stage::Advocacy]).as_deref(),
            Some(
                "No event is mapped to 3. Validation, 7. Adoption and 8. Advocacy yet, so the preview cannot tell who reaches them."
            )
        );
        let two = vi.wizard_unmapped_stages(&[Stage::Adoption, Stage::Advocacy]).expect("text");
        assert!(two.starts_with("Chưa có sự kiện nào được gán cho 7. "), "{two}");
        assert!(two.contains(" và 8. "), "{two}");
        assert!(two.ends_with("các giai đoạn này."), "{two}");
    }
}
