//! Fonts and visual style shared by every view.

use std::sync::Arc;

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, TextStyle};

use crate::model::{Rgb, Score};

/// Noto Sans covers every precomposed Vietnamese letter (ễ, ằ, ậ, ị …), which egui's
/// built-in fonts lack; it goes first, and egui's fonts stay as fallbacks for symbols.
/// One copy of the font in the binary, shared with the PDF hand-outs.
const NOTO_SANS: &[u8] = crate::handout::NOTO_SANS_TTF;

/// Installs the fonts and text sizes. Text is a little larger than egui's default so a
/// board stays readable on a projector.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    // Unhinted: Noto Sans ships TrueType hinting programs, and running them for each text
    // size cost the window's first frame about 20 ms (78 → 58 ms on the build machine, where
    // a bare eframe window takes 56 ms). At these sizes, anti-aliased, the difference in the
    // glyphs is a shade of softness on vertical stems.
    let unhinted = egui::FontTweak { hinting: Some(false), ..egui::FontTweak::default() };
    fonts.font_data.insert("NotoSans".to_owned(), Arc::new(FontData::from_static(NOTO_SANS).tweak(unhinted)));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = fonts.families.entry(family.clone()).or_default();
        let at = usize::from(family == FontFamily::Monospace && !list.is_empty());
        list.insert(at, "NotoSans".to_owned());
    }
    // Hack (egui's monospace font) has the arrows and triangles (→ ▲ ▼) the others lack.
    fonts.families.entry(FontFamily::Proportional).or_default().push("Hack".to_owned());
    ctx.set_fonts(fonts);
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(11.5)),
            (TextStyle::Body, FontId::proportional(14.0)),
            (TextStyle::Button, FontId::proportional(14.0)),
            (TextStyle::Heading, FontId::proportional(20.0)),
            (TextStyle::Monospace, FontId::monospace(13.0)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
    });
}

pub fn color(rgb: Rgb) -> Color32 {
    let [r, g, b] = rgb.0;
    Color32::from_rgb(r, g, b)
}

/// Red for lows, grey around zero, green for highs.
pub fn score_color(score: f64) -> Color32 {
    if score <= -3.0 {
        Color32::from_rgb(0xc6, 0x28, 0x28)
    } else if score < 0.0 {
        Color32::from_rgb(0xef, 0x6c, 0x00)
    } else if score < 1.0 {
        Color32::from_rgb(0x75, 0x75, 0x75)
    } else if score < 3.0 {
        Color32::from_rgb(0x43, 0xa0, 0x47)
    } else {
        Color32::from_rgb(0x1b, 0x5e, 0x20)
    }
}

/// A score as a small coloured pill: "+4", "-2".
pub fn score_badge_ui(ui: &mut egui::Ui, score: Score) -> egui::Response {
    let text = egui::RichText::new(score.to_string()).color(Color32::WHITE).strong();
    egui::Frame::new()
        .fill(score_color(f64::from(score.get())))
        .corner_radius(8.0)
        .inner_margin(egui::Margin::symmetric(7, 1))
        .show(ui, |ui| ui.add(egui::Label::new(text).extend()))
        .response
}

/// A filled circle in the persona's colour.
pub fn color_dot_ui(ui: &mut egui::Ui, rgb: Rgb, radius: f32) -> egui::Response {
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(radius * 2.0, radius * 2.0), egui::Sense::hover());
    ui.painter().circle_filled(rect.center(), radius, color(rgb));
    response
}

/// Warning colour for gaps (a stage without touchpoints).
pub const GAP: Color32 = Color32::from_rgb(0xc6, 0x28, 0x28);
