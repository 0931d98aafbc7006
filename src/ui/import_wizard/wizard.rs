//! The wizard's state: the user's choices and what the app's jobs answered, and the one
//! widget every step shares (a failure's lines). No file I/O: the app fills it in.

use std::path::PathBuf;

use egui::Ui;

use super::mapped::MappedStages;
use super::request::WizardRequest;
use super::rules::RuleDraft;
use crate::i18n::Text;
use crate::model::funnel::Funnel;
use crate::store::{CsvPreview, ImportKind, ImportProgress};
use crate::ui::command::Commands;

/// How many rows of the file the preview table shows.
pub const PREVIEW_ROWS: usize = 12;

/// What the file holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WizardKind {
    /// Any event log or order history, mapped onto the stages by rules.
    #[default]
    Events,
    /// `customer_id,persona,stage,reached_at`: customers already carrying a stage.
    Customers,
    /// Emotion entries.
    Emotions,
}

impl WizardKind {
    pub const ALL: [Self; 3] = [Self::Events, Self::Customers, Self::Emotions];

    pub fn text(self) -> Text {
        match self {
            Self::Events => Text::WizardKindEvents,
            Self::Customers => Text::WizardKindCustomers,
            Self::Emotions => Text::WizardKindEmotions,
        }
    }

    pub fn explanation(self) -> Text {
        match self {
            Self::Events => Text::WizardKindEventsTip,
            Self::Customers => Text::WizardKindCustomersTip,
            Self::Emotions => Text::WizardKindEmotionsTip,
        }
    }

    /// The existing import that reads this kind, if it is not the events import.
    pub fn csv_kind(self) -> Option<ImportKind> {
        match self {
            Self::Events => None,
            Self::Customers => Some(ImportKind::Customers),
            Self::Emotions => Some(ImportKind::Emotions),
        }
    }

    /// The steps a file of this kind goes through.
    pub fn steps(self) -> &'static [Step] {
        match self {
            Self::Events => &[Step::Source, Step::Columns, Step::Rules, Step::Funnel, Step::Run],
            Self::Customers | Self::Emotions => &[Step::Source, Step::Columns, Step::Run],
        }
    }
}

/// One page of the wizard.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Step {
    #[default]
    Source,
    Columns,
    Rules,
    Funnel,
    Run,
}

impl Step {
    pub fn text(self) -> Text {
        match self {
            Self::Source => Text::WizardStepSource,
            Self::Columns => Text::WizardStepColumns,
            Self::Rules => Text::WizardStepRules,
            Self::Funnel => Text::WizardStepFunnel,
            Self::Run => Text::WizardStepRun,
        }
    }
}

/// Something a job computes: not asked yet, on its way, there, or failed (the message's
/// lines: a bad file lists its rows).
#[derive(Clone, Debug, Default)]
pub enum Loading<T> {
    #[default]
    Idle,
    Busy,
    Ready(T),
    Failed(Vec<String>),
}

impl<T> Loading<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Self::Ready(value) => Some(value),
            Self::Idle | Self::Busy | Self::Failed(_) => None,
        }
    }

    pub fn is_busy(&self) -> bool {
        matches!(self, Self::Busy)
    }
}

/// Where each customer's persona comes from in an event log.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PersonaMode {
    /// No persona: the customers count in the overall funnel only.
    #[default]
    None,
    /// A column of the file (the earliest non-empty value per customer).
    Column,
    /// One persona, named, for every customer.
    Fixed,
}

/// The columns the user picked for an event log, as typed (names of header columns).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventColumnsDraft {
    pub customer: String,
    pub time: String,
    /// `false`: events come from [`Self::event`]; `true`: every row is one [`Self::event_name`].
    pub every_row_is_one_event: bool,
    pub event: String,
    pub event_name: String,
    pub persona_mode: PersonaMode,
    pub persona_column: String,
    pub persona_name: String,
}

impl Default for EventColumnsDraft {
    fn default() -> Self {
        Self {
            customer: "customer_id".to_owned(),
            time: "timestamp".to_owned(),
            every_row_is_one_event: false,
            event: "event".to_owned(),
            event_name: "order".to_owned(),
            persona_mode: PersonaMode::None,
            persona_column: "persona".to_owned(),
            persona_name: String::new(),
        }
    }
}

impl EventColumnsDraft {
    /// The defaults, matched against the file's header: a column that exists under another
    /// case is taken with the file's spelling; with no event column, every row is one event.
    pub fn guessed_from(preview: &CsvPreview) -> Self {
        let mut draft = Self::default();
        let pick = |wanted: &[&str]| {
            wanted.iter().find_map(|name| preview.column(name).map(|at| preview.columns[at].clone()))
        };
        if let Some(customer) = pick(&["customer_id", "customer", "user_id", "user", "client_id"]) {
            draft.customer = customer;
        }
        if let Some(time) = pick(&["timestamp", "time", "date", "event_time", "created_at", "order_date"]) {
            draft.time = time;
        }
        match pick(&["event", "event_name", "event_type", "action"]) {
            Some(event) => draft.event = event,
            None => draft.every_row_is_one_event = true,
        }
        if let Some(persona) = pick(&["persona", "segment"]) {
            draft.persona_column = persona;
            draft.persona_mode = PersonaMode::Column;
        }
        draft
    }

    /// The columns the event-log reader needs that the header lacks.
    pub fn missing(&self, preview: &CsvPreview) -> Vec<String> {
        let mut wanted = vec![&self.customer, &self.time];
        if !self.every_row_is_one_event {
            wanted.push(&self.event);
        }
        if self.persona_mode == PersonaMode::Column {
            wanted.push(&self.persona_column);
        }
        wanted.into_iter().filter(|name| preview.column(name).is_none()).cloned().collect()
    }
}

