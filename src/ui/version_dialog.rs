//! The journey versions dialog: create a version (empty or as a copy of another), and
//! rename, re-kind, annotate, date or delete the one chosen. Every button sends one edit.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::command::Commands;
use super::context::ViewContext;
use super::data::ViewData;
use super::style;
use crate::i18n::{Text, Tr};
use crate::model::{JourneyVersion, VersionId, VersionKind};
use crate::store::edit::Edit;

/// The card being edited, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
struct CardForm {
    name: String,
    kind: VersionKind,
    note: String,
    /// As typed; checked on save.
    launch_date: String,
}

impl CardForm {
    fn of(tr: Tr, version: &JourneyVersion) -> Self {
        Self {
            name: tr.version_name(version),
            kind: version.kind,
            note: version.note.clone(),
            launch_date: version.launch_date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
        }
    }

    /// The card with the form's changes, or why it cannot be saved.
    fn apply_to(&self, tr: Tr, version: &JourneyVersion) -> Result<JourneyVersion, String> {
        let typed = self.launch_date.trim();
        let launch_date = if typed.is_empty() {
            None
        } else {
            Some(NaiveDate::parse_from_str(typed, "%Y-%m-%d").map_err(|_| tr.bad_date(typed))?)
        };
        // The name Fanpath chose stays translated until the user types another.
        let renamed = self.name.trim() != tr.version_name(version).trim();
        Ok(JourneyVersion {
            name: if renamed { self.name.trim().to_owned() } else { version.name.clone() },
            kind: self.kind,
            note: self.note.trim().to_owned(),
            launch_date,
            named_by_fanpath: version.named_by_fanpath && !renamed,
            ..version.clone()
        })
    }
}

/// The dialog's state; closed until [`VersionDialog::open`].
#[derive(Debug, Default)]
pub struct VersionDialog {
    pub is_open: bool,
    /// The version whose card the form shows.
    chosen: Option<VersionId>,
    /// The form, and the version and data generation it was filled from.
    form: CardForm,
    filled_from: Option<(VersionId, u64)>,
    error: Option<String>,
    confirm_delete: bool,
    new_name: String,
    new_kind: VersionKind,
    /// `None`: an empty version; else a copy of this one.
    new_source: Option<VersionId>,
}

impl VersionDialog {
    /// Opens on the version the board shows, offering a to-be copy of it.
    pub fn open(&mut self, tr: Tr, data: &ViewData, shown: Option<VersionId>) {
        // A name no version has yet: "To-be", else "To-be (2)" …
        let base = tr.t(Text::NewVersionName);
        let taken = |name: &str| {
            data.versions
                .iter()
                .any(|(_, v)| JourneyVersion::name_key(&v.name) == JourneyVersion::name_key(name))
        };
        let new_name = (1..)
            .map(|n| if n == 1 { base.to_owned() } else { format!("{base} ({n})") })
            .find(|name| !taken(name))
            .unwrap_or_default();
        *self = Self {
            is_open: true,
            chosen: shown,
            new_name,
            new_kind: VersionKind::ToBe,
            new_source: shown,
            ..Self::default()
        };
    }

    /// Shows `version`'s card (the version just created).
    pub fn choose(&mut self, version: VersionId) {
        self.chosen = Some(version);
        self.error = None;
    }

    /// Draws the dialog while open.
    pub fn ui(&mut self, ctx: &egui::Context, view: &ViewContext<'_>, out: &mut Commands) {
        if !self.is_open {
            return;
        }
        let mut open = true;
        egui::Window::new(view.tr.t(Text::VersionsTitle))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(560.0)
            .show(ctx, |ui| self.body_ui(ui, view, out));
        self.is_open &= open;
    }

