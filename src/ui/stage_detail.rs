//! The panel under the board: touchpoints and the emotion log for the selected persona
//! at the selected stage. Logging an emotion takes a few seconds: slide, pick a label, add.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::command::{Command, Commands};
use super::context::ViewContext;
use super::data::ViewData;
use super::stage_opportunities::StageOpportunities;
use super::style;
use crate::i18n::{Text, Tr};
use crate::model::date::parse_date_time;
use crate::model::emotion::QUICK_LABELS;
use crate::model::{
    Channel, EmotionEntry, EmotionId, Language, PersonaId, Score, Source, Stage, Touchpoint, VersionId,
};
use crate::store::edit::Edit;

/// The emotion form: adds a new entry, or edits one when `editing` is set.
#[derive(Clone, Debug)]
pub struct EmotionForm {
    pub editing: Option<EmotionId>,
    pub score: i8,
    pub label: String,
    pub note: String,
    pub touchpoint: String,
    pub source: Source,
    /// As typed; checked when the entry is saved.
    pub date: String,
    pub error: Option<String>,
}

impl EmotionForm {
    /// An empty form dated `today`.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            editing: None,
            score: 0,
            label: String::new(),
            note: String::new(),
            touchpoint: String::new(),
            source: Source::Interview,
            date: today.format("%Y-%m-%d").to_string(),
            error: None,
        }
    }

    pub fn for_entry(id: EmotionId, entry: &EmotionEntry) -> Self {
        Self {
            editing: Some(id),
            score: entry.score.get(),
            label: entry.label.clone(),
            note: entry.note.clone(),
            touchpoint: entry.touchpoint.clone(),
            source: entry.source,
            date: entry.logged_at.map(|t| t.format("%Y-%m-%d").to_string()).unwrap_or_default(),
            error: None,
        }
    }

    /// The entry the form describes, or why it cannot be saved.
    fn entry(&self, tr: Tr, persona: PersonaId, stage: Stage) -> Result<EmotionEntry, String> {
        let score = Score::new(i64::from(self.score)).map_err(|e| e.to_string())?;
        let logged_at = if self.date.trim().is_empty() {
            None
        } else {
            Some(parse_date_time(&self.date).map_err(|_| tr.bad_date(&self.date))?)
        };
        Ok(EmotionEntry {
            persona,
            stage,
            score,
            label: self.label.trim().to_owned(),
            note: self.note.trim().to_owned(),
            touchpoint: self.touchpoint.trim().to_owned(),
            source: self.source,
            logged_at,
        })
    }
}

/// What the touchpoint form offers as a channel: one of the six, or free text.
#[derive(Clone, Debug, Default, PartialEq)]
struct TouchpointForm {
    channel: Option<Channel>,
    other_channel: String,
    description: String,
}

/// Touchpoints and emotions of one persona at one stage.
pub struct StageDetail {
    pub form: EmotionForm,
    touchpoint: TouchpointForm,
    /// New entries are dated today unless the user types another date.
    today: NaiveDate,
    /// The stage's open opportunities and their quick add (issue #10 §3).
    opportunities: StageOpportunities,
}

impl StageDetail {
    pub fn new(today: NaiveDate) -> Self {
        Self {
            form: EmotionForm::new(today),
            touchpoint: TouchpointForm::default(),
            today,
            opportunities: StageOpportunities::default(),
        }
    }

    /// Loads an entry into the form for editing (from the table's Edit button).
    pub fn edit(&mut self, id: EmotionId, entry: &EmotionEntry) {
        self.form = EmotionForm::for_entry(id, entry);
    }

