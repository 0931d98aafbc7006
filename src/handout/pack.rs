//! The pages of the workshop pack besides the personas': the eight-stage overview, the
//! funnel and the findings.

use super::A4_LANDSCAPE;
use super::canvas::{Area, Canvas, LINE, Pt, ink, paragraph};
use crate::i18n::format::{count, percent, signed};
use crate::i18n::{Text, Tr};
use crate::model::analytics::Finding;
use crate::model::{Language, Stage};
use crate::store::Report;

const MARGIN: f32 = 36.0;
/// The colour of the funnel bars and the stage cards' band.
const ACCENT: crate::model::Rgb = crate::model::Rgb([0x1f, 0x77, 0xb4]);

/// A page title with a rule under it; returns the y below.
fn title(canvas: &mut dyn Canvas, page_w: f32, kicker: &str, text: &str) -> f32 {
    canvas.text(Pt { x: MARGIN, y: MARGIN }, 10.0, ink::MUTED, kicker);
    canvas.text(Pt { x: MARGIN, y: MARGIN + 14.0 }, 22.0, ink::TEXT, text);
    let y = MARGIN + 14.0 + 22.0 * LINE + 4.0;
    canvas.polyline(&[Pt { x: MARGIN, y }, Pt { x: page_w - MARGIN, y }], 0.8, ink::RULE, false);
    y + 12.0
}

/// The cover: the workspace's name and the eight stages as cards, two rows of four.
pub fn draw_overview(canvas: &mut dyn Canvas, workspace_title: &str, language: Language) {
    let tr = Tr(language);
    let (page_w, page_h) = A4_LANDSCAPE;
    canvas.fill_rect(Area { x: 0.0, y: 0.0, w: page_w, h: page_h }, ink::WHITE);
    let kicker = format!("{} · {workspace_title}", tr.t(Text::HandoutWorkshopPack));
    let top = title(canvas, page_w, &kicker, tr.t(Text::HandoutEightStages));
    let gap = 10.0;
    let card_w = (page_w - 2.0 * MARGIN - 3.0 * gap) / 4.0;
    let card_h = (page_h - MARGIN - top - gap) / 2.0;
    for stage in Stage::ALL {
        let (row, column) = (stage.index() / 4, stage.index() % 4);
        #[expect(clippy::cast_precision_loss, reason = "indexes below 8")]
        let (row, column) = (row as f32, column as f32);
        let card =
            Area { x: MARGIN + column * (card_w + gap), y: top + row * (card_h + gap), w: card_w, h: card_h };
        canvas.fill_rect(card, ink::BAND);
        canvas.fill_rect(Area { h: 34.0, ..card }, ACCENT);
        let inner = card.inset(8.0);
        canvas.text(Pt { x: inner.x, y: inner.y - 2.0 }, 12.0, ink::WHITE, &stage.numbered_name(language));
        canvas.text(Pt { x: inner.x, y: inner.y + 13.0 }, 8.0, ink::WHITE, stage.verb());
        let body = Area { y: card.y + 44.0, h: card.h - 44.0 - 40.0, ..inner };
        paragraph(canvas, body, 9.5, ink::TEXT, stage.description(language));
        let expected = format!(
            "{}: {} ({})",
            tr.t(Text::ExpectedEmotion),
            stage.expected_feeling(language),
            signed(stage.expected_score())
        );
        paragraph(canvas, Area { y: card.bottom() - 40.0, h: 32.0, ..inner }, 8.5, ink::MUTED, &expected);
    }
}

/// The funnel: one bar per stage, as wide as its share of all customers, with the count,
/// the share and the drop-off into the next stage.
pub fn draw_funnel(canvas: &mut dyn Canvas, report: &Report, language: Language) {
    let tr = Tr(language);
    let (page_w, page_h) = A4_LANDSCAPE;
    canvas.fill_rect(Area { x: 0.0, y: 0.0, w: page_w, h: page_h }, ink::WHITE);
    let kicker = tr.overall_customers(report.customers());
    let mut y = title(canvas, page_w, &kicker, tr.t(Text::DropOffFunnel));
    let label_w = 150.0;
    let bar_x = MARGIN + label_w;
    let bar_max = page_w - MARGIN - bar_x - 150.0;
    let row_h = ((page_h - MARGIN - y) / 8.0).min(52.0);
    for line in report.stages() {
        canvas.text(Pt { x: MARGIN, y: y + 6.0 }, 11.0, ink::TEXT, &line.stage.numbered_name(language));
        #[expect(clippy::cast_possible_truncation, reason = "a page coordinate")]
        let w = (f64::from(bar_max) * line.conversion_from_start.clamp(0.0, 1.0)) as f32;
        canvas.fill_rect(Area { x: bar_x, y: y + 4.0, w: bar_max, h: row_h - 20.0 }, ink::BAND);
        canvas.fill_rect(Area { x: bar_x, y: y + 4.0, w, h: row_h - 20.0 }, ACCENT);
        let numbers =
            format!("{} · {}", count(line.reached, language), percent(line.conversion_from_start, language));
        canvas.text(Pt { x: bar_x + bar_max + 8.0, y: y + 6.0 }, 11.0, ink::TEXT, &numbers);
        if let (Some(lost), Some(rate)) = (line.drop_off, line.drop_off_rate) {
            let text = tr.dropped_before_next(lost, rate);
            canvas.text(Pt { x: bar_x, y: y + row_h - 14.0 }, 8.0, ink::MUTED, &text);
        }
        y += row_h;
    }
}

/// The findings, numbered, as many pages as they need; returns how many were drawn on this
/// page (starting at `first`), so the caller can start another page for the rest.
pub fn draw_findings(
    canvas: &mut dyn Canvas,
    findings: &[Finding],
    first: usize,
    language: Language,
) -> usize {
    let tr = Tr(language);
    let (page_w, page_h) = A4_LANDSCAPE;
    canvas.fill_rect(Area { x: 0.0, y: 0.0, w: page_w, h: page_h }, ink::WHITE);
    let mut y = title(canvas, page_w, tr.t(Text::HandoutWorkshopPack), tr.t(Text::Findings));
    if findings.is_empty() {
        paragraph(
            canvas,
            Area { x: MARGIN, y, w: page_w - 2.0 * MARGIN, h: 60.0 },
            12.0,
            ink::MUTED,
            tr.t(Text::NoFindings),
        );
        return 0;
    }
    let size = 12.0;
    let width = page_w - 2.0 * MARGIN - 28.0;
    let mut drawn = 0;
    for (index, finding) in findings.iter().enumerate().skip(first) {
        let text = finding.text(language);
        let lines = super::canvas::wrap(canvas, &text, size, width).len();
        #[expect(clippy::cast_precision_loss, reason = "a few lines")]
        let height = lines as f32 * size * LINE;
        if drawn > 0 && y + height > page_h - MARGIN {
            break;
        }
        canvas.text(Pt { x: MARGIN, y }, size, ACCENT, &format!("{}.", index + 1));
        y = paragraph(
            canvas,
            Area { x: MARGIN + 28.0, y, w: width, h: height + 1.0 },
            size,
            ink::TEXT,
            &text,
        ) + 10.0;
        drawn += 1;
    }
    drawn
}
