//! The slide deck of trainer mode: which slides there are, in which order, and where each
//! key takes the presenter. Plain values without egui, so the navigation and the choice
//! of quotes are tested without a window.

use crate::model::{EmotionEntry, Stage};

/// A chart of the closing part, drawn by the Analytics view's own chart code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartSlide {
    Funnel,
    EmotionCurve,
    EmotionVsDropOff,
}

impl ChartSlide {
    pub const ALL: [Self; 3] = [Self::Funnel, Self::EmotionCurve, Self::EmotionVsDropOff];
}

/// One slide of the presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The workspace's name and its personas.
    Title,
    /// The eight stages at a glance, with the expected emotion curve.
    Path,
    /// One stage in depth.
    Stage(Stage),
    Chart(ChartSlide),
    /// The finding at this position of the analytics' findings, most important first.
    Finding(usize),
}

/// The slides in order: title, path, the eight stages, the charts, one per finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deck {
    slides: Vec<Slide>,
}

impl Deck {
    /// The deck for a workspace whose analytics hold `findings` findings.
    pub fn new(findings: usize) -> Self {
        let mut slides = vec![Slide::Title, Slide::Path];
        slides.extend(Stage::ALL.map(Slide::Stage));
        slides.extend(ChartSlide::ALL.map(Slide::Chart));
        slides.extend((0..findings).map(Slide::Finding));
        Self { slides }
    }

    pub fn slides(&self) -> &[Slide] {
        &self.slides
    }

    /// How many slides; never zero.
    pub fn len(&self) -> usize {
        self.slides.len()
    }

    /// Never empty (the title and the path are always there); for clippy's sake.
    pub fn is_empty(&self) -> bool {
        self.slides.is_empty()
    }

    /// The slide at `index`, or the last one when the deck has shrunk below it (findings
    /// can change while presenting, when another process edits the workspace).
    pub fn get(&self, index: usize) -> Slide {
        self.slides.get(index).or(self.slides.last()).copied().unwrap_or(Slide::Title)
    }

    /// Where `slide` is in the deck.
    pub fn position(&self, slide: Slide) -> Option<usize> {
        self.slides.iter().position(|s| *s == slide)
    }
}

/// What the presenter asked for, with a key, a clicker or the mouse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// → / PageDown / Space / click. In reveal mode, on a stage slide not yet revealed,
    /// it reveals first: a clicker only sends PageDown and PageUp.
    Next,
    /// ← / PageUp.
    Back,
    /// Home.
    First,
    /// End.
    Last,
    /// 1–8.
    JumpToStage(Stage),
    /// P: the presenter notes in a second window, then below the slide, then off.
    ToggleNotes,
    /// B: a blank screen, to take the room's eyes off the slide.
    ToggleBlank,
    /// R: shows (or hides again) the observed emotion and drop-off of a stage slide.
    ToggleReveal,
    /// T: light or dark projector theme (a setting, applied by the caller).
    ToggleTheme,
    /// Esc: back to the editing window (applied by the caller).
    Leave,
}

/// Where the presenter notes are shown. P cycles through them in this order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NotesMode {
    #[default]
    Off,
    /// In a second native window, for the presenter's own screen while the projector
    /// shows the slide alone.
    Window,
    /// Below the slide, for a trainer with a single screen.
    Below,
}

impl NotesMode {
    /// The mode after this one. Without a second window (a backend that cannot open one)
    /// the cycle skips it: P shows the notes below at once.
    pub fn next(self, second_window: bool) -> Self {
        match self {
            Self::Off if second_window => Self::Window,
            Self::Off | Self::Window => Self::Below,
            Self::Below => Self::Off,
        }
    }
}

/// Where the presentation stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// The slide on show, an index into the [`Deck`].
    pub index: usize,
    /// Where the presenter notes are shown, if anywhere.
    pub notes: NotesMode,
    /// The screen is blank.
    pub blank: bool,
    /// Per stage: its observed emotion and drop-off have been revealed to the room.
    pub revealed: [bool; 8],
}

impl Progress {
    /// Whether the observed numbers of `stage` are shown (always, outside reveal mode).
    pub fn shows_observed(&self, stage: Stage, reveal_mode: bool) -> bool {
        !reveal_mode || self.revealed[stage.index()]
    }

    /// Applies `action` to the deck. [`Action::ToggleTheme`] and [`Action::Leave`] change
    /// nothing here: they belong to the caller. P cycles through every [`NotesMode`]; a
    /// caller without a second window uses [`Progress::apply_in`].
    pub fn apply(&mut self, action: Action, deck: &Deck, reveal_mode: bool) {
        self.apply_in(action, deck, reveal_mode, true);
    }

