//! The journey board: the eight stages left to right, personas as chips in the column of
//! their current stage (drag a chip to move it), and per stage the emotions logged and
//! the touchpoints used, with gaps marked.

use egui::{Frame, RichText, Stroke, Ui};

use super::command::{Command, Commands};
use super::context::ViewContext;
use super::data::ViewData;
use super::state::Selection;
use super::style;
use super::widgets::{open_opportunities_badge_ui, persona_context_menu_ui, persona_filter_ui};
use crate::i18n::{Text, Tr};
use crate::model::{PersonaId, Score, Stage, VersionId};
use crate::store::PersonaRecord;
use crate::store::edit::Edit;

/// Narrowest a column may get before the board scrolls sideways instead of cutting text.
/// 126 px fits "Acknowledgment" at 13.5 pt with the column's margins, and still gives
/// eight columns beside the persona list at 1280 px.
const MIN_COLUMN_WIDTH: f32 = 126.0;
const COLUMN_SPACING: f32 = 6.0;

/// The board has no state of its own: the selection drives it.
#[derive(Debug, Default)]
pub struct JourneyBoard;

impl JourneyBoard {
    /// Draws the scope bar, the unplaced personas and the eight stage columns.
    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>, out: &mut Commands) {
        board_ui(ui, ctx.tr, ctx.data, ctx.selection, out);
    }
}

/// The version the board shows and edits (an id no row has while nothing is loaded).
fn shown_version(data: &ViewData, selection: &Selection) -> VersionId {
    data.shown_version(selection.version).map_or(VersionId(0), |(id, _)| id)
}

fn board_ui(ui: &mut Ui, tr: Tr, data: &ViewData, selection: &Selection, out: &mut Commands) {
    super::version_bar::version_bar_ui(ui, tr, data, selection, out);
    scope_bar_ui(ui, tr, data, selection, out);
    unplaced_ui(ui, tr, data, selection, out);
    ui.add_space(4.0);

    // A few pixels spare so the last column's border is never clipped at the edge.
    let width = ((ui.available_width() - COLUMN_SPACING * 7.0 - 4.0) / 8.0).max(MIN_COLUMN_WIDTH);
    egui::ScrollArea::horizontal().id_salt("board_scroll").show(ui, |ui| {
        let height = ui.available_height();
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = COLUMN_SPACING;
            for stage in Stage::ALL {
                ui.allocate_ui_with_layout(
                    egui::vec2(width, height),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| stage_column_ui(ui, tr, stage, data, selection, out),
                );
            }
        });
    });
}

/// "Showing: all personas / one persona", which drives the numbers in the columns.
fn scope_bar_ui(ui: &mut Ui, tr: Tr, data: &ViewData, selection: &Selection, out: &mut Commands) {
    ui.horizontal(|ui| {
        let mut scope = selection.persona;
        if persona_filter_ui(ui, tr, "board_scope", Text::ShowFor, data, &mut scope) {
            out.send(Command::SelectPersona(scope));
        }
        ui.label(RichText::new(tr.t(Text::DragHint)).small().weak());
    });
}

/// Personas not yet placed on the path; also a drop zone to take one off the path.
fn unplaced_ui(ui: &mut Ui, tr: Tr, data: &ViewData, selection: &Selection, out: &mut Commands) {
    let unplaced: Vec<&PersonaRecord> = data.personas.iter().filter(|r| r.persona.stage.is_none()).collect();
    if unplaced.is_empty() && !egui::DragAndDrop::has_payload_of_type::<PersonaId>(ui.ctx()) {
        return;
    }
    let frame = Frame::new()
        .inner_margin(4.0)
        .corner_radius(4.0)
        .stroke(Stroke::new(1.0, ui.visuals().weak_text_color()));
    let (_, dropped) = ui.dnd_drop_zone::<PersonaId, ()>(frame, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr.t(Text::NotOnPathYet)).weak());
            for record in unplaced {
                chip_ui(ui, tr, record, selection, out);
            }
        });
    });
    if let Some(id) = dropped {
        out.send(Edit::MovePersona(*id, None));
    }
}

