//! The `fanpath` command: opens the window, or imports, reports and makes demo data
//! from the command line.

mod backup_cli;
mod events_cli;
mod export_cli;
mod handout_cli;
mod launch_cli;
mod opportunities_cli;
mod range_cli;
mod template_cli;
mod versions_cli;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use fanpath::model::Language;
use fanpath::store::{DemoOptions, ImportKind, ImportOptions, ImportProgress, StoreError, Workspace};

/// Model the eight-stage customer experience: personas, emotions, drop-off.
///
/// Without a command, opens the window.
#[derive(Debug, Parser)]
#[command(name = "fanpath", version)]
struct Cli {
    /// The workspace file [default: workspace.sqlite in the platform's data directory]
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Import customers' stage events or emotion entries from a CSV file.
    ///
    /// customers: customer_id,persona,stage,reached_at (all required).
    /// emotions: persona,stage,score,label,note,touchpoint,source,logged_at
    /// (persona, stage and score required). Columns in any order and case; `,` or `;`.
    /// Any invalid row refuses the whole file unless --skip-invalid.
    /// workspace: a workspace file written by `fanpath export workspace` (JSON).
    /// events: any event log or order history (customer_id,event,timestamp by default),
    /// mapped onto the stages by the stage rules (--rules, or the saved ones).
    /// opportunities: title,stage,persona,status,value,effort,owner,evidence,note,created
    /// (title and stage required; an unknown persona is refused) into --version.
    Import {
        /// What the file holds.
        #[arg(value_enum)]
        kind: KindArg,
        /// The CSV file.
        file: PathBuf,
        /// Import the valid rows and list the invalid ones, instead of refusing the file.
        #[arg(long)]
        skip_invalid: bool,
        /// For a workspace file: replace everything in the workspace (backed up first).
        #[arg(long)]
        replace: bool,
        /// For opportunities: the journey version they belong to [default: the first version].
        #[arg(long, value_name = "NAME")]
        version: Option<String>,
        #[command(flatten)]
        events: events_cli::EventArgs,
    },
    /// Show or set the stage rules: which events of an event log mean which stage.
    Rules {
        #[command(subcommand)]
        command: events_cli::RulesCommand,
    },
    /// Print the funnel: customers reaching each stage, drop-off, median days and emotions.
    Report {
        /// Only the customers and emotions of this persona (name in any case).
        #[arg(long, value_name = "NAME")]
        persona: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        #[command(flatten)]
        range: range_cli::RangeArgs,
        /// Add the customers by month or week of first event, with how many reached each stage.
        #[arg(long, value_enum, value_name = "PERIOD")]
        cohorts: Option<range_cli::CohortArg>,
        /// Add this journey version's target emotions and the findings drawn with its
        /// touchpoints and targets ("Current" is the first version).
        #[arg(long, value_name = "NAME")]
        version: Option<String>,
        /// Instead of the funnel: customers who started before the launch of this version
        /// (its name, or a launch date YYYY-MM-DD) against those who started after it.
        #[arg(long, value_name = "VERSION")]
        compare_launch: Option<String>,
        /// With --compare-launch: days on each side of the launch, and the least time since
        /// a customer's first event for it to count.
        #[arg(long, value_name = "DAYS", default_value_t = fanpath::model::launch::DEFAULT_WINDOW_DAYS,
              value_parser = clap::value_parser!(u32).range(1..=3650), requires = "compare_launch")]
        window: u32,
        /// With --compare-launch: the day to count customers' age up to [default: today].
        #[arg(long, value_name = "YYYY-MM-DD", requires = "compare_launch")]
        today: Option<chrono::NaiveDate>,
    },
    /// Fill the workspace from a template: a coffee chain (the default), a software
    /// service, a dental clinic, a fitness club … with personas, touchpoints, emotions and
    /// made-up customers.
    Demo {
        /// A built-in template (coffee, saas, clinic, fitness, language-school) or a
        /// template file (.json, see assets/templates/README.md).
        #[arg(long, value_name = "NAME|FILE", default_value = "coffee")]
        template: String,
        /// The language of a built-in template [default: vi].
        #[arg(long, value_enum)]
        language: Option<export_cli::LanguageArg>,
        /// How many customers to make up.
        #[arg(long, value_name = "N", default_value_t = DemoOptions::DEFAULT_CUSTOMERS,
              value_parser = clap::value_parser!(u64).range(1..=DemoOptions::MAX_CUSTOMERS))]
        customers: u64,
        /// Seed of the generator: the same seed on the same day gives the same data.
        #[arg(long, default_value_t = DemoOptions::DEFAULT_SEED)]
        seed: u64,
        /// Delete everything in the workspace first (without it, a workspace with data is refused).
        #[arg(long)]
        replace: bool,
    },
    /// Write the funnel to a CSV or JSON file.
    Export {
        #[command(subcommand)]
        what: export_cli::ExportWhat,
    },

    // Backups.
    /// Back up the workspace now: into its rolling backups folder, or into FILE.
    ///
    /// Rolling backups go to backups/<workspace name>/ in the workspace's folder; the
    /// newest of each of the last 7 days and of the 4 weeks before are kept, and up to 10
    /// from the last 24 hours.
    Backup {
        /// Write one backup here instead (replaced if it exists).
        file: Option<PathBuf>,
    },
    /// List the workspace's rolling backups, newest first: date, size, personas, customers.
    Backups,
    /// Replace the workspace with a backup; the current state is backed up first.
    Restore {
        /// The backup file (one listed by `fanpath backups`, or one written by `fanpath backup FILE`).
        file: PathBuf,
    },
    /// Check the whole workspace file with SQLite's integrity check, reading every page.
    ///
    /// Prints "ok", or the problems found and exits with 1. The file is only read.
    Check,

    // Journey versions (issue #10).
    /// List the journey versions: name, kind (as-is / to-be), launch date, touchpoints.
    Versions,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum KindArg {
    Customers,
    Emotions,
    Workspace,
    Events,
    Opportunities,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Table,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {}", error_text(&err));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes, each said once: a cause whose words the message already holds
/// (SQLite's "database is locked" inside a store error, say) is not repeated after it.
fn error_text(err: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in err.chain() {
        let cause = cause.to_string();
        if text.contains(&cause) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&cause);
    }
    text
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let Some(command) = cli.command else {
        // The window reopens the last workspace used when no --db is given.
        return fanpath::ui::run(cli.db);
    };
    let path = match cli.db {
        Some(path) => path,
        None => Workspace::default_path()?,
    };
    match command {
        Command::Import { kind, version: Some(_), .. } if !matches!(kind, KindArg::Opportunities) => {
            anyhow::bail!("--version is for `import opportunities`; other data is shared by every version")
        }
        Command::Import { kind: KindArg::Events, file, skip_invalid, replace: false, events, .. } => {
            events_cli::import_events(&path, &file, skip_invalid, &events)
        }
        Command::Import { events, .. } if events.any() => {
            anyhow::bail!(
                "--rules, --customer, --event, --event-name, --time, --persona-column and --persona are for `import events`"
            )
        }
        Command::Rules { command } => events_cli::rules(&path, command),
        Command::Import { kind: KindArg::Workspace, file, skip_invalid, replace, .. } => {
            if skip_invalid {
                anyhow::bail!(
                    "--skip-invalid is for CSV files; a workspace file is imported whole or not at all"
                );
            }
            backup_cli::import_workspace(&path, &file, replace)
        }
        Command::Import { replace: true, .. } => {
            anyhow::bail!("--replace is for `import workspace`; a CSV import adds to the workspace")
        }
        Command::Import { kind, file, skip_invalid, replace: false, version, .. } => {
            import(&path, kind, &file, skip_invalid, version.as_deref())
        }
        Command::Report { persona, format, compare_launch: Some(version), window, today, .. } => {
            let workspace = open_existing(&path)?;
            let ask = launch_cli::CompareLaunch {
                version: &version,
                window_days: window,
                persona: persona.as_deref(),
                today,
                json: matches!(format, Format::Json),
            };
            launch_cli::compare_launch(&path, &workspace, &ask)
        }
        Command::Report { persona, format, range, cohorts, version, compare_launch: None, .. } => {
            let range = range.range()?;
            let workspace = open_existing(&path)?;
            let report = workspace
                .report_with(persona.as_deref(), &range, cohorts.map(Into::into))
                .map_err(|err| err.in_file(&path))?;
            let section = match version.as_deref() {
                Some(name) => {
                    let id = versions_cli::version_id(&workspace, Some(name))?;
                    Some(versions_cli::VersionSection::read(&workspace, persona.as_deref(), id)?)
                }
                None => None,
            };
            match (format, section) {
                (Format::Table, None) => print!("{}", report.to_table()),
                (Format::Table, Some(section)) => print!("{}{}", report.to_table(), section.to_table()),
                (Format::Json, None) => println!("{}", report.to_json()),
                (Format::Json, Some(section)) => println!("{}", section.add_to_json(&report.to_json())?),
            }
            Ok(())
        }
        Command::Versions => versions_cli::list(&path),
        Command::Export { what } => export_cli::run(&path, what),
        Command::Check => {
            let workspace = open_existing(&path)?;
            match workspace.check_integrity() {
                Ok(()) => {
                    println!("ok");
                    Ok(())
                }
                Err(err) => {
                    if let StoreError::FailedCheck { problems, .. } = &err {
                        for problem in problems {
                            println!("{problem}");
                        }
                    }
                    Err(err.into())
                }
            }
        }
        Command::Demo { template, language, customers, seed, replace } => {
            let today = chrono::Local::now().date_naive();
            template_cli::demo(&path, &template, language, DemoOptions { customers, seed, today, replace })
        }
        Command::Backup { file } => backup_cli::backup(&path, file.as_deref()),
        Command::Backups => backup_cli::backups(&path),
        Command::Restore { file } => backup_cli::restore(&path, &file),
    }
}

