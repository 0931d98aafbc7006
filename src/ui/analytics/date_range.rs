//! The Analytics view's date range: from / to boxes that restrict every chart to the
//! customers whose first event falls in `[from, to)`, as `fanpath report --from --to` does.

use egui::Ui;

use crate::i18n::{Text, Tr};
use crate::model::{DateRange, parse_day};
use crate::ui::style;

/// What the user typed in the two boxes; the range only changes when both read as dates
/// (or are empty) and the end is after the start, so half-typed dates never start a query.
#[derive(Clone, Debug, Default)]
pub struct DateRangeInput {
    pub from_text: String,
    pub to_text: String,
}

impl DateRangeInput {
    /// The range the two boxes describe, or the text explaining why they describe none.
    pub fn parse(&self) -> Result<DateRange, Text> {
        let day = |text: &str| {
            if text.trim().is_empty() {
                return Ok(None);
            }
            parse_day(text).map(Some).map_err(|_| Text::NotADate)
        };
        let range = DateRange { from: day(&self.from_text)?, to: day(&self.to_text)? };
        if range.is_empty() {
            return Err(Text::RangeEndsBeforeStart);
        }
        Ok(range)
    }

    /// Draws the boxes (and a clear button while a range is set); updates `range` when they
    /// describe a new one and returns whether it changed.
    pub fn range_ui(&mut self, ui: &mut Ui, tr: Tr, range: &mut DateRange) -> bool {
        let tip = tr.t(Text::DateRangeTip);
        let from_label = ui.label(tr.t(Text::FirstEventFrom)).on_hover_text(tip);
        let from = ui
            .add(
                egui::TextEdit::singleline(&mut self.from_text)
                    .hint_text(tr.t(Text::DateHint))
                    .desired_width(92.0),
            )
            .labelled_by(from_label.id)
            .on_hover_text(tip);
        let to_label = ui.label(tr.t(Text::FirstEventTo)).on_hover_text(tip);
        let to = ui
            .add(
                egui::TextEdit::singleline(&mut self.to_text)
                    .hint_text(tr.t(Text::DateHint))
                    .desired_width(92.0),
            )
            .labelled_by(to_label.id)
            .on_hover_text(tip);
        if !range.is_all() && ui.small_button(tr.t(Text::ClearDates)).clicked() {
            self.from_text.clear();
            self.to_text.clear();
        }
        match self.parse() {
            Ok(parsed) if parsed != *range => {
                *range = parsed;
                true
            }
            Ok(_) => false,
            // Said only once the user has left the box, not at every half-typed character.
            Err(problem) => {
                if !from.has_focus() && !to.has_focus() {
                    ui.colored_label(style::GAP, tr.t(problem));
                }
                false
            }
        }
    }
}
