//! Templates in words (issue #11 §2): what a template holds, and what was made from it.

use super::Tr;
use crate::model::template::Template;
use crate::store::DemoSummary;

impl Tr {
    /// What the dialog says a template holds besides its summary.
    pub fn template_contents(self, template: &Template) -> String {
        let (p, t, q) = (
            self.count(template.personas.len() as u64),
            self.count(template.touchpoint_count() as u64),
            self.count(template.quote_count() as u64),
        );
        let to_be = &template.to_be.name;
        self.pick(
            format!("{p} personas · {t} touchpoints · {q} quotes · a to-be version, “{to_be}”, launched six months ago"),
            format!("{p} chân dung · {t} điểm chạm · {q} lời khách hàng · phiên bản tương lai “{to_be}”, ra mắt sáu tháng trước"),
        )
    }

    /// The status line once a workspace has been made from a template.
    pub fn made_from_template(self, summary: &DemoSummary) -> String {
        let (title, p, c) = (&summary.title, self.count(summary.personas), self.count(summary.customers));
        self.pick(
            format!("Made from the template “{title}”: {p} personas and {c} customers. Change anything: it is yours."),
            format!("Đã tạo từ mẫu “{title}”: {p} chân dung và {c} khách hàng. Bạn có thể thay đổi mọi thứ."),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;
    use crate::model::template::builtin;

    #[test]
    fn contents_count_what_the_template_holds() {
        let template = builtin("saas", Language::English).expect("template");
        let text = Tr(Language::English).template_contents(template);
        // Counted here from the file, independently of the helpers on Template.
        let touchpoints: usize =
            template.personas.iter().map(|p| p.touchpoints.iter().map(Vec::len).sum::<usize>()).sum();
        assert!(
            text.starts_with(&format!("{} personas · {touchpoints} touchpoints", template.personas.len())),
            "{text}"
        );
        assert!(text.contains(&template.to_be.name), "{text}");
        let vi = Tr(Language::Vietnamese).made_from_template(&DemoSummary {
            title: "Cà Phê Sáng".into(),
            personas: 4,
            customers: 12_500,
            ..DemoSummary::default()
        });
        assert_eq!(
            vi,
            "Đã tạo từ mẫu “Cà Phê Sáng”: 4 chân dung và 12.500 khách hàng. Bạn có thể thay đổi mọi thứ."
        );
    }
}