/// One distinct event of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventCount {
    /// As the file spells it (its first spelling).
    pub name: String,
    pub rows: u64,
    pub customers: u64,
}

/// What an event log read and checked holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogFacts {
    /// Data rows read.
    pub rows: u64,
    /// Distinct customers.
    pub customers: u64,
    /// Every distinct event, most rows first.
    pub events: Vec<EventCount>,
    /// Invalid rows left out (only when asked to skip them), in the UI language.
    pub skipped: Vec<String>,
}

/// The funnel the current rules give on the file, computed in memory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FunnelPreview {
    /// Customers reaching each stage (customers with no matched event are not counted).
    pub funnel: Funnel,
    /// Rows no rule matched.
    pub unmatched_rows: u64,
    /// The stages the rules that gave this funnel lead to.
    pub mapped: MappedStages,
}

/// The import itself.
#[derive(Clone, Debug, Default)]
pub enum RunState {
    #[default]
    NotStarted,
    /// Running on its thread; the last progress it reported.
    Running { progress: Option<ImportProgress>, cancelling: bool },
    /// Finished: the summary, in the UI language.
    Done(String),
    /// Cancelled: nothing was written.
    Cancelled,
    /// Failed, nothing written: the message's lines (a bad file lists its rows).
    Failed(Vec<String>),
}

/// The wizard's state: the user's choices and the jobs' answers.
#[derive(Debug, Default)]
pub struct ImportWizard {
    pub step: Step,
    pub kind: WizardKind,
    pub path: Option<PathBuf>,
    /// The file's first rows, delimiter and header.
    pub head: Loading<CsvPreview>,
    pub columns: EventColumnsDraft,
    /// Import the valid rows and list the invalid ones instead of refusing the file.
    pub skip_invalid: bool,
    /// What the whole event log holds, once read and checked (events kind). The log itself
    /// stays with the app, which previews and imports it.
    pub log: Loading<LogFacts>,
    /// One rule per (event, occurrence) being mapped, file events first.
    pub rules: Vec<RuleDraft>,
    /// The funnel the rules give on the file.
    pub funnel: Loading<FunnelPreview>,
    /// Bumped whenever the rules change, so a late funnel for older rules is dropped.
    pub rules_generation: u64,
    pub run: RunState,
    /// Whether the window has been put in its place once: egui remembers a window's place
    /// across runs, so each opening centres it anew, then leaves it where the user drags it.
    pub placed: bool,
}

impl ImportWizard {
    /// A wizard at its first step, on `path` if given.
    pub fn new(path: Option<PathBuf>) -> Self {
        Self { path, ..Self::default() }
    }

    /// Whether a job of the wizard is still out (tests wait on this).
    pub fn busy(&self) -> bool {
        self.head.is_busy()
            || self.log.is_busy()
            || self.funnel.is_busy()
            || matches!(self.run, RunState::Running { .. })
    }

    /// Forgets everything read from the file (a new file or new columns).
    pub fn forget_file(&mut self) {
        self.head = Loading::Idle;
        self.forget_log();
    }

    /// Forgets the event log read with the old columns, and what came from it.
    pub fn forget_log(&mut self) {
        self.log = Loading::Idle;
        self.funnel = Loading::Idle;
        self.run = RunState::NotStarted;
    }

    /// The rules changed: the funnel on show is stale.
    pub fn rules_changed(&mut self) {
        self.rules_generation += 1;
    }

    /// Whether the user may go on from the current step.
    pub(super) fn can_go_on(&self) -> bool {
        match self.step {
            Step::Source => self.path.is_some() && self.head.ready().is_some(),
            Step::Columns => self.head.ready().is_some_and(|head| match self.kind.csv_kind() {
                Some(kind) => head.missing_columns(kind).is_empty(),
                None => self.columns.missing(head).is_empty() && self.columns_complete(),
            }),
            Step::Rules => self.log.ready().is_some() && self.rules.iter().any(|r| r.stage.is_some()),
            Step::Funnel => self.funnel.ready().is_some(),
            Step::Run => false,
        }
    }

    /// The typed names are not empty (a fixed persona or event name needs a name).
    fn columns_complete(&self) -> bool {
        let c = &self.columns;
        (!c.every_row_is_one_event || !c.event_name.trim().is_empty())
            && (c.persona_mode != PersonaMode::Fixed || !c.persona_name.trim().is_empty())
    }

    pub(super) fn step_index(&self) -> usize {
        self.kind.steps().iter().position(|s| *s == self.step).unwrap_or(0)
    }

    /// Moves to the next step, asking for what that step needs.
    pub(super) fn go_on(&mut self, out: &mut Commands) {
        let Some(&next) = self.kind.steps().get(self.step_index() + 1) else {
            return;
        };
        match next {
            Step::Rules if self.log.ready().is_none() => out.send(WizardRequest::ReadEvents),
            Step::Funnel => out.send(WizardRequest::PreviewFunnel),
            Step::Run => out.send(WizardRequest::Start),
            Step::Source | Step::Columns | Step::Rules => {}
        }
        self.step = next;
    }

    pub(super) fn go_back(&mut self) {
        if let Some(previous) = self.step_index().checked_sub(1)
            && let Some(&step) = self.kind.steps().get(previous)
        {
            self.step = step;
        }
    }
}

/// A failure's lines: the first as the message, the rest (the bad rows) in a list.
pub(super) fn failure_ui(ui: &mut Ui, lines: &[String]) {
    let mut lines = lines.iter();
    if let Some(first) = lines.next() {
        ui.colored_label(ui.visuals().error_fg_color, first);
    }
    egui::ScrollArea::vertical().id_salt("wizard_error_rows").max_height(160.0).show(ui, |ui| {
        for line in lines {
            ui.monospace(line.trim());
        }
    });
}
