//! `fanpath versions` and the journey-version part of `fanpath report --version NAME`
//! (issue #10 §1).

use std::path::Path;

use fanpath::i18n::Tr;
use fanpath::i18n::format::{count, decimal};
use fanpath::i18n::versions::CURRENT_NAMES;
use fanpath::model::{JourneyVersion, Language, Stage, VersionId};
use fanpath::store::{AnalyticsOptions, Workspace};

const EN: Language = Language::English;

/// The version `name` names, or the first one without a name.
pub fn version_id(workspace: &Workspace, name: Option<&str>) -> anyhow::Result<VersionId> {
    Ok(match name {
        Some(name) => workspace.version_named(name, &CURRENT_NAMES)?,
        None => workspace.first_version()?,
    })
}

/// `fanpath versions`: every version with its kind, launch date and touchpoints.
pub fn list(db: &Path) -> anyhow::Result<()> {
    let workspace = crate::open_existing(db)?;
    let tr = Tr(EN);
    let mut rows = vec![["Version", "Kind", "Launch date", "Touchpoints"].map(str::to_owned).to_vec()];
    for (id, version) in workspace.versions().map_err(|err| err.in_file(db))? {
        let touchpoints = workspace.version_touchpoints(id, None)?.len();
        rows.push(vec![
            tr.version_name(&version),
            tr.version_kind(version.kind).to_owned(),
            version.launch_date.map_or_else(|| "–".to_owned(), |d| d.format("%Y-%m-%d").to_string()),
            count(touchpoints as u64, EN),
        ]);
    }
    let widths: Vec<usize> =
        (0..4).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    for row in rows {
        let line: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let pad = " ".repeat(widths[c].saturating_sub(cell.chars().count()));
                if c == 3 { format!("{pad}{cell}") } else { format!("{cell}{pad}") }
            })
            .collect();
        println!("{}", line.join("  ").trim_end());
    }
    Ok(())
}

/// What `report --version` adds: the version, its target per stage (the mean over the
/// personas in scope) and the findings drawn with its touchpoints and targets.
pub struct VersionSection {
    pub version: JourneyVersion,
    pub targets: [f64; 8],
    pub findings: Vec<String>,
}

impl VersionSection {
    /// Reads the section for `persona` (or everyone) and `version`.
    pub fn read(workspace: &Workspace, persona: Option<&str>, version: VersionId) -> anyhow::Result<Self> {
        let persona = match persona {
            Some(name) => workspace.persona_by_name(name)?.map(|r| r.id),
            None => None,
        };
        let options = AnalyticsOptions { persona, version: Some(version), ..AnalyticsOptions::default() };
        let analytics = workspace.analytics(&options)?;
        let targets = workspace.targets(version)?;
        let scope: Vec<_> = match persona {
            Some(p) => vec![p],
            None => workspace.personas()?.into_iter().map(|r| r.id).collect(),
        };
        Ok(Self {
            version: workspace.version(version)?,
            targets: Stage::ALL.map(|stage| targets.mean(&scope, stage)),
            findings: analytics.findings.iter().map(|f| f.text(EN)).collect(),
        })
    }

    /// The section under the report's table.
    pub fn to_table(&self) -> String {
        let tr = Tr(EN);
        let mut out = format!(
            "\nJourney version: {} ({})",
            tr.version_name(&self.version),
            tr.version_kind(self.version.kind)
        );
        if let Some(day) = self.version.launch_date {
            out.push_str(&format!(", launched {}", day.format("%Y-%m-%d")));
        }
        out.push_str("\nTarget emotion:");
        for stage in Stage::ALL {
            out.push_str(&format!(" {} {}", stage.number(), decimal(self.targets[stage.index()], true, EN)));
        }
        out.push_str("\nFindings:\n");
        for finding in &self.findings {
            out.push_str(&format!("- {finding}\n"));
        }
        out
    }

    /// The report's JSON with `version`, `targets` and `findings` keys added.
    pub fn add_to_json(&self, report_json: &str) -> anyhow::Result<String> {
        let mut json: serde_json::Value = serde_json::from_str(report_json)?;
        if let Some(object) = json.as_object_mut() {
            object.insert(
                "version".to_owned(),
                serde_json::json!({
                    "name": Tr(EN).version_name(&self.version),
                    "kind": self.version.kind.key(),
                    "launch_date": self.version.launch_date.map(|d| d.format("%Y-%m-%d").to_string()),
                }),
            );
            object.insert("targets".to_owned(), serde_json::json!(self.targets));
            object.insert("findings".to_owned(), serde_json::json!(self.findings));
        }
        Ok(serde_json::to_string_pretty(&json)?)
    }
}
