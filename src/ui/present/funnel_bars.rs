//! The funnel up to one stage, as horizontal bars: how many customers got this far, and
//! (once revealed) how many did not go on to the next stage.

use egui::{Align2, Color32, FontId, RichText, TextStyle, Ui, pos2, vec2};

use crate::i18n::{Text, Tr};
use crate::model::Stage;
use crate::model::funnel::Funnel;

const BAR: Color32 = Color32::from_rgb(0x42, 0x7a, 0xb5);
const HERE: Color32 = Color32::from_rgb(0x1f, 0x4e, 0x8c);
const LEAK: Color32 = Color32::from_rgb(0xd6, 0x27, 0x28);

/// Bars for stages 1 to `stage`, the last one darker; under them the drop-off into the next
/// stage, or a "?" while the room is guessing (`show_drop_off` false).
pub(super) fn funnel_bars_ui(ui: &mut Ui, tr: Tr, funnel: &Funnel, stage: Stage, show_drop_off: bool) {
    let customers = funnel.customers();
    let small = ui.text_style_height(&TextStyle::Small);
    let row = small * 1.35;
    let width = ui.available_width();
    let label_width = width * 0.34;
    let stages: Vec<Stage> = Stage::ALL.into_iter().take(stage.index() + 1).collect();
    let (rect, _) = ui.allocate_exact_size(vec2(width, row * stages.len() as f32), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let text = ui.visuals().text_color();
    for (i, s) in stages.iter().enumerate() {
        let top = rect.top() + row * i as f32;
        painter.text(
            pos2(rect.left(), top + row * 0.5),
            Align2::LEFT_CENTER,
            s.name(tr.0),
            FontId::proportional(small),
            text,
        );
        let share = if customers == 0 { 0.0 } else { funnel.reached(*s) as f32 / customers as f32 };
        let bar_room = (width - label_width) * 0.72;
        let bar = egui::Rect::from_min_size(
            pos2(rect.left() + label_width, top + row * 0.12),
            vec2((bar_room * share).max(2.0), row * 0.76),
        );
        painter.rect_filled(bar, 3.0, if *s == stage { HERE } else { BAR });
        painter.text(
            pos2(bar.right() + small * 0.4, top + row * 0.5),
            Align2::LEFT_CENTER,
            tr.count(funnel.reached(*s)),
            FontId::proportional(small),
            text,
        );
    }
    ui.label(tr.reached_share(funnel.reached(stage), funnel.conversion_from_start(stage)));
    match (stage.next(), funnel.drop_off_rate(stage), funnel.drop_off(stage)) {
        (Some(_), _, _) if !show_drop_off => {
            ui.label(RichText::new("?").heading().strong().color(LEAK));
        }
        (Some(next), Some(rate), Some(lost)) => {
            ui.label(RichText::new(tr.drop_off_into(rate, lost, next)).strong().color(LEAK));
        }
        (None, _, _) => {
            ui.label(RichText::new(tr.t(Text::EndOfPath)).strong());
        }
        (Some(_), _, _) => {}
    }
}
