//! The persona list: search, sort, select, and a context menu for the usual actions.

use egui::{RichText, TextureHandle, Ui};

use super::command::{Command, Commands, UiCommand};
use super::context::ViewContext;
use super::data::ViewData;
use super::state::View;
use super::widgets::{avatar_ui, persona_context_menu_ui};
use crate::i18n::{Text, Tr};
use crate::model::Stage;
use crate::model::collate::{self, fold_diacritics};
use crate::store::PersonaRecord;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum SortBy {
    #[default]
    Name,
    Stage,
    Segment,
}

impl SortBy {
    const ALL: [Self; 3] = [Self::Name, Self::Stage, Self::Segment];

    fn text(self) -> Text {
        match self {
            Self::Name => Text::Name,
            Self::Stage => Text::Stage,
            Self::Segment => Text::Segment,
        }
    }
}

/// The left-hand list of personas.
#[derive(Default)]
pub struct PersonaList {
    search: String,
    sort: SortBy,
    focus_search: bool,
    /// Indices into `ViewData::personas` in display order, with what they were built from.
    order: Option<(String, SortBy, u64, Vec<usize>)>,
}

impl PersonaList {
    pub fn request_focus(&mut self) {
        self.focus_search = true;
    }

    /// Filters and sorts only when the search, the sort or the data changed.
    fn refresh_order(&mut self, data: &ViewData) {
        let fresh = self.order.as_ref().is_some_and(|(s, sort, generation, _)| {
            *s == self.search && *sort == self.sort && *generation == data.generation
        });
        if !fresh {
            let needle = fold_diacritics(self.search.trim());
            let mut order: Vec<usize> = data
                .personas
                .iter()
                .enumerate()
                .filter(|(_, r)| needle.is_empty() || matches(r, &needle))
                .map(|(i, _)| i)
                .collect();
            // `personas` is already in Vietnamese name order, so stable sorts keep names
            // ordered within a stage or segment.
            match self.sort {
                SortBy::Name => {}
                SortBy::Stage => {
                    order.sort_by_key(|&i| data.personas[i].persona.stage.map_or(u8::MAX, Stage::number))
                }
                SortBy::Segment => order.sort_by_cached_key(|&i| {
                    let segment = &data.personas[i].persona.segment;
                    (segment.is_empty(), collate::sort_key(segment))
                }),
            }
            self.order = Some((self.search.clone(), self.sort, data.generation, order));
        }
    }

    /// Draws the search, the sort and the list.
    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>, out: &mut Commands) {
        let (tr, data) = (ctx.tr, ctx.data);
        ui.add_space(4.0);
        ui.heading(tr.t(Text::Personas));
        let button = ui.button(format!("+ {}", tr.t(Text::NewPersona)));
        let button = match UiCommand::NewPersona.tooltip() {
            Some(tip) => button.on_hover_text(tr.t(tip)),
            None => button,
        };
        if button.clicked() {
            out.send(UiCommand::NewPersona);
        }
        ui.add_space(4.0);
        let search_label = ui.label(tr.t(Text::SearchPersonas));
        let search = ui.add(
            egui::TextEdit::singleline(&mut self.search)
                .hint_text(tr.t(Text::SearchHint))
                .desired_width(f32::INFINITY),
        );
        let search = search.labelled_by(search_label.id);
        if std::mem::take(&mut self.focus_search) {
            search.request_focus();
        }
        ui.horizontal(|ui| {
            let sort_label = ui.label(tr.t(Text::SortBy));
            egui::ComboBox::from_id_salt("persona_sort")
                .selected_text(tr.t(self.sort.text()))
                .width(90.0)
                .show_ui(ui, |ui| {
                    for sort in SortBy::ALL {
                        ui.selectable_value(&mut self.sort, sort, tr.t(sort.text()));
                    }
                })
                .response
                .labelled_by(sort_label.id);
        });
        ui.separator();

        self.refresh_order(data);
        let order = self.order.as_ref().map_or(&[][..], |(.., order)| order.as_slice());
        if data.personas.is_empty() {
            ui.label(RichText::new(tr.t(Text::NoPersonasYet)).weak());
            // A first run (or a new file) is where a ready-made business helps most.
            let button = ui.button(tr.t(Text::StartFromTemplate));
            if button.on_hover_text(tr.t(Text::NewFromTemplateTip)).clicked() {
                out.send(UiCommand::NewFromTemplate);
            }
        } else if order.is_empty() {
            ui.label(RichText::new(tr.t(Text::NoPersonaMatches)).weak());
        }
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            for &i in order {
                let record = &data.personas[i];
                persona_row_ui(
                    ui,
                    tr,
                    record,
                    ctx.selection.persona == Some(record.id),
                    ctx.avatars.get(&record.id),
                    out,
                );
            }
        });
    }
}

fn matches(record: &PersonaRecord, needle: &str) -> bool {
    let p = &record.persona;
    [&p.name, &p.segment, &p.occupation, &p.location]
        .iter()
        .any(|field| fold_diacritics(field).contains(needle))
}

/// One persona: avatar (or colour dot), name, segment and current stage.
fn persona_row_ui(
    ui: &mut Ui,
    tr: Tr,
    record: &PersonaRecord,
    selected: bool,
    avatar: Option<&TextureHandle>,
    out: &mut Commands,
) {
    let p = &record.persona;
    ui.horizontal(|ui| {
        avatar_ui(ui, p.color, avatar, 16.0);
        ui.vertical(|ui| {
            let name = ui.selectable_label(selected, RichText::new(&p.name).strong());
            if name.clicked() {
                out.send(Command::SelectPersona(Some(record.id)));
            }
            if name.double_clicked() {
                out.send(UiCommand::ShowView(View::PersonaCard));
            }
            name.context_menu(|ui| persona_context_menu_ui(ui, tr, record.id, out));
            let stage = p.stage.map_or_else(|| tr.t(Text::NotOnPath).to_owned(), |s| s.numbered_name(tr.0));
            let line = if p.segment.is_empty() { stage } else { format!("{} · {stage}", p.segment) };
            ui.label(RichText::new(line).small().weak());
        });
    });
    ui.add_space(2.0);
}
