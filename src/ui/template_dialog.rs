//! File → New from template… (issue #11 §2): the built-in templates side by side with
//! what each holds, the language of its content and how many made-up customers to give it.
//! Create sends one command; the app asks where to save and makes the workspace.

use egui::{RichText, Ui};

use super::command::{Command, Commands, TemplateChoice};
use super::style;
use crate::i18n::{Text, Tr};
use crate::model::Language;
use crate::model::template::{BUILTIN, Template, builtin};
use crate::store::DemoOptions;

/// The dialog's state; closed until [`TemplateDialog::open`].
#[derive(Debug)]
pub struct TemplateDialog {
    pub is_open: bool,
    key: &'static str,
    language: Language,
    customers: u64,
}

impl Default for TemplateDialog {
    fn default() -> Self {
        Self {
            is_open: false,
            key: BUILTIN[0].0,
            language: Language::English,
            customers: DemoOptions::DEFAULT_CUSTOMERS,
        }
    }
}

impl TemplateDialog {
    /// Opens with the content in the app's language.
    pub fn open(&mut self, language: Language) {
        self.is_open = true;
        self.language = language;
    }

    /// Chooses a template and its language (tests; the list does the same on a click).
    pub fn choose(&mut self, key: &'static str, language: Language) {
        self.key = key;
        self.language = language;
    }

    /// What Create would ask for now.
    pub fn choice(&self) -> TemplateChoice {
        TemplateChoice { key: self.key, language: self.language, customers: self.customers }
    }

    /// Draws the dialog while open.
    pub fn ui(&mut self, ctx: &egui::Context, tr: Tr, out: &mut Commands) {
        if !self.is_open {
            return;
        }
        let mut open = true;
        egui::Window::new(tr.t(Text::TemplatesTitle))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(720.0)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| self.body_ui(ui, tr, out));
        self.is_open &= open;
    }

    fn body_ui(&mut self, ui: &mut Ui, tr: Tr, out: &mut Commands) {
        ui.label(tr.t(Text::TemplatesIntro));
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(tr.t(Text::TemplateLanguage));
            for language in Language::ALL {
                ui.selectable_value(&mut self.language, language, language.native_name());
            }
        });
        ui.separator();
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(220.0);
                // Every built-in template exists in both languages (tested).
                for &(key, language, _) in
                    BUILTIN.iter().filter(|(_, language, _)| *language == self.language)
                {
                    let Ok(template) = builtin(key, language) else { continue };
                    let (name, kind) = title_parts(template);
                    let mut text = egui::text::LayoutJob::default();
                    let strong = egui::TextFormat {
                        font_id: egui::TextStyle::Button.resolve(ui.style()),
                        color: ui.visuals().strong_text_color(),
                        ..Default::default()
                    };
                    text.append(name, 0.0, strong);
                    if let Some(kind) = kind {
                        let weak = egui::TextFormat {
                            font_id: egui::TextStyle::Small.resolve(ui.style()),
                            color: ui.visuals().weak_text_color(),
                            ..Default::default()
                        };
                        text.append(&format!("\n{kind}"), 0.0, weak);
                    }
                    if ui.selectable_label(self.key == key, text).clicked() {
                        self.key = key;
                    }
                }
            });
            // Not `ui.separator()`: a vertical separator takes the row's available height,
            // which in an auto-sized window is the last frame's: the window grew every frame.
            ui.add_space(12.0);
            ui.vertical(|ui| {
                ui.set_width(460.0);
                match builtin(self.key, self.language) {
                    Ok(template) => contents_ui(ui, tr, template),
                    Err(err) => {
                        ui.colored_label(ui.visuals().error_fg_color, err.to_string());
                    }
                }
            });
        });
        ui.separator();
        ui.horizontal(|ui| {
            let label = ui.label(tr.t(Text::TemplateCustomers));
            ui.add(
                egui::DragValue::new(&mut self.customers)
                    .range(100..=DemoOptions::MAX_CUSTOMERS)
                    .speed(50.0)
                    .custom_formatter(|n, _| tr.count(n as u64)),
            )
            .labelled_by(label.id);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(tr.t(Text::Cancel)).clicked() {
                    self.is_open = false;
                }
                let create = ui.button(RichText::new(tr.t(Text::TemplateCreate)).strong());
                if create.on_hover_text(tr.t(Text::TemplateCreateTip)).clicked() {
                    self.is_open = false;
                    out.send(Command::CreateFromTemplate(self.choice()));
                }
            });
        });
    }
}

/// The business and the kind of business of a title ("Daybreak Coffee", "a coffee chain").
fn title_parts(template: &Template) -> (&str, Option<&str>) {
    match template.title.split_once(" — ") {
        Some((name, kind)) => (name, Some(kind)),
        None => (&template.title, None),
    }
}

/// What a template holds: its title, summary, counts and the personas with their segments.
fn contents_ui(ui: &mut Ui, tr: Tr, template: &Template) {
    ui.label(RichText::new(&template.title).heading());
    ui.label(&template.summary);
    ui.add_space(4.0);
    ui.label(RichText::new(tr.template_contents(template)).weak());
    ui.add_space(6.0);
    ui.label(RichText::new(tr.t(Text::TemplatePersonas)).strong());
    for (i, p) in template.personas.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            style::color_dot_ui(ui, template.persona(i).color, 5.0);
            ui.label(RichText::new(&p.name).strong());
            ui.label(format!("— {}", p.segment));
        });
    }
}
