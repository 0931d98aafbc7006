//! The `fanpath` command: opens the window, or imports, reports and makes demo data
//! from the command line.

mod backup_cli;
mod export_cli;
mod handout_cli;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use fanpath::model::Language;
use fanpath::store::backup::BackupReason;
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
    },
    /// Print the funnel: customers reaching each stage, drop-off, median days and emotions.
    Report {
        /// Only the customers and emotions of this persona (name in any case).
        #[arg(long, value_name = "NAME")]
        persona: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Fill the workspace with a demo: a Vietnamese coffee chain with four personas.
    Demo {
        /// How many customers to make up.
        #[arg(long, value_name = "N", default_value_t = DemoOptions::DEFAULT_CUSTOMERS)]
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
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum KindArg {
    Customers,
    Emotions,
    Workspace,
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
        Command::Import { kind: KindArg::Workspace, file, skip_invalid, replace } => {
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
        Command::Import { kind, file, skip_invalid, replace: false } => {
            import(&path, kind, &file, skip_invalid)
        }
        Command::Report { persona, format } => {
            let workspace = open_existing(&path)?;
            let report = workspace.report(persona.as_deref()).map_err(|err| err.in_file(&path))?;
            match format {
                Format::Table => print!("{}", report.to_table()),
                Format::Json => println!("{}", report.to_json()),
            }
            Ok(())
        }
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
        Command::Demo { customers, seed, replace } => {
            let mut workspace = Workspace::open(&path)?;
            let today = chrono::Local::now().date_naive();
            let options = DemoOptions { customers, seed, today, replace };
            if replace && let Some(backup) = workspace.backup_now(BackupReason::BeforeChange)? {
                eprintln!("Backed up the workspace to {} first", backup.path.display());
            }
            let summary = workspace.write_demo(&options).map_err(|err| err.in_file(&path))?;
            println!("{summary}");
            println!("Workspace: {}", path.display());
            Ok(())
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

fn import(path: &Path, kind: KindArg, file: &Path, skip_invalid: bool) -> anyhow::Result<()> {
    // Check the CSV first so a wrong file name does not even open the workspace.
    std::fs::metadata(file).with_context(|| format!("cannot read {}", file.display()))?;
    let before = match std::fs::metadata(path) {
        Err(_) => Before::Nothing,
        Ok(meta) if meta.is_file() && meta.len() == 0 => Before::EmptyFile,
        Ok(_) => Before::Workspace,
    };
    let result = import_into(path, kind, file, skip_invalid);
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

fn import_into(path: &Path, kind: KindArg, file: &Path, skip_invalid: bool) -> anyhow::Result<()> {
    let mut workspace = Workspace::open(path)?;
    let kind = match kind {
        KindArg::Customers => ImportKind::Customers,
        KindArg::Emotions => ImportKind::Emotions,
        KindArg::Workspace => anyhow::bail!("a workspace file is not a CSV file"),
    };
    if let Some(backup) = workspace.backup_before_import(file)? {
        eprintln!("Backed up the workspace to {} first", backup.path.display());
    }
    let terminal = std::io::stderr().is_terminal();
    let mut shown = false;
    let mut progress = |p: ImportProgress| {
        let line = p.message(Language::English);
        // Small imports finish before a progress line would help.
        if let ImportProgress::Written { total, .. } = p
            && total < fanpath::store::PROGRESS_EVERY
            && !shown
        {
            return;
        }
        shown = true;
        if terminal {
            eprint!("\r{line}\x1b[K");
        } else {
            eprintln!("{line}");
        }
    };
    let result = workspace.import_csv(kind, file, ImportOptions { skip_invalid }, &mut progress);
    if shown && terminal {
        eprintln!();
    }
    match result {
        Ok(summary) => {
            println!("{summary}");
            Ok(())
        }
        Err(err @ StoreError::InvalidRows { .. }) => {
            Err(anyhow::anyhow!("{err}\nFix these rows, or pass --skip-invalid to import the valid ones."))
        }
        Err(err) => Err(err.in_file(path).into()),
    }
}
