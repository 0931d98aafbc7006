//! Which opportunities the backlog shows and in what order: the filters and the sortable
//! columns, on plain data (no egui), so the order is tested without a window.

use std::cmp::Ordering;

use crate::i18n::Text;
use crate::model::collate;
use crate::model::opportunity::compare_priority;
use crate::model::{Opportunity, OpportunityId, OpportunityStatus, PersonaId, Stage, VersionId};
use crate::store::PersonaRecord;

/// A column the table sorts by (click its header; again to reverse).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortColumn {
    /// The quick-wins order of [`compare_priority`].
    #[default]
    Priority,
    Title,
    Stage,
    Persona,
    Status,
    Value,
    Effort,
    Owner,
    Created,
}

impl SortColumn {
    /// The columns in table order.
    pub const ALL: [Self; 9] = [
        Self::Priority,
        Self::Title,
        Self::Stage,
        Self::Persona,
        Self::Status,
        Self::Value,
        Self::Effort,
        Self::Owner,
        Self::Created,
    ];

    pub fn text(self) -> Text {
        match self {
            Self::Priority => Text::Priority,
            Self::Title => Text::OpportunityTitle,
            Self::Stage => Text::Stage,
            Self::Persona => Text::Persona,
            Self::Status => Text::Status,
            Self::Value => Text::Value,
            Self::Effort => Text::Effort,
            Self::Owner => Text::Owner,
            Self::Created => Text::Created,
        }
    }
}

/// What the table and the matrix show: `None` in a field means "any".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BacklogFilter {
    /// The journey version on show (every version when `None`).
    pub version: Option<VersionId>,
    pub stage: Option<Stage>,
    /// One persona's opportunities, those for all personas included.
    pub persona: Option<PersonaId>,
    pub status: Option<OpportunityStatus>,
    /// Exactly this owner (as typed in the opportunities).
    pub owner: Option<String>,
}

impl BacklogFilter {
    pub fn keeps(&self, o: &Opportunity) -> bool {
        self.version.is_none_or(|v| o.version == v)
            && self.stage.is_none_or(|s| o.stage == s)
            && self.persona.is_none_or(|p| o.persona.is_none_or(|own| own == p))
            && self.status.is_none_or(|s| o.status == s)
            && self.owner.as_ref().is_none_or(|owner| &o.owner == owner)
    }
}

/// The indexes into `opportunities` of the rows to show, in the order to show them.
/// Ties keep the quick-wins order, then the order the opportunities were added.
pub fn visible_rows(
    opportunities: &[(OpportunityId, Opportunity)],
    personas: &[PersonaRecord],
    filter: &BacklogFilter,
    sort: SortColumn,
    descending: bool,
) -> Vec<usize> {
    let name = |o: &Opportunity| {
        o.persona.and_then(|id| personas.iter().find(|r| r.id == id)).map_or("", |r| r.persona.name.as_str())
    };
    let mut rows: Vec<usize> =
        opportunities.iter().enumerate().filter(|(_, (_, o))| filter.keeps(o)).map(|(i, _)| i).collect();
    let at = |i: usize| &opportunities[i].1;
    rows.sort_by(|&a, &b| {
        let (a, b) = (at(a), at(b));
        let order = match sort {
            SortColumn::Priority => Ordering::Equal,
            SortColumn::Title => collate::compare(&a.title, &b.title),
            SortColumn::Stage => a.stage.cmp(&b.stage),
            SortColumn::Persona => collate::compare(name(a), name(b)),
            SortColumn::Status => a.status.cmp(&b.status),
            // Bigger value and smaller effort first: the useful end of each column on top.
            SortColumn::Value => b.value.cmp(&a.value),
            SortColumn::Effort => a.effort.cmp(&b.effort),
            SortColumn::Owner => collate::compare(&a.owner, &b.owner),
            SortColumn::Created => a.created.cmp(&b.created),
        };
        order.then_with(|| compare_priority(a, b))
    });
    if descending {
        rows.reverse();
    }
    rows
}

