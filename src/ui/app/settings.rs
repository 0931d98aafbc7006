//! Preferences kept between runs in eframe's storage.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use serde::{Deserialize, Serialize};

use crate::model::Language;
use crate::ui::present::PresentSettings;

/// Preferences kept between runs in eframe's storage (not in the workspace: they belong
/// to this computer, not to the journey data). The field names are what eframe stored
/// before; renaming one would forget the user's choice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub language: Language,
    /// Most recent first; the first one is reopened at start.
    pub recent: Vec<PathBuf>,
    pub zoom: f32,
    /// The day each workspace last had its full integrity check, so it runs at most once a
    /// day per file (it reads every page). Only the recent workspaces are remembered.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub integrity_checked: BTreeMap<PathBuf, NaiveDate>,
    /// Trainer mode's projector theme and reveal mode.
    #[serde(skip_serializing_if = "PresentSettings::is_default")]
    pub present: PresentSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: Language::English,
            recent: Vec::new(),
            zoom: 1.0,
            integrity_checked: BTreeMap::new(),
            present: PresentSettings::default(),
        }
    }
}

pub(super) const MAX_RECENT: usize = 8;

impl Settings {
    /// Puts `path` first in the recent list, without repeats, keeping at most a few.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }

    /// Notes that `path` was checked on `day`, forgetting files no longer in the recent list.
    pub(super) fn remember_integrity_check(&mut self, path: &Path, day: NaiveDate) {
        self.integrity_checked.insert(path.to_path_buf(), day);
        let recent = &self.recent;
        self.integrity_checked.retain(|checked, _| checked == path || recent.contains(checked));
    }

    /// Lets `path` be checked again today (its check could not finish).
    pub(super) fn forget_integrity_check(&mut self, path: &Path) {
        self.integrity_checked.remove(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_workspaces_keep_the_latest_first_without_repeats() {
        let mut settings = Settings::default();
        for name in ["a", "b", "a", "c"] {
            settings.remember(Path::new(name));
        }
        assert_eq!(settings.recent, [PathBuf::from("c"), PathBuf::from("a"), PathBuf::from("b")]);
        for i in 0..20 {
            settings.remember(&PathBuf::from(format!("w{i}")));
        }
        assert_eq!(settings.recent.len(), MAX_RECENT);
        assert_eq!(settings.recent[0], PathBuf::from("w19"));
    }

    #[test]
    fn settings_from_an_older_version_fill_in_defaults() {
        let settings: Settings = serde_json::from_str(r#"{"language":"Vietnamese"}"#).expect("parse");
        assert_eq!(settings.language, Language::Vietnamese);
        assert_eq!(settings.zoom, 1.0);
        assert!(settings.recent.is_empty());
    }

    #[test]
    fn settings_keep_the_stored_field_names() {
        let settings = Settings {
            language: Language::Vietnamese,
            recent: vec!["a.sqlite".into()],
            zoom: 1.5,
            integrity_checked: BTreeMap::new(),
            present: PresentSettings::default(),
        };
        let json = serde_json::to_string(&settings).expect("write");
        assert_eq!(json, r#"{"language":"Vietnamese","recent":["a.sqlite"],"zoom":1.5}"#);
    }

    #[test]
    fn integrity_check_days_are_kept_for_recent_workspaces_only() {
        let day = NaiveDate::from_ymd_opt(2025, 1, 31).expect("date");
        let mut settings = Settings::default();
        settings.remember(Path::new("a.sqlite"));
        settings.remember_integrity_check(Path::new("gone.sqlite"), day);
        settings.remember_integrity_check(Path::new("a.sqlite"), day);
        assert_eq!(settings.integrity_checked.keys().collect::<Vec<_>>(), [Path::new("a.sqlite")]);
        let json = serde_json::to_string(&settings).expect("write");
        assert!(json.ends_with(r#""integrity_checked":{"a.sqlite":"2025-01-31"}}"#), "{json}");
        assert_eq!(serde_json::from_str::<Settings>(&json).expect("read"), settings);
    }
}
