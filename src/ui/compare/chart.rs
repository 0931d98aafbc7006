//! What the Compare view draws, on screen and into the PNG alike: the per-stage table of
//! touchpoint changes and emotion targets, and the target curves against the observed mean.

use egui::{Color32, RichText, Ui};
use egui_plot::{Legend, Line, LineStyle, MarkerShape, PlotPoints, Points};

use crate::i18n::format::{count, decimal};
use crate::i18n::{Text, Tr};
use crate::model::compare::Comparison;
use crate::model::{Stage, Touchpoint};
use crate::ui::analytics::plot::{stage_plot, x};
use crate::ui::style;

/// Version A's line: the journey before.
const COLOR_A: Color32 = Color32::from_rgb(0x7f, 0x7f, 0x7f);
/// Version B's line: the designed journey.
const COLOR_B: Color32 = Color32::from_rgb(0x1f, 0x77, 0xb4);
/// What customers logged.
const COLOR_OBSERVED: Color32 = Color32::from_rgb(0xd6, 0x27, 0x28);

/// A comparison with the names it is shown under.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareShown {
    /// Version A's name as shown ("Hiện tại").
    pub a: String,
    pub b: String,
    /// The persona compared, or none for all.
    pub persona: Option<String>,
    pub comparison: Comparison,
    /// Open (idea, planned, in progress) opportunities per stage of version A and of B,
    /// by stage index, whatever persona they are for.
    pub open_opportunities: ([u64; 8], [u64; 8]),
}

impl CompareShown {
    /// "Current → To-be — Hằng".
    pub fn title(&self) -> String {
        match &self.persona {
            Some(persona) => format!("{} → {} — {persona}", self.a, self.b),
            None => format!("{} → {}", self.a, self.b),
        }
    }
}

/// The table, then the chart below it filling the rest. `still` for the PNG (no hover).
pub fn compare_body_ui(ui: &mut Ui, tr: Tr, shown: &CompareShown, still: bool) {
    table_ui(ui, tr, shown, still);
    ui.add_space(8.0);
    ui.label(RichText::new(tr.t(Text::CompareEmotionChart)).strong());
    curves_ui(ui, tr, shown, still);
}

fn table_ui(ui: &mut Ui, tr: Tr, shown: &CompareShown, still: bool) {
    let c = &shown.comparison;
    let number = |v: f64| decimal(v, true, tr.0);
    egui::Grid::new("compare_table").striped(true).num_columns(7).spacing([18.0, 4.0]).show(ui, |ui| {
        for header in [
            Text::Stage,
            Text::TouchpointChanges,
            Text::TargetA,
            Text::TargetB,
            Text::Observed,
            Text::GapB,
            Text::OpenOpportunitiesAB,
        ] {
            ui.label(RichText::new(tr.t(header)).strong());
        }
        ui.end_row();
        for stage in Stage::ALL {
            let diff = &c.touchpoints[stage.index()];
            let line = c.emotions[stage.index()];
            ui.label(stage.numbered_name(tr.0));
            let counts = ui.label(tr.touchpoint_diff(diff.added.len(), diff.removed.len(), diff.kept.len()));
            let changed = !diff.added.is_empty() || !diff.removed.is_empty();
            if !still && changed {
                counts.on_hover_text(changes_text(tr, &diff.added, &diff.removed));
            }
            ui.label(number(line.target_a));
            ui.label(number(line.target_b));
            ui.label(line.observed.map_or_else(|| "—".to_owned(), number));
            match line.gap_b() {
                Some(gap) if gap < 0.0 => ui.label(RichText::new(number(gap)).color(style::GAP)),
                Some(gap) => ui.label(number(gap)),
                None => ui.label("—"),
            };
            let (open_a, open_b) = &shown.open_opportunities;
            let (open_a, open_b) = (open_a[stage.index()], open_b[stage.index()]);
            ui.label(format!("{} / {}", count(open_a, tr.0), count(open_b, tr.0)));
            ui.end_row();
        }
    });
}

/// "+ Email: Welcome" / "− Phone: Call" lines for the hover of a stage's counts.
fn changes_text(tr: Tr, added: &[Touchpoint], removed: &[Touchpoint]) -> String {
    let line = |sign: &str, t: &Touchpoint| {
        let text = format!("{sign} {}: {}", t.channel.name(tr.0), t.description);
        text.trim_end_matches([':', ' ']).to_owned()
    };
    added
        .iter()
        .map(|t| line("+", t))
        .chain(removed.iter().map(|t| line("−", t)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn curves_ui(ui: &mut Ui, tr: Tr, shown: &CompareShown, still: bool) {
    let lines = shown.comparison.emotions;
    let a: Vec<[f64; 2]> = lines.iter().map(|l| [x(l.stage), l.target_a]).collect();
    let b: Vec<[f64; 2]> = lines.iter().map(|l| [x(l.stage), l.target_b]).collect();
    let observed: Vec<[f64; 2]> = lines.iter().filter_map(|l| Some([x(l.stage), l.observed?])).collect();
    let (name_a, name_b) =
        (format!("{}: {}", tr.t(Text::TargetA), shown.a), format!("{}: {}", tr.t(Text::TargetB), shown.b));
    stage_plot("compare_curves", tr, still)
        .legend(Legend::default())
        .y_axis_label(tr.t(Text::MeanEmotion))
        .include_y(-5.5)
        .include_y(5.5)
        .show(ui, |plot| {
            plot.line(
                Line::new(name_a, PlotPoints::from(a))
                    .color(COLOR_A)
                    .style(LineStyle::dashed_loose())
                    .width(2.0),
            );
            plot.line(Line::new(name_b, PlotPoints::from(b)).color(COLOR_B).width(2.5));
            plot.points(
                Points::new(tr.t(Text::Observed), PlotPoints::from(observed))
                    .color(COLOR_OBSERVED)
                    .radius(5.0)
                    .shape(MarkerShape::Diamond)
                    .filled(true),
            );
        });
}