    /// [`Progress::apply`] where `second_window` says whether the notes can have a window
    /// of their own.
    pub fn apply_in(&mut self, action: Action, deck: &Deck, reveal_mode: bool, second_window: bool) {
        let last = deck.len().saturating_sub(1);
        self.index = self.index.min(last);
        // Any move first brings the picture back, without moving: the room looks up again.
        if self.blank && matches!(action, Action::Next | Action::Back) {
            self.blank = false;
            return;
        }
        match action {
            Action::Next => {
                if let Slide::Stage(stage) = deck.get(self.index)
                    && !self.shows_observed(stage, reveal_mode)
                {
                    self.revealed[stage.index()] = true;
                } else {
                    self.index = (self.index + 1).min(last);
                }
            }
            Action::Back => self.index = self.index.saturating_sub(1),
            Action::First => self.index = 0,
            Action::Last => self.index = last,
            Action::JumpToStage(stage) => {
                if let Some(at) = deck.position(Slide::Stage(stage)) {
                    self.index = at;
                }
            }
            Action::ToggleNotes => self.notes = self.notes.next(second_window),
            Action::ToggleBlank => self.blank = !self.blank,
            Action::ToggleReveal => {
                if let Slide::Stage(stage) = deck.get(self.index) {
                    let revealed = &mut self.revealed[stage.index()];
                    *revealed = !*revealed;
                }
            }
            Action::ToggleTheme | Action::Leave => {}
        }
        if matches!(action, Action::First | Action::Last | Action::JumpToStage(_)) {
            self.blank = false;
        }
    }
}