    /// Draws the stage picker and, for the selected persona, its touchpoints, entries and form.
    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>, out: &mut Commands) {
        let (tr, data, selection) = (ctx.tr, ctx.data, ctx.selection);
        self.today = ctx.today;
        // Fill the panel: a panel keeps the size of its last frame, so short content
        // (no persona selected yet) would otherwise shrink it for good.
        ui.set_min_height(ui.available_height());
        ui.add_space(4.0);
        let stage = selection.stage.unwrap_or(Stage::Evaluation);
        let persona = selection.persona.and_then(|id| data.persona(id));
        ui.horizontal(|ui| {
            let label = ui.label(tr.t(Text::Stage));
            egui::ComboBox::from_id_salt("detail_stage")
                .selected_text(stage.numbered_name(tr.0))
                .width(180.0)
                .show_ui(ui, |ui| {
                    for s in Stage::ALL {
                        if ui.selectable_label(s == stage, s.numbered_name(tr.0)).clicked() {
                            out.send(Command::SelectStage(s));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            match persona {
                Some(record) => {
                    style::color_dot_ui(ui, record.persona.color, 6.0);
                    ui.label(RichText::new(&record.persona.name).strong());
                }
                None => {
                    ui.label(RichText::new(tr.t(Text::PickPersonaForDetail)).weak());
                }
            }
        });
        ui.label(RichText::new(stage.description(tr.0)).small().weak());
        self.opportunities.ui(ui, ctx, stage, out);
        ui.separator();
        let Some(record) = persona else { return };
        let id = record.id;
        // Touchpoints | entries | the log form, which needs the most room.
        let spacing = 12.0;
        let width = ui.available_width() - 2.0 * spacing;
        let height = ui.available_height();
        let column = |share: f32| egui::vec2(width * share, height);
        let top_down = egui::Layout::top_down(egui::Align::Min);
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = spacing;
            ui.allocate_ui_with_layout(column(0.28), top_down, |ui| {
                egui::ScrollArea::vertical().id_salt("detail_touchpoints").auto_shrink([false, false]).show(
                    ui,
                    |ui| {
                        super::target_editor::target_ui(ui, tr, data, (ctx.version(), id, stage), out);
                        ui.separator();
                        self.touchpoints_ui(ui, tr, data, (ctx.version(), id), stage, out);
                    },
                );
            });
            ui.allocate_ui_with_layout(column(0.30), top_down, |ui| {
                egui::ScrollArea::vertical().id_salt("detail_emotions").auto_shrink([false, false]).show(
                    ui,
                    |ui| {
                        self.emotions_ui(ui, tr, data, id, stage, out);
                    },
                );
            });
            ui.allocate_ui_with_layout(column(0.42), top_down, |ui| {
                egui::ScrollArea::vertical().id_salt("detail_form").auto_shrink([false, false]).show(
                    ui,
                    |ui| {
                        self.form_ui(ui, tr, id, stage, out);
                    },
                );
            });
        });
    }

    fn touchpoints_ui(
        &mut self,
        ui: &mut Ui,
        tr: Tr,
        data: &ViewData,
        (version, persona): (VersionId, PersonaId),
        stage: Stage,
        out: &mut Commands,
    ) {
        ui.label(RichText::new(tr.t(Text::Touchpoints)).strong());
        let mut any = false;
        for (id, touchpoint) in data.touchpoints_at(version, Some(persona), stage) {
            any = true;
            ui.horizontal(|ui| {
                if ui.small_button("×").on_hover_text(tr.t(Text::DeleteTouchpoint)).clicked() {
                    out.send(Edit::DeleteTouchpoint(*id));
                }
                ui.label(RichText::new(touchpoint.channel.name(tr.0)).strong());
                ui.add(egui::Label::new(&touchpoint.description).wrap());
            });
        }
        if !any {
            ui.label(RichText::new(tr.t(Text::NoTouchpointGap)).color(style::GAP));
        }
        ui.add_space(4.0);
        let form = &mut self.touchpoint;
        egui::Grid::new("touchpoint_form").num_columns(2).spacing([6.0, 4.0]).show(ui, |ui| {
            let width = (ui.available_width() - 100.0).max(100.0);
            let label = ui.label(tr.t(Text::Channel));
            let current = form
                .channel
                .as_ref()
                .map_or_else(|| tr.t(Text::OtherChannel).to_owned(), |c| c.name(tr.0).to_owned());
            egui::ComboBox::from_id_salt("touchpoint_channel")
                .selected_text(current)
                .width(140.0)
                .show_ui(ui, |ui| {
                    for channel in Channel::NAMED {
                        let name = channel.name(tr.0).to_owned();
                        ui.selectable_value(&mut form.channel, Some(channel), name);
                    }
                    ui.selectable_value(&mut form.channel, None, tr.t(Text::OtherChannel));
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            if form.channel.is_none() {
                let other = ui.label(tr.t(Text::ChannelName));
                ui.add(
                    egui::TextEdit::singleline(&mut form.other_channel)
                        .hint_text("Zalo")
                        .desired_width(width),
                )
                .labelled_by(other.id);
                ui.end_row();
            }
            let label = ui.label(tr.t(Text::Description));
            ui.add(egui::TextEdit::singleline(&mut form.description).desired_width(width))
                .labelled_by(label.id);
            ui.end_row();
        });
        let channel = form.channel.clone().or_else(|| {
            let other = form.other_channel.trim();
            (!other.is_empty()).then(|| Channel::Other(other.to_owned()))
        });
        if ui.add_enabled(channel.is_some(), egui::Button::new(tr.t(Text::AddTouchpoint))).clicked()
            && let Some(channel) = channel
        {
            out.send(Edit::AddTouchpoint(Touchpoint {
                version,
                persona,
                stage,
                channel,
                description: form.description.trim().to_owned(),
            }));
            form.description.clear();
        }
    }

    fn emotions_ui(
        &mut self,
        ui: &mut Ui,
        tr: Tr,
        data: &ViewData,
        persona: PersonaId,
        stage: Stage,
        out: &mut Commands,
    ) {
        ui.label(RichText::new(tr.t(Text::EmotionLog)).strong());
        let mut any = false;
        for (id, entry) in data.emotions_at(persona, stage) {
            any = true;
            ui.horizontal(|ui| {
                style::score_badge_ui(ui, entry.score);
                if let Some(at) = entry.logged_at {
                    ui.label(RichText::new(at.format("%Y-%m-%d").to_string()).small().weak());
                }
                ui.label(RichText::new(&entry.label).strong());
                if ui.small_button(tr.t(Text::Edit)).clicked() {
                    self.edit(*id, entry);
                }
                if ui.small_button("×").on_hover_text(tr.t(Text::DeleteEntry)).clicked() {
                    if self.form.editing == Some(*id) {
                        self.form = EmotionForm::new(self.today);
                    }
                    out.send(Edit::DeleteEmotion(*id));
                }
            });
            let mut details = entry.note.clone();
            if !entry.touchpoint.is_empty() {
                details = format!("{details} [{}]", entry.touchpoint);
            }
            details = format!("{} — {}", details.trim(), entry.source.name(tr.0));
            ui.add(egui::Label::new(RichText::new(details.trim_start_matches(" — ")).small()).wrap());
        }
        if !any {
            ui.label(RichText::new(tr.t(Text::NoEntriesYet)).weak());
        }
    }

    fn form_ui(&mut self, ui: &mut Ui, tr: Tr, persona: PersonaId, stage: Stage, out: &mut Commands) {
        let today = self.today;
        let form = &mut self.form;
        let title = if form.editing.is_some() { Text::EditEntry } else { Text::LogEmotion };
        ui.label(RichText::new(tr.t(title)).strong());
        ui.horizontal(|ui| {
            let label = ui.label(tr.t(Text::Score));
            ui.add(egui::Slider::new(&mut form.score, Score::MIN..=Score::MAX).integer())
                .labelled_by(label.id);
            if let Ok(score) = Score::new(i64::from(form.score)) {
                style::score_badge_ui(ui, score);
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing = egui::vec2(3.0, 3.0);
            ui.spacing_mut().button_padding = egui::vec2(5.0, 1.0);
            for (en, vi) in QUICK_LABELS {
                let word = if tr.0 == Language::Vietnamese { vi } else { en };
                if ui.selectable_label(form.label == word, RichText::new(word).small()).clicked() {
                    form.label = word.to_owned();
                }
            }
        });
        // Two fields a row; the label column is as wide as the longest label.
        let field = |ui: &mut Ui, text: Text, value: &mut String, width: f32, hint: &str| {
            let label = ui.label(tr.t(text));
            ui.add(
                egui::TextEdit::singleline(value)
                    .hint_text(hint)
                    .desired_width(width)
                    .char_limit(crate::model::emotion::TEXT_MAX_CHARS),
            )
            .labelled_by(label.id);
        };
        let half = ((ui.available_width() - 170.0) / 2.0).max(70.0);
        ui.horizontal(|ui| {
            field(ui, Text::Label, &mut form.label, half, "");
            field(ui, Text::Note, &mut form.note, half, "");
        });
        ui.horizontal(|ui| {
            field(ui, Text::Touchpoint, &mut form.touchpoint, half - 20.0, "");
            let label = ui.label(tr.t(Text::Source));
            egui::ComboBox::from_id_salt("emotion_source")
                .selected_text(form.source.name(tr.0))
                .show_ui(ui, |ui| {
                    for source in Source::ALL {
                        ui.selectable_value(&mut form.source, source, source.name(tr.0));
                    }
                })
                .response
                .labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            field(ui, Text::Date, &mut form.date, 95.0, "YYYY-MM-DD");
            let save_text = if form.editing.is_some() { Text::SaveChanges } else { Text::LogEmotion };
            if ui.button(tr.t(save_text)).clicked() {
                match form.entry(tr, persona, stage) {
                    Ok(entry) => {
                        out.send(match form.editing {
                            Some(id) => Edit::UpdateEmotion(id, entry),
                            None => Edit::AddEmotion(entry),
                        });
                        // Keep the source and date: the next entry usually shares them.
                        *form = EmotionForm {
                            source: form.source,
                            date: form.date.clone(),
                            ..EmotionForm::new(today)
                        };
                    }
                    Err(error) => form.error = Some(error),
                }
            }
            if form.editing.is_some() && ui.button(tr.t(Text::Cancel)).clicked() {
                *form = EmotionForm::new(today);
            }
        });
        if let Some(error) = &form.error {
            ui.label(RichText::new(error).color(style::GAP));
        }
    }
}
