//! `fanpath export`: writes the funnel or a chart to a file.
//!
//! To add an export, add a variant to [`ExportWhat`] (its doc comment is the subcommand's
//! help) and a match arm in [`run`]; write the file with
//! [`fanpath::store::export::write_export`] so it is replaced atomically.

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use fanpath::i18n::format::count;
use fanpath::model::Language;
use fanpath::model::launch::DEFAULT_WINDOW_DAYS;
use fanpath::store::AnalyticsOptions;
use fanpath::store::export::{funnel_csv, write_export};

use crate::open_existing;
use crate::range_cli::{CohortArg, RangeArgs};
use fanpath::ui::analytics::export::chart_png;
use fanpath::ui::analytics::{Chart, ChartOptions};
use fanpath::ui::compare::export::{compare_png, read_comparison};

/// What `fanpath export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// Write the funnel report (the numbers of `fanpath report`) as CSV or JSON.
    ///
    /// CSV: one row per stage, UTF-8 with a byte-order mark and CRLF line ends, so Excel
    /// opens it with Vietnamese text intact. JSON: the shape of `fanpath report --format json`.
    Funnel {
        /// The file to write (replaced if it exists).
        file: PathBuf,
        /// File format [default: from the file's extension, .csv or .json]
        #[arg(long, value_enum)]
        format: Option<FunnelFormat>,
        /// Only the customers and emotions of this persona (name in any case).
        #[arg(long, value_name = "NAME")]
        persona: Option<String>,
        #[command(flatten)]
        range: RangeArgs,
        /// JSON only: add the customers by month or week of first event.
        #[arg(long, value_enum, value_name = "PERIOD")]
        cohorts: Option<CohortArg>,
    },
    /// Draw a chart of the Analytics view into a PNG (1600 × 900 pixels), without a window.
    Chart {
        /// Which chart.
        #[arg(value_enum)]
        chart: ChartArg,
        /// The PNG file to write (replaced if it exists).
        file: PathBuf,
        /// Only the customers and emotions of this persona (name in any case).
        #[arg(long, value_name = "NAME")]
        persona: Option<String>,
        /// Language of the chart's text.
        #[arg(long, value_enum, default_value = "en")]
        language: LanguageArg,
        #[command(flatten)]
        range: RangeArgs,
        /// For the cohorts chart: one row per month (the default) or per week.
        #[arg(long, value_enum, value_name = "PERIOD")]
        cohorts: Option<CohortArg>,
        /// For `compare`: the two journey versions, before (A) and after (B).
        #[arg(long, num_args = 2, value_names = ["A", "B"])]
        versions: Vec<String>,
        /// For `launch`: the journey version whose launch date splits the customers (or a
        /// launch date, YYYY-MM-DD).
        #[arg(long, value_name = "NAME")]
        version: Option<String>,
        /// For `launch`: days on each side of the launch, and the least time since a counted
        /// customer's first event [default: 90].
        #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=3650))]
        window: Option<u32>,
    },
    /// Write the whole workspace as a portable workspace file (JSON, described by
    /// docs/workspace.schema.json): every persona, touchpoint, emotion entry and customer.
    Workspace {
        /// The JSON file to write (replaced if it exists).
        file: PathBuf,
    },
    /// Write the opportunity backlog of a journey version as CSV (UTF-8 with a byte-order
    /// mark, CRLF), in the columns `fanpath import opportunities` reads back.
    Opportunities {
        /// The CSV file to write (replaced if it exists).
        file: PathBuf,
        /// The journey version [default: the first version].
        #[arg(long, value_name = "NAME")]
        version: Option<String>,
    },

    // Hand-outs (issue #11 §3).
    /// Draw a persona's journey map poster: A3 landscape, the eight stages as columns, lanes
    /// for goals, touchpoints, the emotion curve, quotes, pain points and opportunities.
    Map {
        /// The file to write, .pdf (text searchable, font embedded) or .png (replaced if it exists).
        file: PathBuf,
        /// The persona (name in any case).
        #[arg(long, value_name = "NAME")]
        persona: String,
        /// Language of the poster's text.
        #[arg(long, value_enum, default_value = "en")]
        language: LanguageArg,
        /// The journey version whose touchpoints and opportunities it shows [default: the first].
        #[arg(long, value_name = "NAME")]
        version: Option<String>,
    },
    /// Write a persona's card as a one-page A4 PDF with its avatar.
    Persona {
        /// The PDF file to write (replaced if it exists).
        file: PathBuf,
        /// The persona (name in any case).
        #[arg(long, value_name = "NAME")]
        persona: String,
        /// Language of the page's text.
        #[arg(long, value_enum, default_value = "en")]
        language: LanguageArg,
    },
    /// Write the workshop pack: one PDF with the eight-stage overview, every persona's card
    /// and journey map, the funnel and the findings.
    Pack {
        /// The PDF file to write (replaced if it exists).
        file: PathBuf,
        /// Language of the pack's text.
        #[arg(long, value_enum, default_value = "en")]
        language: LanguageArg,
        /// The journey version of the maps and findings [default: the first].
        #[arg(long, value_name = "NAME")]
        version: Option<String>,
    },
}

