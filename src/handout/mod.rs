//! Hand-outs for workshops: the journey map poster (A3 landscape, PDF or PNG), the persona
//! one-pager (A4 PDF) and the workshop pack (one PDF with everything).
//!
//! A layer between `i18n` and `ui`, free of egui: [`data`] gathers what a hand-out shows
//! from the workspace into plain values; the layouts ([`journey_map`], [`persona_page`],
//! [`pack`]) draw those values on a [`Canvas`] in points; [`pdf`] is the PDF canvas. The
//! PNG of the poster is drawn by the same layout on an egui canvas (`ui/handout_png.rs`).

pub mod canvas;
pub mod data;
pub mod journey_map;
pub mod pack;
pub mod pdf;
pub mod persona_page;

pub use canvas::Canvas;
pub use data::{JourneyMap, StageLane, WorkshopPack, opportunities};

use crate::i18n::{Text, Tr};
use crate::model::{Language, Persona};
use crate::store::StoreError;
use pdf::PdfBuilder;

/// The bundled font (Noto Sans, with Vietnamese), used on screen and embedded in PDFs.
pub const NOTO_SANS_TTF: &[u8] = include_bytes!("../../assets/NotoSans-Regular.ttf");

/// Page sizes in points (width, height).
pub const A3_LANDSCAPE: (f32, f32) = (1190.55, 841.89);
pub const A4_PORTRAIT: (f32, f32) = (595.28, 841.89);
pub const A4_LANDSCAPE: (f32, f32) = (841.89, 595.28);

/// A hand-out could not be made.
#[derive(Debug, thiserror::Error)]
pub enum HandoutError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the bundled font could not be read")]
    Font,
    #[error("a page size is not valid")]
    PageSize,
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

impl HandoutError {
    /// The error in `language`, for the app's error dialog.
    pub fn message(&self, language: Language) -> String {
        match self {
            Self::Store(err) => err.message(language),
            Self::Font | Self::PageSize | Self::Pdf(_) => {
                format!("{}: {self}", Tr(language).t(Text::HandoutFailed))
            }
        }
    }
}

/// A finished PDF and how many pages it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// The journey map poster of `map.persona` as a one-page A3 landscape PDF.
pub fn journey_map_pdf(map: &JourneyMap, language: Language) -> Result<Written, HandoutError> {
    let title = format!("{} — {}", Tr(language).t(Text::HandoutJourneyMap), map.persona.name);
    let mut pdf = PdfBuilder::new(&title)?;
    pdf.page(A3_LANDSCAPE, |canvas| journey_map::draw_journey_map(canvas, map, language))?;
    finish(pdf)
}

/// The persona card as a one-page A4 PDF.
pub fn persona_pdf(persona: &Persona, language: Language) -> Result<Written, HandoutError> {
    let title = format!("{} — {}", Tr(language).t(Text::PersonaCard), persona.name);
    let mut pdf = PdfBuilder::new(&title)?;
    pdf.page(A4_PORTRAIT, |canvas| persona_page::draw_persona_page(canvas, persona, language))?;
    finish(pdf)
}

/// The workshop pack: the eight-stage overview, each persona's one-pager and journey map,
/// the funnel and the findings.
pub fn workshop_pack_pdf(pack: &WorkshopPack, language: Language) -> Result<Written, HandoutError> {
    let title = format!("{} — {}", Tr(language).t(Text::HandoutWorkshopPack), pack.title);
    let mut pdf = PdfBuilder::new(&title)?;
    pdf.page(A4_LANDSCAPE, |canvas| pack::draw_overview(canvas, &pack.title, language))?;
    for map in &pack.maps {
        pdf.page(A4_PORTRAIT, |canvas| persona_page::draw_persona_page(canvas, &map.persona, language))?;
        pdf.page(A3_LANDSCAPE, |canvas| journey_map::draw_journey_map(canvas, map, language))?;
    }
    pdf.page(A4_LANDSCAPE, |canvas| pack::draw_funnel(canvas, &pack.report, language))?;
    let mut first = 0;
    loop {
        let mut drawn = 0;
        pdf.page(A4_LANDSCAPE, |canvas| {
            drawn = pack::draw_findings(canvas, &pack.findings, first, language)
        })?;
        first += drawn;
        if drawn == 0 || first >= pack.findings.len() {
            break;
        }
    }
    finish(pdf)
}

fn finish(pdf: PdfBuilder) -> Result<Written, HandoutError> {
    let pages = pdf.pages();
    Ok(Written { bytes: pdf.finish()?, pages })
}

/// The persona's avatar decoded to pixels; none without one (or if it does not decode:
/// the layouts then draw a square of the persona's colour).
pub fn avatar_image(persona: &Persona) -> Option<image::RgbaImage> {
    let png = persona.avatar_png.as_ref()?;
    image::load_from_memory(png).ok().map(|image| image.to_rgba8())
}
