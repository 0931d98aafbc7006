//! A stage slide: what the customer goes through, the emotion expected and observed, the
//! personas standing here, the touchpoints, their own words from the emotion log, and the
//! funnel up to here with the drop-off into the next stage. In reveal mode the observed
//! emotion and the drop-off wait for the trainer's R.

use egui::{RichText, TextStyle, Ui};

use super::deck::pick_quotes;
use super::funnel_bars::funnel_bars_ui;
use super::slide::{SlideContext, analytics_or_wait_ui, heading_ui};
use crate::i18n::Text;
use crate::i18n::format::signed;
use crate::model::Stage;
use crate::ui::style::{self, score_color};
use crate::ui::widgets::avatar_ui;

/// At most this many touchpoints are listed; the rest are counted.
const TOUCHPOINTS_SHOWN: usize = 3;
/// Quotes read out per stage.
const QUOTES_SHOWN: usize = 2;

pub(super) fn stage_slide_ui(ui: &mut Ui, ctx: &SlideContext<'_>, stage: Stage) {
    let tr = ctx.tr;
    heading_ui(ui, ctx, &stage.numbered_name(tr.0), Some(stage.verb()));
    let fill = ui.visuals().faint_bg_color;
    egui::Frame::new().fill(fill).corner_radius(8.0).inner_margin(12.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(tr.going_through(stage));
    });
    ui.add_space(ui.spacing().item_spacing.y * 2.0);
    let shown = ctx.progress.shows_observed(stage, ctx.settings.reveal_mode);
    ui.columns(2, |columns| {
        let [left, right] = columns else { return };
        // Columns lay out justified, and egui then justifies wrapped labels too: the
        // stretched word gaps read badly on a projector.
        let plain = egui::Layout::top_down(egui::Align::Min);
        left.with_layout(plain, |left| {
            emotion_ui(left, ctx, stage, shown);
            personas_ui(left, ctx, stage);
            touchpoints_ui(left, ctx, stage);
        });
        right.with_layout(plain, |right| {
            right.label(RichText::new(tr.t(Text::FunnelSoFar)).strong());
            if let Some(analytics) = analytics_or_wait_ui(right, ctx) {
                funnel_bars_ui(right, tr, &analytics.report.funnel, stage, shown);
            }
            let gap = right.spacing().item_spacing.y * 2.0;
            right.add_space(gap);
            quotes_ui(right, ctx, stage);
        });
    });
}

/// Expected and observed emotion, each as a signed score in its colour.
fn emotion_ui(ui: &mut Ui, ctx: &SlideContext<'_>, stage: Stage, shown: bool) {
    let tr = ctx.tr;
    let expected = stage.expected_score();
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr.t(Text::Expected)).strong());
        ui.label(RichText::new(signed(expected)).strong().color(score_color(f64::from(expected))));
        ui.label(RichText::new(stage.expected_feeling(tr.0)).weak());
    });
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr.t(Text::ObservedEmotion)).strong());
        if !shown {
            ui.label(RichText::new("?").strong().color(style::GAP));
            ui.label(RichText::new(tr.t(Text::GuessFirst)).small().weak());
            return;
        }
        // From the cache of emotion entries, for the presentation's persona.
        let stats = ctx.data.stats(ctx.persona, stage);
        match stats.mean {
            Some(mean) => {
                ui.label(
                    RichText::new(tr.observed_mean(mean, stats.entries)).strong().color(score_color(mean)),
                );
            }
            None => {
                ui.label(RichText::new(tr.t(Text::NoEntriesHere)).weak());
            }
        }
    });
    ui.add_space(ui.spacing().item_spacing.y);
}