/// The charts `fanpath export chart` draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ChartArg {
    /// Customers reaching each stage, with drop-off rates.
    Funnel,
    /// Mean, highest and lowest emotion per stage, per persona.
    Emotion,
    /// Funnel bars with the mean emotion on a second axis.
    EmotionDropoff,
    /// Median days from the first event to each stage.
    Time,
    /// Stalled customers per stage.
    Stalled,
    /// Share of each month's (or week's) new customers reaching each stage.
    Cohorts,
    /// Two journey versions side by side (needs --versions A B).
    Compare,
    /// Before / after a launch: both groups' funnels and the change in each step (needs
    /// --version NAME).
    Launch,
}

impl ChartArg {
    /// The Analytics chart drawn from the filter alone, or none for the Compare view (not
    /// an Analytics chart) and the launch chart (it needs a version's launch).
    fn analytics_chart(self) -> Option<Chart> {
        match self {
            Self::Funnel => Some(Chart::Funnel),
            Self::Emotion => Some(Chart::EmotionCurve),
            Self::EmotionDropoff => Some(Chart::EmotionVsDropOff),
            Self::Time => Some(Chart::TimeToStage),
            Self::Stalled => Some(Chart::Stalled),
            Self::Cohorts => Some(Chart::Cohorts),
            Self::Compare | Self::Launch => None,
        }
    }
}

/// `--language en|vi`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LanguageArg {
    En,
    Vi,
}

impl From<LanguageArg> for Language {
    fn from(arg: LanguageArg) -> Self {
        match arg {
            LanguageArg::En => Self::English,
            LanguageArg::Vi => Self::Vietnamese,
        }
    }
}

/// File format of `fanpath export funnel`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FunnelFormat {
    Csv,
    Json,
}

impl FunnelFormat {
    /// The format a file name implies: `.csv` or `.json`, in any case.
    fn from_extension(file: &Path) -> Option<Self> {
        let extension = file.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(Self::Csv),
            "json" => Some(Self::Json),
            _ => None,
        }
    }
}