fn stage_column_ui(
    ui: &mut Ui,
    tr: Tr,
    stage: Stage,
    data: &ViewData,
    selection: &Selection,
    out: &mut Commands,
) {
    let scope = selection.persona;
    let version = shown_version(data, selection);
    let gap = scope.is_some() && data.touchpoints_at(version, scope, stage).next().is_none();
    let selected = selection.stage == Some(stage);
    let visuals = ui.visuals();
    let fill = if selected { visuals.selection.bg_fill.gamma_multiply(0.35) } else { visuals.faint_bg_color };
    let stroke = if gap {
        Stroke::new(1.5, style::GAP)
    } else if selected {
        Stroke::new(1.5, visuals.selection.stroke.color)
    } else {
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    let frame = Frame::new().fill(fill).stroke(stroke).corner_radius(6.0).inner_margin(5.0);
    let (zone, dropped) = ui.dnd_drop_zone::<PersonaId, ()>(frame, |ui| {
        ui.set_min_size(ui.available_size());
        egui::ScrollArea::vertical().id_salt(("column", stage.number())).auto_shrink([false, false]).show(
            ui,
            |ui| {
                column_header_ui(ui, tr, stage, out);
                open_opportunities_badge_ui(ui, tr, data.open_opportunities_at(version, scope, stage));
                ui.separator();
                for record in data.personas.iter().filter(|r| r.persona.stage == Some(stage)) {
                    chip_ui(ui, tr, record, selection, out);
                }
                ui.separator();
                emotions_summary_ui(ui, tr, stage, data, scope);
                ui.add_space(4.0);
                touchpoints_summary_ui(ui, tr, stage, data, (version, scope), gap);
            },
        );
    });
    if zone.response.clicked() {
        out.send(Command::SelectStage(stage));
    }
    if let Some(id) = dropped {
        out.send(Edit::MovePersona(*id, Some(stage)));
    }
}

fn column_header_ui(ui: &mut Ui, tr: Tr, stage: Stage, out: &mut Commands) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        number_badge_ui(ui, stage.number());
        ui.label(RichText::new(stage.verb()).italics().small().weak());
    });
    // The accessible name keeps the number ("3. Validation") so a screen reader says it.
    let title = RichText::new(stage.name(tr.0)).strong().size(13.5);
    // A clickable label, not a button: a button's padding would cost the long names
    // ("Acknowledgment") the last few pixels they need.
    let header = ui
        .add(egui::Label::new(title).sense(egui::Sense::click()).selectable(false))
        .on_hover_cursor(egui::CursorIcon::PointingHand)
        .on_hover_text(stage.description(tr.0));
    let name = stage.numbered_name(tr.0);
    header.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if header.clicked() {
        out.send(Command::SelectStage(stage));
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.label(RichText::new(tr.t(Text::Expected)).small());
        if let Ok(score) = Score::new(i64::from(stage.expected_score())) {
            style::score_badge_ui(ui, score);
        }
    })
    .response
    .on_hover_text(stage.expected_feeling(tr.0));
}

/// The stage number in a small filled circle.
fn number_badge_ui(ui: &mut Ui, number: u8) {
    let size = ui.text_style_height(&egui::TextStyle::Small) + 6.0;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    let visuals = ui.visuals();
    ui.painter().circle_filled(rect.center(), size / 2.0, visuals.selection.bg_fill);
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        number.to_string(),
        egui::FontId::proportional(11.0),
        visuals.strong_text_color(),
    );
}