    fn body_ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>, out: &mut Commands) {
        let (tr, data) = (view.tr, view.data);
        let chosen = self.chosen.filter(|id| data.versions.iter().any(|(v, _)| v == id));
        let Some((chosen, version)) = data.shown_version(chosen) else { return };
        self.chosen = Some(chosen);
        if self.filled_from != Some((chosen, data.generation)) {
            self.form = CardForm::of(tr, version);
            self.filled_from = Some((chosen, data.generation));
            self.confirm_delete = false;
        }
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(170.0);
                for (id, v) in &data.versions {
                    let text = format!("{} ({})", tr.version_name(v), tr.version_kind(v.kind));
                    if ui.selectable_label(*id == chosen, text).clicked() {
                        self.chosen = Some(*id);
                        self.error = None;
                    }
                }
            });
            // Not `ui.separator()`: a vertical separator takes the row's available height, which
            // in an auto-sized window is the last frame's height, so the dialog grew every frame
            // until "Create" was pushed off the screen.
            ui.add_space(12.0);
            let counts = (
                data.touchpoints.iter().filter(|(_, t)| t.version == chosen).count(),
                data.targets.get(&chosen).map_or(0, crate::model::Targets::len),
            );
            ui.vertical(|ui| self.card_ui(ui, tr, (chosen, version), (data.versions.len(), counts), out));
        });
        ui.separator();
        self.new_version_ui(ui, view, out);
        ui.separator();
        if ui.button(tr.t(Text::Close)).clicked() {
            self.is_open = false;
        }
    }

    fn card_ui(
        &mut self,
        ui: &mut Ui,
        tr: Tr,
        (id, version): (VersionId, &JourneyVersion),
        (versions, counts): (usize, (usize, usize)),
        out: &mut Commands,
    ) {
        egui::Grid::new("version_card").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
            let label = ui.label(tr.t(Text::Name));
            ui.add(egui::TextEdit::singleline(&mut self.form.name).desired_width(220.0))
                .labelled_by(label.id);
            ui.end_row();
            ui.label(tr.t(Text::VersionKindLabel));
            ui.horizontal(|ui| {
                for kind in VersionKind::ALL {
                    ui.radio_value(&mut self.form.kind, kind, tr.version_kind(kind));
                }
            });
            ui.end_row();
            let label = ui.label(tr.t(Text::LaunchDate));
            ui.add(
                egui::TextEdit::singleline(&mut self.form.launch_date)
                    .hint_text(tr.t(Text::LaunchDateHint))
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(tr.t(Text::Note));
            ui.add(egui::TextEdit::multiline(&mut self.form.note).desired_rows(2).desired_width(220.0))
                .labelled_by(label.id);
            ui.end_row();
        });
        if let Some(error) = &self.error {
            ui.label(RichText::new(error).color(style::GAP));
        }
        ui.horizontal(|ui| {
            let changed = self.form != CardForm::of(tr, version);
            if ui.add_enabled(changed, egui::Button::new(tr.t(Text::SaveChanges))).clicked() {
                match self.form.apply_to(tr, version) {
                    Ok(card) => {
                        self.error = None;
                        out.send(Edit::UpdateVersion(id, Box::new(card)));
                    }
                    Err(error) => self.error = Some(error),
                }
            }
            // The board always shows a version: the last one stays.
            if ui.add_enabled(versions > 1, egui::Button::new(tr.t(Text::DeleteVersionEllipsis))).clicked() {
                self.confirm_delete = true;
            }
        });
        if self.confirm_delete {
            self.confirm_delete_ui(ui, tr, (id, version), counts, out);
        }
    }

    fn confirm_delete_ui(
        &mut self,
        ui: &mut Ui,
        tr: Tr,
        (id, version): (VersionId, &JourneyVersion),
        (touchpoints, targets): (usize, usize),
        out: &mut Commands,
    ) {
        ui.group(|ui| {
            ui.label(RichText::new(tr.delete_persona_question(&tr.version_name(version))).strong());
            ui.label(tr.delete_version_consequences(touchpoints, targets));
            ui.horizontal(|ui| {
                let delete = egui::Button::new(RichText::new(tr.t(Text::Delete)).color(egui::Color32::WHITE))
                    .fill(style::GAP);
                if ui.add(delete).clicked() {
                    self.confirm_delete = false;
                    self.chosen = None;
                    out.send(Edit::DeleteVersion(id));
                }
                if ui.button(tr.t(Text::Cancel)).clicked() {
                    self.confirm_delete = false;
                }
            });
        });
    }

    fn new_version_ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>, out: &mut Commands) {
        let (tr, data) = (view.tr, view.data);
        ui.label(RichText::new(tr.t(Text::NewVersion)).strong());
        egui::Grid::new("new_version").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
            let label = ui.label(tr.t(Text::Name));
            ui.add(egui::TextEdit::singleline(&mut self.new_name).desired_width(220.0)).labelled_by(label.id);
            ui.end_row();
            let label = ui.label(tr.t(Text::StartFrom));
            let source_text = |source: Option<VersionId>| match source
                .and_then(|id| data.versions.iter().find(|(v, _)| *v == id))
            {
                Some((_, v)) => format!("{} {}", tr.t(Text::CopyOf), tr.version_name(v)),
                None => tr.t(Text::EmptyVersion).to_owned(),
            };
            egui::ComboBox::from_id_salt("new_version_source")
                .selected_text(source_text(self.new_source))
                .width(220.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.new_source, None, source_text(None));
                    for (id, _) in &data.versions {
                        ui.selectable_value(&mut self.new_source, Some(*id), source_text(Some(*id)));
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            ui.label(tr.t(Text::VersionKindLabel));
            ui.horizontal(|ui| {
                for kind in VersionKind::ALL {
                    ui.radio_value(&mut self.new_kind, kind, tr.version_kind(kind));
                }
            });
            ui.end_row();
        });
        let name = self.new_name.trim();
        if ui.add_enabled(!name.is_empty(), egui::Button::new(tr.t(Text::CreateVersion))).clicked() {
            let card = JourneyVersion {
                kind: self.new_kind,
                created_on: Some(view.today),
                ..JourneyVersion::named(name)
            };
            out.send(Edit::CreateVersion(Box::new(card), self.new_source));
        }
    }
}