/// Runs `fanpath export …` on the workspace at `db`.
pub fn run(db: &Path, what: ExportWhat) -> anyhow::Result<()> {
    match what {
        ExportWhat::Funnel { file, format, persona, range, cohorts } => {
            let Some(format) = format.or_else(|| FunnelFormat::from_extension(&file)) else {
                anyhow::bail!(
                    "cannot tell the format of {} from its name: pass --format csv or --format json",
                    file.display()
                );
            };
            let range = range.range()?;
            if cohorts.is_some() && format == FunnelFormat::Csv {
                anyhow::bail!("--cohorts goes with JSON; for cohorts as CSV use the Analytics view's export");
            }
            let workspace = open_existing(db)?;
            let report = workspace
                .report_with(persona.as_deref(), &range, cohorts.map(Into::into))
                .map_err(|err| err.in_file(db))?;
            let contents = match format {
                FunnelFormat::Csv => funnel_csv(&report),
                FunnelFormat::Json => format!("{}\n", report.to_json()),
            };
            write_export(&file, contents)?;
            let scope =
                report.persona.as_ref().map_or_else(|| "all personas".to_owned(), |p| format!("persona {p}"));
            let customers = report.customers();
            let noun = if customers == 1 { "customer" } else { "customers" };
            println!(
                "Wrote the funnel of {scope} ({} {noun}) to {}",
                count(customers, Language::English),
                file.display()
            );
            Ok(())
        }
        ExportWhat::Chart { chart, file, persona, language, range, cohorts, versions, version, window } => {
            let range = range.range()?;
            let language = match language {
                LanguageArg::En => Language::English,
                LanguageArg::Vi => Language::Vietnamese,
            };
            if chart != ChartArg::Launch && (version.is_some() || window.is_some()) {
                anyhow::bail!("--version and --window are for `export chart launch`");
            }
            if chart == ChartArg::Launch {
                let Some(version) = version else {
                    anyhow::bail!(
                        "`export chart launch` needs the version whose launch to compare: --version NAME"
                    );
                };
                let ask = crate::launch_cli::LaunchChart {
                    version: &version,
                    window_days: window.unwrap_or(DEFAULT_WINDOW_DAYS),
                    persona: persona.as_deref(),
                    language,
                };
                return crate::launch_cli::export_chart(db, &file, &ask);
            }
            let Some(chart) = chart.analytics_chart() else {
                return export_compare(db, &file, persona.as_deref(), &versions, language);
            };
            if !versions.is_empty() {
                anyhow::bail!("--versions is for `export chart compare`");
            }
            let workspace = open_existing(db)?;
            let persona = match persona {
                Some(name) => Some(
                    workspace
                        .persona_by_name(&name)?
                        .ok_or_else(|| {
                            anyhow::anyhow!("there is no persona called \"{name}\" in {}", db.display())
                        })?
                        .id,
                ),
                None => None,
            };
            let options = AnalyticsOptions {
                persona,
                range,
                cohort_period: cohorts.map(Into::into).unwrap_or_default(),
                ..AnalyticsOptions::default()
            };
            let analytics = workspace.analytics(&options).map_err(|err| err.in_file(db))?;
            let png = chart_png(chart, &analytics, &ChartOptions::default(), language)
                .map_err(|err| anyhow::anyhow!("could not draw the chart: {err}"))?;
            write_export(&file, png)?;
            println!("Wrote the {} chart to {}", chart.key(), file.display());
            Ok(())
        }
        ExportWhat::Workspace { file } => crate::backup_cli::export_workspace(db, &file),
        ExportWhat::Opportunities { file, version } => {
            crate::opportunities_cli::export(db, &file, version.as_deref())
        }
        ExportWhat::Map { file, persona, language, version } => {
            crate::handout_cli::map(db, &file, &persona, version.as_deref(), language.into())
        }
        ExportWhat::Persona { file, persona, language } => {
            crate::handout_cli::persona(db, &file, &persona, language.into())
        }
        ExportWhat::Pack { file, language, version } => {
            crate::handout_cli::pack(db, &file, version.as_deref(), language.into())
        }
    }
}

/// `fanpath export chart compare FILE --versions A B [--persona NAME]`.
fn export_compare(
    db: &Path,
    file: &Path,
    persona: Option<&str>,
    versions: &[String],
    language: Language,
) -> anyhow::Result<()> {
    let [a, b] = versions else {
        anyhow::bail!("`export chart compare` needs the two versions to compare: --versions A B");
    };
    let workspace = open_existing(db)?;
    let (a, b) = (
        crate::versions_cli::version_id(&workspace, Some(a))?,
        crate::versions_cli::version_id(&workspace, Some(b))?,
    );
    let persona = match persona {
        Some(name) => Some(
            workspace
                .persona_by_name(name)?
                .ok_or_else(|| anyhow::anyhow!("there is no persona called \"{name}\" in {}", db.display()))?
                .id,
        ),
        None => None,
    };
    let shown = read_comparison(&workspace, (a, b), persona, language).map_err(|err| err.in_file(db))?;
    let png =
        compare_png(&shown, language).map_err(|err| anyhow::anyhow!("could not draw the chart: {err}"))?;
    write_export(file, png)?;
    println!("Wrote the comparison {} to {}", shown.title(), file.display());
    Ok(())
}
