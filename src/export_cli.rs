//! `fanpath export`: writes the funnel or a chart to a file.
//!
//! To add an export, add a variant to [`ExportWhat`] (its doc comment is the subcommand's
//! help) and a match arm in [`run`]; write the file with
//! [`fanpath::store::export::write_export`] so it is replaced atomically.

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use fanpath::i18n::format::count;
use fanpath::model::Language;
use fanpath::store::AnalyticsOptions;
use fanpath::store::export::{funnel_csv, write_export};

use crate::open_existing;
use fanpath::ui::analytics::export::chart_png;
use fanpath::ui::analytics::{Chart, ChartOptions};

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
    },
    /// Write the whole workspace as a portable workspace file (JSON, described by
    /// docs/workspace.schema.json): every persona, touchpoint, emotion entry and customer.
    Workspace {
        /// The JSON file to write (replaced if it exists).
        file: PathBuf,
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
}

impl From<ChartArg> for Chart {
    fn from(arg: ChartArg) -> Self {
        match arg {
            ChartArg::Funnel => Self::Funnel,
            ChartArg::Emotion => Self::EmotionCurve,
            ChartArg::EmotionDropoff => Self::EmotionVsDropOff,
            ChartArg::Time => Self::TimeToStage,
            ChartArg::Stalled => Self::Stalled,
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
        ExportWhat::Funnel { file, format, persona } => {
            let Some(format) = format.or_else(|| FunnelFormat::from_extension(&file)) else {
                anyhow::bail!(
                    "cannot tell the format of {} from its name: pass --format csv or --format json",
                    file.display()
                );
            };
            let workspace = open_existing(db)?;
            let report = workspace.report(persona.as_deref()).map_err(|err| err.in_file(db))?;
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
        ExportWhat::Chart { chart, file, persona, language } => {
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
            let options = AnalyticsOptions { persona, ..AnalyticsOptions::default() };
            let analytics = workspace.analytics(&options).map_err(|err| err.in_file(db))?;
            let png = chart_png(chart.into(), &analytics, &ChartOptions::default(), language.into())
                .map_err(|err| anyhow::anyhow!("could not draw the chart: {err}"))?;
            write_export(&file, png)?;
            println!("Wrote the {} chart to {}", Chart::from(chart).key(), file.display());
            Ok(())
        }
        ExportWhat::Workspace { file } => crate::backup_cli::export_workspace(db, &file),
        ExportWhat::Map { file, persona, language } => {
            crate::handout_cli::map(db, &file, &persona, language.into())
        }
        ExportWhat::Persona { file, persona, language } => {
            crate::handout_cli::persona(db, &file, &persona, language.into())
        }
        ExportWhat::Pack { file, language } => crate::handout_cli::pack(db, &file, language.into()),
    }
}
