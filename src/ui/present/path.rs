//! The path at a glance: the eight stages as columns with their verbs, and the emotion the
//! model expects along them as one curve, its two dips (Validation, Acclimation) plain to see.

use egui::{Align2, Color32, FontId, RichText, Stroke, TextStyle, Ui, pos2, vec2};

use super::slide::{SlideContext, heading_ui};
use crate::i18n::Text;
use crate::i18n::format::signed;
use crate::model::Stage;
use crate::ui::style::score_color;

pub(super) fn path_slide_ui(ui: &mut Ui, ctx: &SlideContext<'_>) {
    let tr = ctx.tr;
    heading_ui(ui, ctx, tr.t(Text::ThePath), None);
    ui.label(RichText::new(tr.t(Text::PathSubtitle)).weak());
    ui.add_space(ui.spacing().item_spacing.y * 2.0);

    let body = ui.text_style_height(&TextStyle::Body);
    let small = ui.text_style_height(&TextStyle::Small);
    let width = ui.available_width();
    let column = width / 8.0;
    // Curve on top, then per column: number, name, verb and the expected feeling.
    let text_rows = body * 2.2 + small * 3.6;
    let curve_height = (ui.available_height() - text_rows).max(body * 4.0);
    let (rect, _) = ui.allocate_exact_size(vec2(width, curve_height + text_rows), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let text_color = visuals.text_color();
    let weak = visuals.weak_text_color();
    let curve_rect = egui::Rect::from_min_size(rect.min, vec2(width, curve_height));
    let pad = body * 1.2;
    let y_of = |score: i8| {
        let t = (f32::from(score) + 5.0) / 10.0;
        curve_rect.bottom() - pad - t * (curve_rect.height() - 2.0 * pad)
    };
    let x_of = |stage: Stage| rect.left() + column * (stage.index() as f32 + 0.5);
    // Zero: above it the customer feels good, below it bad.
    painter.hline(curve_rect.x_range(), y_of(0), Stroke::new(1.0, weak));
    let points: Vec<egui::Pos2> =
        Stage::ALL.iter().map(|s| pos2(x_of(*s), y_of(s.expected_score()))).collect();
    painter.add(egui::Shape::line(points.clone(), Stroke::new(body * 0.18, text_color)));
    for (stage, point) in Stage::ALL.iter().zip(&points) {
        let color = score_color(f64::from(stage.expected_score()));
        painter.circle_filled(*point, body * 0.45, color);
        let above = stage.expected_score() >= 0;
        let offset = if above { -body * 0.6 } else { body * 0.6 };
        painter.text(
            *point + vec2(0.0, offset),
            if above { Align2::CENTER_BOTTOM } else { Align2::CENTER_TOP },
            signed(stage.expected_score()),
            FontId::proportional(body),
            color,
        );
        // The column's words.
        let mut y = curve_rect.bottom() + body * 0.2;
        let x = x_of(*stage);
        painter.text(
            pos2(x, y),
            Align2::CENTER_TOP,
            stage.number().to_string(),
            FontId::proportional(body),
            weak,
        );
        y += body * 1.1;
        let name_size = fit_size(ui, stage.name(tr.0), body, column * 0.96);
        painter.text(
            pos2(x, y),
            Align2::CENTER_TOP,
            stage.name(tr.0),
            FontId::proportional(name_size),
            text_color,
        );
        y += body * 1.1;
        painter.text(pos2(x, y), Align2::CENTER_TOP, stage.verb(), FontId::proportional(small), weak);
        y += small * 1.2;
        for line in wrap_words(ui, stage.expected_feeling(tr.0), small, column * 0.92).iter().take(2) {
            painter.text(pos2(x, y), Align2::CENTER_TOP, line, FontId::proportional(small), text_color);
            y += small * 1.15;
        }
    }
    painter.text(
        pos2(curve_rect.left(), curve_rect.top()),
        Align2::LEFT_TOP,
        tr.t(Text::ExpectedEmotion),
        FontId::proportional(small),
        weak,
    );
}

/// The largest size up to `size` at which `text` fits in `width` on one line.
fn fit_size(ui: &Ui, text: &str, size: f32, width: f32) -> f32 {
    let measured = ui.ctx().fonts_mut(|f| {
        f.layout_no_wrap(text.to_owned(), FontId::proportional(size), Color32::WHITE).size().x
    });
    if measured <= width { size } else { size * width / measured }
}

/// `text` broken into lines no wider than `width` at `size`.
fn wrap_words(ui: &Ui, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
        let wide = ui.ctx().fonts_mut(|f| {
            f.layout_no_wrap(candidate.clone(), FontId::proportional(size), Color32::WHITE).size().x
        });
        if wide > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line = word.to_owned();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