/// A persona as a chip in its colour: click to select, right-click for the menu, drag onto
/// another stage to move it. One widget senses click *and* drag, because a drag-only
/// layer on top of a button (egui's `dnd_drag_source`) swallows the right-click.
fn chip_ui(ui: &mut Ui, tr: Tr, record: &PersonaRecord, selection: &Selection, out: &mut Commands) {
    let id = egui::Id::unique(("chip", record.id.0));
    let selected = selection.persona == Some(record.id);
    if ui.ctx().is_being_dragged(id) {
        egui::DragAndDrop::set_payload(ui.ctx(), record.id);
        // Draw the chip on a layer that follows the pointer.
        let layer = egui::LayerId::new(egui::Order::Tooltip, id);
        let body = ui
            .scope_builder(egui::UiBuilder::new().layer_id(layer), |ui| chip_body_ui(ui, record, selected))
            .response;
        if let Some(pointer) = ui.ctx().pointer_interact_pos() {
            ui.ctx().transform_layer_shapes(
                layer,
                egui::emath::TSTransform::from_translation(pointer - body.rect.center()),
            );
        }
        return;
    }
    let body = ui.scope(|ui| chip_body_ui(ui, record, selected)).response;
    let response =
        ui.interact(body.rect, id, egui::Sense::click_and_drag()).on_hover_cursor(egui::CursorIcon::Grab);
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &record.persona.name));
    let response = response.on_hover_text(&record.persona.name);
    if response.clicked() {
        out.send(Command::SelectPersona(Some(record.id)));
    }
    response.context_menu(|ui| persona_context_menu_ui(ui, tr, record.id, out));
}

fn chip_body_ui(ui: &mut Ui, record: &PersonaRecord, selected: bool) {
    let tint = style::color(record.persona.color);
    Frame::new()
        .fill(tint.gamma_multiply(if selected { 0.45 } else { 0.15 }))
        .stroke(Stroke::new(if selected { 2.0 } else { 1.0 }, tint))
        .corner_radius(10.0)
        .inner_margin(egui::Margin::symmetric(6, 3))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                style::color_dot_ui(ui, record.persona.color, 5.0);
                ui.add(egui::Label::new(&record.persona.name).truncate().selectable(false));
            });
        });
}

fn emotions_summary_ui(ui: &mut Ui, tr: Tr, stage: Stage, data: &ViewData, scope: Option<PersonaId>) {
    let stats = data.stats(scope, stage);
    ui.label(RichText::new(tr.entries_count(stats.entries)).small());
    if let (Some(high), Some(low)) = (stats.max, stats.min) {
        // One row each, so a badge never wraps in a narrow column.
        for (text, value) in [(Text::High, high), (Text::Low, low)] {
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 4.0;
                ui.label(RichText::new(tr.t(text)).small());
                if let Ok(score) = Score::new(i64::from(value)) {
                    style::score_badge_ui(ui, score);
                }
            });
        }
    }
}

fn touchpoints_summary_ui(
    ui: &mut Ui,
    tr: Tr,
    stage: Stage,
    data: &ViewData,
    (version, scope): (VersionId, Option<PersonaId>),
    gap: bool,
) {
    ui.label(RichText::new(tr.t(Text::Touchpoints)).small().strong());
    if gap {
        ui.label(RichText::new(tr.t(Text::NoTouchpointGap)).small().color(style::GAP))
            .on_hover_text(tr.t(Text::GapTip));
        return;
    }
    // For everyone, list each channel once with how many touchpoints use it.
    let mut channels: Vec<(String, usize)> = Vec::new();
    for (_, touchpoint) in data.touchpoints_at(version, scope, stage) {
        let name = if scope.is_some() && !touchpoint.description.is_empty() {
            format!("{}: {}", touchpoint.channel.name(tr.0), touchpoint.description)
        } else {
            touchpoint.channel.name(tr.0).to_owned()
        };
        match channels.iter_mut().find(|(n, _)| *n == name) {
            Some((_, count)) => *count += 1,
            None => channels.push((name, 1)),
        }
    }
    if channels.is_empty() {
        ui.label(RichText::new("—").small().weak());
    }
    for (name, count) in channels {
        let text = if count > 1 { format!("• {name} ×{count}") } else { format!("• {name}") };
        ui.add(egui::Label::new(RichText::new(text).small().color(ui.visuals().text_color())).wrap());
    }
}
