//! `fanpath import events` and `fanpath rules show|set`: an event log mapped onto the
//! eight stages by the workspace's stage rules (anyhow at this edge; the words of the
//! summary and errors are the English of `i18n`).

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};
use fanpath::model::Language;
use fanpath::model::rules::StageRules;
use fanpath::store::{
    EventColumn, EventLogColumns, ImportOptions, PersonaSource, StoreError, Workspace, read_event_log,
    read_stage_rules_file, stage_rules_csv,
};

/// The options of `import events` (ignored, and refused, for the other kinds).
#[derive(Debug, Default, Args)]
pub struct EventArgs {
    /// Events: the stage rules file (header event,occurrence,stage), saved in the workspace
    /// with the import. Without it the saved rules are used.
    #[arg(long, value_name = "RULES.csv")]
    rules: Option<PathBuf>,
    /// Events: the customer id column [default: customer_id].
    #[arg(long, value_name = "COL")]
    customer: Option<String>,
    /// Events: the event name column [default: event].
    #[arg(long, value_name = "COL", conflicts_with = "event_name")]
    event: Option<String>,
    /// Events: the file has no event column; every row is one event NAME (an order history:
    /// --event-name order).
    #[arg(long, value_name = "NAME")]
    event_name: Option<String>,
    /// Events: the time column [default: timestamp]. Times with a zone (Z, +07:00, +0700)
    /// are converted to UTC; times without one are taken as UTC.
    #[arg(long, value_name = "COL")]
    time: Option<String>,
    /// Events: each customer's persona from this column (its earliest non-empty value).
    #[arg(long, value_name = "COL", conflicts_with = "persona")]
    persona_column: Option<String>,
    /// Events: every customer of the file is this persona.
    #[arg(long, value_name = "NAME")]
    persona: Option<String>,
}

impl EventArgs {
    /// Whether any option of the events import was given.
    pub fn any(&self) -> bool {
        self.rules.is_some()
            || self.customer.is_some()
            || self.event.is_some()
            || self.event_name.is_some()
            || self.time.is_some()
            || self.persona_column.is_some()
            || self.persona.is_some()
    }

    fn columns(&self) -> EventLogColumns {
        let defaults = EventLogColumns::default();
        EventLogColumns {
            customer: self.customer.clone().unwrap_or(defaults.customer),
            event: match (&self.event, &self.event_name) {
                (_, Some(name)) => EventColumn::EveryRowIs(name.clone()),
                (Some(column), None) => EventColumn::Column(column.clone()),
                (None, None) => defaults.event,
            },
            time: self.time.clone().unwrap_or(defaults.time),
            persona: match (&self.persona_column, &self.persona) {
                (Some(column), _) => PersonaSource::Column(column.clone()),
                (None, Some(name)) => PersonaSource::Fixed(name.clone()),
                (None, None) => PersonaSource::None,
            },
        }
    }
}

/// `fanpath rules …`.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Print the workspace's stage rules (csv reads back with `rules set`).
    Show {
        #[arg(long, value_enum, default_value_t = RulesFormat::Csv)]
        format: RulesFormat,
    },
    /// Replace the workspace's stage rules with those of a file (header event,occurrence,stage;
    /// `,` or `;`). A bad row refuses the file, naming its line and value.
    Set {
        /// The rules file.
        file: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RulesFormat {
    Csv,
    Json,
}

/// `fanpath import events FILE …`.
pub fn import_events(path: &Path, file: &Path, skip_invalid: bool, args: &EventArgs) -> anyhow::Result<()> {
    if args.event_name.as_deref().is_some_and(|name| name.trim().is_empty()) {
        anyhow::bail!("--event-name needs a name: every row of the file is one event of that name");
    }
    // A bad rules file is refused before the workspace is even opened.
    let rules = args.rules.as_deref().map(read_stage_rules_file).transpose()?;
    crate::import_guarded(path, file, || import_into(path, file, skip_invalid, args, rules.as_ref()))
}

fn import_into(
    path: &Path,
    file: &Path,
    skip_invalid: bool,
    args: &EventArgs,
    rules: Option<&StageRules>,
) -> anyhow::Result<()> {
    let mut workspace = Workspace::open(path)?;
    if rules.is_none() && workspace.stage_rules()?.is_none() {
        return Err(StoreError::NoStageRules { path: path.to_path_buf() }.into());
    }
    let options = ImportOptions { skip_invalid, ..ImportOptions::default() };
    let mut printer = crate::ProgressPrinter::new();
    let log = read_event_log(file, &args.columns(), &options, &mut |p| printer.show(p));
    let log = match log {
        Ok(log) => log,
        Err(err) => {
            printer.finish();
            return Err(err.into());
        }
    };
    if let Some(backup) = workspace.backup_before_import(file)? {
        eprintln!("Backed up the workspace to {} first", backup.path.display());
    }
    let result = workspace.import_event_log(&log, rules, &options, &mut |p| printer.show(p));
    printer.finish();
    match result {
        Ok(summary) => {
            println!("{summary}");
            Ok(())
        }
        Err(err) => Err(crate::import_error(err, path)),
    }
}

/// `fanpath rules show|set`.
pub fn rules(path: &Path, command: RulesCommand) -> anyhow::Result<()> {
    match command {
        RulesCommand::Show { format } => {
            let workspace = Workspace::open_read_only(path)?;
            let Some(rules) = workspace.stage_rules()? else {
                anyhow::bail!(
                    "{} has no stage rules saved; set them with `fanpath rules set RULES.csv` (header event,occurrence,stage)",
                    path.display()
                );
            };
            match format {
                RulesFormat::Csv => print!("{}", stage_rules_csv(&rules)),
                RulesFormat::Json => println!("{}", rules_json(&rules)),
            }
            Ok(())
        }
        RulesCommand::Set { file } => {
            std::fs::metadata(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let rules = read_stage_rules_file(&file)?;
            crate::import_guarded(path, &file, || {
                let mut workspace = Workspace::open(path)?;
                workspace.set_stage_rules(&rules).map_err(|err| err.in_file(path))?;
                let n = rules.as_slice().len() as u64;
                println!(
                    "Saved {} stage rules in {}",
                    fanpath::i18n::format::count(n, Language::English),
                    path.display()
                );
                Ok(())
            })
        }
    }
}

/// The rules as JSON: `{"rules": [{"event": "order", "occurrence": 2, "stage": 4,
/// "stage_name": "Acclimation"}, …]}` (`occurrence` null for "earliest").
fn rules_json(rules: &StageRules) -> String {
    let rows: Vec<serde_json::Value> = rules
        .into_iter()
        .map(|rule| {
            serde_json::json!({
                "event": rule.event.as_str(),
                "occurrence": rule.occurrence.map(std::num::NonZeroU32::get),
                "stage": rule.stage.number(),
                "stage_name": rule.stage.name(Language::English),
            })
        })
        .collect();
    serde_json::json!({ "rules": rows }).to_string()
}