/// Up to `max` entries worth reading out to the room: those with a note first, then the
/// strongest feelings, then the newest; entries with neither a label nor a note are left out.
pub fn pick_quotes<'a>(
    entries: impl IntoIterator<Item = &'a EmotionEntry>,
    max: usize,
) -> Vec<&'a EmotionEntry> {
    let mut quotes: Vec<&EmotionEntry> =
        entries.into_iter().filter(|e| !e.note.trim().is_empty() || !e.label.trim().is_empty()).collect();
    quotes.sort_by(|a, b| {
        let has_note = |e: &EmotionEntry| !e.note.trim().is_empty();
        has_note(b)
            .cmp(&has_note(a))
            .then(b.score.get().unsigned_abs().cmp(&a.score.get().unsigned_abs()))
            .then(b.logged_at.cmp(&a.logged_at))
    });
    // The same words logged for two personas are read out once.
    let words = |e: &EmotionEntry| {
        if e.note.trim().is_empty() { e.label.trim().to_owned() } else { e.note.trim().to_owned() }
    };
    let mut seen = std::collections::HashSet::new();
    quotes.retain(|e| seen.insert(words(e)));
    quotes.truncate(max);
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PersonaId, Score, Source};

    fn deck() -> Deck {
        Deck::new(2)
    }

    #[test]
    fn the_deck_runs_title_path_stages_charts_findings() {
        let deck = deck();
        // 1 title + 1 path + 8 stages + 3 charts + 2 findings.
        assert_eq!(deck.len(), 15);
        assert_eq!(deck.get(0), Slide::Title);
        assert_eq!(deck.get(1), Slide::Path);
        assert_eq!(deck.get(2), Slide::Stage(Stage::Evaluation));
        assert_eq!(deck.get(9), Slide::Stage(Stage::Advocacy));
        assert_eq!(deck.get(10), Slide::Chart(ChartSlide::Funnel));
        assert_eq!(deck.get(14), Slide::Finding(1));
        assert_eq!(deck.get(99), Slide::Finding(1), "past the end: the last slide");
        assert_eq!(Deck::new(0).len(), 13);
    }

    #[test]
    fn keys_move_through_the_deck_and_stop_at_its_ends() {
        let deck = deck();
        let mut p = Progress::default();
        p.apply(Action::Back, &deck, false);
        assert_eq!(p.index, 0, "no slide before the first");
        p.apply(Action::Next, &deck, false);
        p.apply(Action::Next, &deck, false);
        assert_eq!(deck.get(p.index), Slide::Stage(Stage::Evaluation));
        p.apply(Action::JumpToStage(Stage::Kickoff), &deck, false);
        assert_eq!(p.index, 5);
        p.apply(Action::Last, &deck, false);
        assert_eq!(p.index, 14);
        p.apply(Action::Next, &deck, false);
        assert_eq!(p.index, 14, "no slide after the last");
        p.apply(Action::First, &deck, false);
        assert_eq!(p.index, 0);
        p.apply(Action::ToggleNotes, &deck, false);
        assert_eq!(p.notes, NotesMode::Window);
    }

    #[test]
    fn p_cycles_the_notes_window_below_off_or_below_off_without_a_window() {
        let deck = deck();
        let mut p = Progress { index: 4, ..Progress::default() };
        let mut seen = Vec::new();
        for _ in 0..4 {
            p.apply(Action::ToggleNotes, &deck, false);
            seen.push(p.notes);
        }
        assert_eq!(seen, [NotesMode::Window, NotesMode::Below, NotesMode::Off, NotesMode::Window]);
        assert_eq!(p.index, 4, "the notes never move the slide");
        let mut p = Progress::default();
        seen.clear();
        for _ in 0..3 {
            p.apply_in(Action::ToggleNotes, &deck, false, false);
            seen.push(p.notes);
        }
        assert_eq!(seen, [NotesMode::Below, NotesMode::Off, NotesMode::Below]);
        // A window that became unavailable (notes open, then no second window) goes below.
        assert_eq!(NotesMode::Window.next(false), NotesMode::Below);
    }

    #[test]
    fn a_blank_screen_comes_back_on_the_next_move_without_moving() {
        let deck = deck();
        let mut p = Progress { index: 3, ..Progress::default() };
        p.apply(Action::ToggleBlank, &deck, false);
        assert!(p.blank);
        p.apply(Action::Next, &deck, false);
        assert_eq!((p.index, p.blank), (3, false));
        p.apply(Action::ToggleBlank, &deck, false);
        p.apply(Action::ToggleBlank, &deck, false);
        assert!(!p.blank);
    }

    #[test]
    fn in_reveal_mode_next_reveals_a_stage_before_moving_on() {
        let deck = deck();
        let mut p = Progress { index: 2, ..Progress::default() };
        assert!(!p.shows_observed(Stage::Evaluation, true));
        assert!(p.shows_observed(Stage::Evaluation, false), "outside reveal mode: always shown");
        p.apply(Action::Next, &deck, true);
        assert_eq!(p.index, 2);
        assert!(p.shows_observed(Stage::Evaluation, true));
        p.apply(Action::Next, &deck, true);
        assert_eq!(p.index, 3);
        // R toggles; going back finds a revealed stage still revealed.
        p.apply(Action::ToggleReveal, &deck, true);
        assert!(p.shows_observed(Stage::Acknowledgment, true));
        p.apply(Action::ToggleReveal, &deck, true);
        assert!(!p.shows_observed(Stage::Acknowledgment, true));
        p.apply(Action::Back, &deck, true);
        assert!(p.shows_observed(Stage::Evaluation, true));
        // R on a slide that is not a stage does nothing.
        p.apply(Action::First, &deck, true);
        p.apply(Action::ToggleReveal, &deck, true);
        assert_eq!(p.revealed.iter().filter(|r| **r).count(), 1);
    }

    #[test]
    fn a_shrunk_deck_clamps_the_position() {
        let mut p = Progress { index: 14, ..Progress::default() };
        p.apply(Action::Back, &Deck::new(0), false);
        assert_eq!(p.index, 11);
    }

    fn entry(score: i64, label: &str, note: &str, day: u32) -> EmotionEntry {
        EmotionEntry {
            persona: PersonaId(1),
            stage: Stage::Validation,
            score: Score::new(score).expect("score"),
            label: label.into(),
            note: note.into(),
            touchpoint: String::new(),
            source: Source::Interview,
            logged_at: chrono::NaiveDate::from_ymd_opt(2026, 1, day).and_then(|d| d.and_hms_opt(9, 0, 0)),
        }
    }

    #[test]
    fn quotes_prefer_notes_then_strong_feelings_then_new_ones() {
        let entries = [
            entry(-1, "mild", "", 1),
            entry(5, "elated", "", 2),
            entry(-2, "doubt", "Was it worth it?", 3),
            entry(-4, "angry", "Nobody called back", 4),
            entry(-4, "angry", "Still nobody called", 5),
            entry(-3, "angry", "Still nobody called", 5),
            entry(0, "", "", 6),
        ];
        let picked: Vec<&str> = pick_quotes(&entries, 3).iter().map(|e| e.note.as_str()).collect();
        assert_eq!(picked, ["Still nobody called", "Nobody called back", "Was it worth it?"]);
        let all = pick_quotes(&entries, 10);
        assert_eq!(all.len(), 5, "the entry without words and the repeated words are left out");
        assert_eq!(all[3].label, "elated");
    }
}