/// The distinct owners named in `opportunities` (of one version, or all), in Vietnamese alphabetical order, for
/// the owner filter.
pub fn owners(opportunities: &[(OpportunityId, Opportunity)], version: Option<VersionId>) -> Vec<String> {
    let mut owners: Vec<String> = opportunities
        .iter()
        .filter(|(_, o)| version.is_none_or(|v| o.version == v))
        .map(|(_, o)| o.owner.clone())
        .filter(|o| !o.is_empty())
        .collect();
    owners.sort_by(|a, b| collate::compare(a, b));
    owners.dedup();
    owners
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{Persona, Rating};

    fn opp(title: &str, stage: Stage, value: u8, effort: u8) -> Opportunity {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).expect("day");
        let mut o = Opportunity::new(VersionId(1), title, stage, day);
        o.value = Rating::new(value.into()).expect("value");
        o.effort = Rating::new(effort.into()).expect("effort");
        o
    }

    fn sample() -> (Vec<(OpportunityId, Opportunity)>, Vec<PersonaRecord>) {
        let personas = vec![
            PersonaRecord { id: PersonaId(1), persona: Persona::named("Đức") },
            PersonaRecord { id: PersonaId(2), persona: Persona::named("An") },
        ];
        let mut list = vec![
            opp("Bảng giá rõ", Stage::Evaluation, 2, 4),
            opp("Gọi chào mừng", Stage::Kickoff, 5, 1),
            opp("Ăn thử", Stage::Evaluation, 4, 2),
            opp("Thẻ thành viên", Stage::Adoption, 3, 5),
        ];
        list[0].persona = Some(PersonaId(1));
        list[1].persona = Some(PersonaId(2));
        list[1].owner = "Linh".into();
        list[2].owner = "Bảo".into();
        list[3].status = OpportunityStatus::Done;
        list[3].owner = "Linh".into();
        (list.into_iter().enumerate().map(|(i, o)| (OpportunityId(i as i64 + 1), o)).collect(), personas)
    }

    fn titles(list: &[(OpportunityId, Opportunity)], rows: &[usize]) -> Vec<String> {
        rows.iter().map(|&i| list[i].1.title.clone()).collect()
    }

    #[test]
    fn priority_order_puts_quick_wins_first() {
        let (list, personas) = sample();
        let rows = visible_rows(&list, &personas, &BacklogFilter::default(), SortColumn::Priority, false);
        // 5/1, 4/2, 2/4, then the done one last.
        assert_eq!(titles(&list, &rows), ["Gọi chào mừng", "Ăn thử", "Bảng giá rõ", "Thẻ thành viên"]);
        let reversed = visible_rows(&list, &personas, &BacklogFilter::default(), SortColumn::Priority, true);
        assert_eq!(titles(&list, &reversed), ["Thẻ thành viên", "Bảng giá rõ", "Ăn thử", "Gọi chào mừng"]);
    }

    #[test]
    fn columns_sort_vietnamese_text_and_numbers() {
        let (list, personas) = sample();
        let all = BacklogFilter::default();
        let by = |column| titles(&list, &visible_rows(&list, &personas, &all, column, false));
        // Vietnamese order: Ă after A, B, then G, T.
        assert_eq!(by(SortColumn::Title), ["Ăn thử", "Bảng giá rõ", "Gọi chào mừng", "Thẻ thành viên"]);
        assert_eq!(by(SortColumn::Effort)[0], "Gọi chào mừng");
        assert_eq!(by(SortColumn::Value)[0], "Gọi chào mừng");
        // No persona (all) sorts before An, then Đức; the two without one by priority.
        assert_eq!(by(SortColumn::Persona), ["Ăn thử", "Thẻ thành viên", "Gọi chào mừng", "Bảng giá rõ"]);
        assert_eq!(by(SortColumn::Stage), ["Ăn thử", "Bảng giá rõ", "Gọi chào mừng", "Thẻ thành viên"]);
    }

    #[test]
    fn filters_combine() {
        let (list, personas) = sample();
        let rows = |filter: BacklogFilter| {
            titles(&list, &visible_rows(&list, &personas, &filter, SortColumn::Priority, false))
        };
        let stage = BacklogFilter { stage: Some(Stage::Evaluation), ..BacklogFilter::default() };
        assert_eq!(rows(stage), ["Ăn thử", "Bảng giá rõ"]);
        // A persona sees its own and those for all personas.
        let persona = BacklogFilter { persona: Some(PersonaId(1)), ..BacklogFilter::default() };
        assert_eq!(rows(persona), ["Ăn thử", "Bảng giá rõ", "Thẻ thành viên"]);
        let owner = BacklogFilter { owner: Some("Linh".into()), ..BacklogFilter::default() };
        assert_eq!(rows(owner.clone()), ["Gọi chào mừng", "Thẻ thành viên"]);
        let done = BacklogFilter { status: Some(OpportunityStatus::Done), ..owner };
        assert_eq!(rows(done), ["Thẻ thành viên"]);
        assert_eq!(owners(&list, None), ["Bảo", "Linh"]);
        let other_version = BacklogFilter { version: Some(VersionId(2)), ..BacklogFilter::default() };
        assert!(rows(other_version).is_empty());
    }
}
