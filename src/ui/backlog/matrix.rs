//! The value × effort matrix: one labelled dot per opportunity, effort growing right and
//! value growing up, so quick wins (high value, small effort) sit top-left. Clicking a dot
//! selects its row in the table.

use egui::{Color32, RichText, Ui};
use egui_plot::{PlotPoint, Points, Text as PlotText};

use crate::i18n::{Text, Tr};
use crate::model::{Opportunity, OpportunityId, Rating};

/// How far (in points on screen) a click may land from a dot and still pick it.
const PICK_RADIUS: f32 = 14.0;
/// Dots sharing a cell spread on a circle of this radius (in rating units) around it.
const SPREAD: f64 = 0.22;
/// Longest title drawn beside a dot, in characters; the table has the full title.
const LABEL_MAX_CHARS: usize = 28;

/// Where each opportunity's dot goes, `[effort, value]`: at its ratings, or, when several
/// share the same ratings, evenly around them so every dot and label stays visible.
pub fn dot_positions(opportunities: &[&Opportunity]) -> Vec<[f64; 2]> {
    let cell = |o: &Opportunity| (o.effort.get(), o.value.get());
    opportunities
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let (effort, value) = cell(o);
            let (x, y) = (f64::from(effort), f64::from(value));
            let same: Vec<usize> = opportunities
                .iter()
                .enumerate()
                .filter(|(_, p)| cell(p) == (effort, value))
                .map(|(j, _)| j)
                .collect();
            if same.len() < 2 {
                return [x, y];
            }
            let k = same.iter().position(|&j| j == i).unwrap_or(0) as f64;
            let angle = std::f64::consts::TAU * k / same.len() as f64;
            [x + SPREAD * angle.cos(), y + SPREAD * angle.sin()]
        })
        .collect()
}

/// A title cut to [`LABEL_MAX_CHARS`] characters with "…".
fn short(title: &str) -> String {
    if title.chars().count() <= LABEL_MAX_CHARS {
        return title.to_owned();
    }
    let mut cut: String = title.chars().take(LABEL_MAX_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// Draws the matrix of `shown` (id and opportunity, in table order) and returns the dot
/// clicked, if any. `dots` receives each dot's screen position (tests click them).
pub fn matrix_ui(
    ui: &mut Ui,
    tr: Tr,
    shown: &[(OpportunityId, &Opportunity)],
    selected: Option<OpportunityId>,
    dots: &mut Vec<(OpportunityId, egui::Pos2)>,
) -> Option<OpportunityId> {
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr.t(Text::ValueEffortMatrix)).strong());
        ui.label(RichText::new(tr.t(Text::MatrixHint)).small().weak());
    });
    let opportunities: Vec<&Opportunity> = shown.iter().map(|(_, o)| *o).collect();
    let positions = dot_positions(&opportunities);
    let (low, high) = (f64::from(Rating::MIN) - 0.6, f64::from(Rating::MAX) + 0.6);
    let split = f64::from(Rating::HIGH_FROM) - 0.5;
    let weak = ui.visuals().weak_text_color();
    let open_color = ui.visuals().selection.bg_fill;
    let selected_color = ui.visuals().strong_text_color();
    let response = crate::ui::analytics::plot::locked_plot("backlog_matrix")
        .sense(egui::Sense::click())
        .include_x(low)
        .include_x(high)
        .include_y(low)
        .include_y(high)
        .x_axis_label(tr.t(Text::Effort))
        .y_axis_label(tr.t(Text::Value))
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
        .y_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
        .show(ui, |plot| {
            plot.vline(egui_plot::VLine::new("", split).color(weak).width(1.5));
            plot.hline(egui_plot::HLine::new("", split).color(weak).width(1.5));
            let corner = |x: f64, y: f64, text: Text, anchor: egui::Align2| {
                PlotText::new("", PlotPoint::new(x, y), RichText::new(tr.t(text)).strong().color(weak))
                    .anchor(anchor)
            };
            let inset = 0.1;
            plot.text(corner(low + inset, high - inset, Text::QuickWins, egui::Align2::LEFT_TOP));
            plot.text(corner(high - inset, high - inset, Text::BigBets, egui::Align2::RIGHT_TOP));
            plot.text(corner(low + inset, low + inset, Text::FillIns, egui::Align2::LEFT_BOTTOM));
            plot.text(corner(high - inset, low + inset, Text::MoneyPits, egui::Align2::RIGHT_BOTTOM));
            for ((id, opportunity), at) in shown.iter().zip(&positions) {
                let is_selected = selected == Some(*id);
                let color = if is_selected {
                    selected_color
                } else if opportunity.status.is_open() {
                    open_color
                } else {
                    Color32::GRAY
                };
                let radius = if is_selected { 7.5 } else { 5.0 };
                plot.points(Points::new(opportunity.title.clone(), vec![*at]).radius(radius).color(color));
                let label = RichText::new(format!("  {}", short(&opportunity.title))).small();
                let label = if is_selected { label.strong() } else { label };
                plot.text(
                    PlotText::new("", PlotPoint::new(at[0], at[1]), label).anchor(egui::Align2::LEFT_CENTER),
                );
            }
        });
    dots.clear();
    for ((id, _), at) in shown.iter().zip(&positions) {
        dots.push((*id, response.transform.position_from_point(&PlotPoint::new(at[0], at[1]))));
    }
    if !response.response.clicked() {
        return None;
    }
    let pointer = response.response.interact_pointer_pos()?;
    dots.iter()
        .map(|(id, at)| (*id, at.distance(pointer)))
        .filter(|(_, distance)| *distance <= PICK_RADIUS)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{Stage, VersionId};

    fn opp(value: u8, effort: u8) -> Opportunity {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).expect("day");
        let mut o = Opportunity::new(VersionId(1), "x", Stage::Kickoff, day);
        o.value = Rating::new(value.into()).expect("value");
        o.effort = Rating::new(effort.into()).expect("effort");
        o
    }

    #[test]
    fn a_lone_dot_sits_on_its_ratings_and_shared_cells_spread() {
        let list = [opp(5, 1), opp(2, 4), opp(2, 4), opp(2, 4)];
        let refs: Vec<&Opportunity> = list.iter().collect();
        let at = dot_positions(&refs);
        // Effort on x, value on y: the quick win is at (1, 5), top-left.
        assert_eq!(at[0], [1.0, 5.0]);
        // Three dots around (4, 2), each SPREAD away and apart from each other.
        for p in &at[1..] {
            let distance = ((p[0] - 4.0).powi(2) + (p[1] - 2.0).powi(2)).sqrt();
            assert!((distance - SPREAD).abs() < 1e-9, "{p:?}");
        }
        assert_ne!(at[1], at[2]);
        assert_ne!(at[2], at[3]);
        // Still inside their cell: the quadrant a dot appears in is its own.
        assert!(at[1..].iter().all(|p| (p[0] - 4.0).abs() < 0.5 && (p[1] - 2.0).abs() < 0.5));
    }

    #[test]
    fn long_titles_are_cut_for_the_label() {
        assert_eq!(short("Gọi điện"), "Gọi điện");
        let long = "Một tin nhắn chào mừng cá nhân hoá gửi trong vòng một giờ";
        let cut = short(long);
        assert_eq!(cut.chars().count(), LABEL_MAX_CHARS);
        assert!(cut.ends_with('…'));
    }
}