/// Opens a workspace that must already exist, for reading only: a report or export from a
/// mistyped path (or an empty file) should say so, not create a workspace there, and
/// neither ever writes to the file.
fn open_existing(path: &Path) -> anyhow::Result<Workspace> {
    Ok(Workspace::open_read_only(path)?)
}

/// What was at the workspace path before an import, so a failed import can leave it so.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Before {
    Nothing,
    EmptyFile,
    Workspace,
}

fn import(
    path: &Path,
    kind: KindArg,
    file: &Path,
    skip_invalid: bool,
    version: Option<&str>,
) -> anyhow::Result<()> {
    import_guarded(path, file, || import_into(path, kind, file, skip_invalid, version))
}

/// Runs an import into the workspace at `path`; when it fails and the workspace was made
/// for it, leaves the path as it was (no file, or the empty file).
fn import_guarded(
    path: &Path,
    file: &Path,
    import: impl FnOnce() -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    // Check the CSV first so a wrong file name does not even open the workspace.
    std::fs::metadata(file).with_context(|| format!("cannot read {}", file.display()))?;
    let before = match std::fs::metadata(path) {
        Err(_) => Before::Nothing,
        Ok(meta) if meta.is_file() && meta.len() == 0 => Before::EmptyFile,
        Ok(_) => Before::Workspace,
    };
    let result = import();
    if result.is_err() && before != Before::Workspace {
        // The workspace was made for this import: a failed import leaves nothing behind.
        for suffix in ["-wal", "-shm", "-journal"] {
            let mut companion = path.as_os_str().to_owned();
            companion.push(suffix);
            let _ = std::fs::remove_file(companion);
        }
        let _ = match before {
            Before::EmptyFile => std::fs::File::create(path).map(drop),
            Before::Nothing | Before::Workspace => std::fs::remove_file(path),
        };
    }
    result
}