fn personas_ui(ui: &mut Ui, ctx: &SlideContext<'_>, stage: Stage) {
    let tr = ctx.tr;
    ui.label(RichText::new(tr.t(Text::PersonasHere)).strong());
    let here: Vec<_> = ctx.personas().filter(|r| r.persona.stage == Some(stage)).collect();
    if here.is_empty() {
        ui.label(RichText::new(tr.t(Text::NoPersonasHere)).weak());
    }
    let radius = (ui.text_style_height(&TextStyle::Body) * 0.6).round();
    ui.horizontal_wrapped(|ui| {
        for record in here {
            avatar_ui(ui, record.persona.color, ctx.avatars.get(&record.id), radius);
            ui.label(&record.persona.name);
            // A name is as wide as its text, a fraction of a point: the gap after it ends on
            // a whole point, so the row's edges stay aligned (egui marks them in debug builds).
            let right = ui.min_rect().right();
            ui.add_space((right + radius).round() - right);
        }
    });
    ui.add_space(ui.spacing().item_spacing.y);
}

fn touchpoints_ui(ui: &mut Ui, ctx: &SlideContext<'_>, stage: Stage) {
    let tr = ctx.tr;
    ui.label(RichText::new(tr.t(Text::Touchpoints)).strong());
    // Two personas often share a touchpoint: each is listed once.
    let mut touchpoints: Vec<_> = ctx
        .data
        .touchpoints_at(ctx.version, None, stage)
        .filter(|(_, t)| ctx.persona.is_none_or(|p| p == t.persona))
        .collect();
    touchpoints.sort_by(|(_, a), (_, b)| a.description.cmp(&b.description));
    touchpoints.dedup_by(|(_, a), (_, b)| a.description == b.description);
    if touchpoints.is_empty() {
        ui.label(RichText::new(tr.t(Text::NoTouchpointGap)).color(style::GAP));
    }
    for (_, touchpoint) in touchpoints.iter().take(TOUCHPOINTS_SHOWN) {
        // Body size: the room reads them from the back row.
        ui.label(RichText::new(format!("• {} ({})", touchpoint.description, touchpoint.channel.name(tr.0))));
    }
    if touchpoints.len() > TOUCHPOINTS_SHOWN {
        ui.label(
            RichText::new(format!("+ {}", tr.count((touchpoints.len() - TOUCHPOINTS_SHOWN) as u64)))
                .small()
                .weak(),
        );
    }
}

/// Two or three entries from the emotion log, in the customers' words.
fn quotes_ui(ui: &mut Ui, ctx: &SlideContext<'_>, stage: Stage) {
    let tr = ctx.tr;
    ui.label(RichText::new(tr.t(Text::InTheirWords)).strong());
    let entries = ctx
        .data
        .emotions
        .iter()
        .map(|(_, e)| e)
        .filter(|e| e.stage == stage && ctx.persona.is_none_or(|p| p == e.persona));
    let quotes = pick_quotes(entries, QUOTES_SHOWN);
    if quotes.is_empty() {
        ui.label(RichText::new(tr.t(Text::NoQuotesHere)).weak());
    }
    for (i, entry) in quotes.into_iter().enumerate() {
        let words = if entry.note.trim().is_empty() { &entry.label } else { &entry.note };
        let quote = egui::WidgetText::from(RichText::new(format!("“{}”", words.trim())).italics())
            .into_galley(ui, Some(egui::TextWrapMode::Wrap), ui.available_width(), TextStyle::Body);
        // A late stage's funnel takes the column's height: a second quote that would run
        // off the slide is left out rather than cut.
        let needed =
            quote.size().y + ui.text_style_height(&TextStyle::Small) + ui.spacing().item_spacing.y * 2.0;
        if i > 0 && needed > ui.available_height() {
            break;
        }
        ui.label(quote);
        let who = ctx.data.persona(entry.persona).map_or("", |r| r.persona.name.as_str());
        let label = if entry.note.trim().is_empty() || entry.label.trim().is_empty() {
            String::new()
        } else {
            format!(", {}", entry.label.trim())
        };
        // The score is the observed emotion: hidden while the room guesses.
        let score = if ctx.progress.shows_observed(stage, ctx.settings.reveal_mode) {
            format!(" ({})", signed(entry.score.get()))
        } else {
            String::new()
        };
        let source = format!("— {who}{label}{score}");
        ui.label(RichText::new(source).small().weak());
    }
}