/// Progress lines of a long import on stderr: rewritten in place on a terminal, one per
/// line otherwise; nothing for a small import that finishes before a line would help.
struct ProgressPrinter {
    terminal: bool,
    shown: bool,
}

impl ProgressPrinter {
    fn new() -> Self {
        Self { terminal: std::io::stderr().is_terminal(), shown: false }
    }

    fn show(&mut self, p: ImportProgress) {
        let line = p.message(Language::English);
        if let ImportProgress::Written { total, .. } = p
            && total < fanpath::store::PROGRESS_EVERY
            && !self.shown
        {
            return;
        }
        self.shown = true;
        if self.terminal {
            eprint!("\r{line}\x1b[K");
        } else {
            eprintln!("{line}");
        }
    }

    /// Ends the progress line on a terminal.
    fn finish(&mut self) {
        if self.shown && self.terminal {
            eprintln!();
        }
        self.shown = false;
    }
}

/// An import's error for the CLI: invalid rows with the hint to skip them.
fn import_error(err: StoreError, path: &Path) -> anyhow::Error {
    match err {
        err @ StoreError::InvalidRows { .. } => {
            anyhow::anyhow!("{err}\nFix these rows, or pass --skip-invalid to import the valid ones.")
        }
        err => err.in_file(path).into(),
    }
}

fn import_into(
    path: &Path,
    kind: KindArg,
    file: &Path,
    skip_invalid: bool,
    version: Option<&str>,
) -> anyhow::Result<()> {
    let mut workspace = Workspace::open(path)?;
    let kind = match kind {
        KindArg::Customers => ImportKind::Customers,
        KindArg::Emotions => ImportKind::Emotions,
        KindArg::Opportunities => ImportKind::Opportunities,
        KindArg::Workspace => anyhow::bail!("a workspace file is not a CSV file"),
        KindArg::Events => anyhow::bail!("an event log is imported by `import events`"),
    };
    if let Some(backup) = workspace.backup_before_import(file)? {
        eprintln!("Backed up the workspace to {} first", backup.path.display());
    }
    if kind == ImportKind::Opportunities {
        let summary = opportunities_cli::import(&mut workspace, path, file, version, skip_invalid)?;
        println!("{summary}");
        return Ok(());
    }
    let mut printer = ProgressPrinter::new();
    let options = ImportOptions { skip_invalid, ..ImportOptions::default() };
    let result = workspace.import_csv(kind, file, options, &mut |p| printer.show(p));
    printer.finish();
    match result {
        Ok(summary) => {
            println!("{summary}");
            Ok(())
        }
        Err(err) => Err(import_error(err, path)),
    }
}
