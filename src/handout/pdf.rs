//! The PDF backend of [`Canvas`]: krilla pages with the bundled Noto Sans embedded (subset to
//! the glyphs used), so the text is real text — selectable, searchable, Vietnamese included.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use super::canvas::{ASCENT, Area, Canvas, Pt};
use super::{HandoutError, NOTO_SANS_TTF};
use crate::model::Rgb;

/// A PDF being written, page by page.
pub struct PdfBuilder {
    document: krilla::Document,
    font: Font,
    /// The same font for measuring text (krilla's own shaper is private to it).
    face: rustybuzz::Face<'static>,
    pages: usize,
}

impl PdfBuilder {
    /// A new, empty document titled `title` (the PDF's metadata, shown by viewers).
    pub fn new(title: &str) -> Result<Self, HandoutError> {
        let font = Font::new(krilla::Data::from(NOTO_SANS_TTF), 0).ok_or(HandoutError::Font)?;
        let face = rustybuzz::Face::from_slice(NOTO_SANS_TTF, 0).ok_or(HandoutError::Font)?;
        let mut document = krilla::Document::new();
        document.set_metadata(Metadata::new().title(title.to_owned()).creator("Fanpath".to_owned()));
        Ok(Self { document, font, face, pages: 0 })
    }

    /// Adds a page of `size` (width, height in points) and draws on it.
    pub fn page(&mut self, size: (f32, f32), draw: impl FnOnce(&mut dyn Canvas)) -> Result<(), HandoutError> {
        let settings = PageSettings::from_wh(size.0, size.1).ok_or(HandoutError::PageSize)?;
        let mut page = self.document.start_page_with(settings);
        {
            let surface = page.surface();
            let mut canvas = PdfCanvas { surface, font: &self.font, face: &self.face };
            draw(&mut canvas);
            canvas.surface.finish();
        }
        page.finish();
        self.pages += 1;
        Ok(())
    }

    /// Pages added so far.
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// The finished file.
    pub fn finish(self) -> Result<Vec<u8>, HandoutError> {
        self.document.finish().map_err(|err| HandoutError::Pdf(format!("{err:?}")))
    }
}

struct PdfCanvas<'a, 'p> {
    surface: Surface<'p>,
    font: &'a Font,
    face: &'a rustybuzz::Face<'static>,
}

fn fill(color: Rgb) -> Fill {
    let [r, g, b] = color.0;
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::ONE,
        rule: krilla::paint::FillRule::default(),
    }
}

impl PdfCanvas<'_, '_> {
    /// `text` with the arrows Noto Sans lacks (the findings use "→") spelt out, so no empty
    /// box is printed; every other character is kept.
    fn printable<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        let missing = |c: char| self.face.glyph_index(c).is_none();
        if !text.chars().any(|c| matches!(c, '→' | '←') && missing(c)) {
            return std::borrow::Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len() + 4);
        for c in text.chars() {
            match c {
                '→' if missing(c) => out.push_str("->"),
                '←' if missing(c) => out.push_str("<-"),
                _ => out.push(c),
            }
        }
        std::borrow::Cow::Owned(out)
    }
}

impl Canvas for PdfCanvas<'_, '_> {
    fn text_width(&self, text: &str, size_pt: f32) -> f32 {
        let text = self.printable(text);
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(&text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(self.face, &[], buffer);
        let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        // Font units of one line: far below f32's exact range.
        units as f32 * size_pt / self.face.units_per_em() as f32
    }

    fn text(&mut self, at: Pt, size_pt: f32, color: Rgb, text: &str) {
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(fill(color)));
        let baseline = Point::from_xy(at.x, at.y + ASCENT * size_pt);
        let text = self.printable(text);
        self.surface.draw_text(baseline, self.font.clone(), size_pt, &text, false, TextDirection::Auto);
    }

    fn fill_rect(&mut self, area: Area, color: Rgb) {
        let Some(rect) = krilla::geom::Rect::from_xywh(area.x, area.y, area.w, area.h) else { return };
        let mut path = PathBuilder::new();
        path.push_rect(rect);
        let Some(path) = path.finish() else { return };
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(fill(color)));
        self.surface.draw_path(&path);
    }

    fn polyline(&mut self, points: &[Pt], width_pt: f32, color: Rgb, dashed: bool) {
        let mut path = PathBuilder::new();
        for (index, p) in points.iter().enumerate() {
            if index == 0 {
                path.move_to(p.x, p.y);
            } else {
                path.line_to(p.x, p.y);
            }
        }
        let Some(path) = path.finish() else { return };
        let [r, g, b] = color.0;
        self.surface.set_fill(None);
        self.surface.set_stroke(Some(Stroke {
            paint: rgb::Color::new(r, g, b).into(),
            width: width_pt,
            dash: dashed.then(|| StrokeDash { array: vec![4.0 * width_pt, 3.0 * width_pt], offset: 0.0 }),
            ..Stroke::default()
        }));
        self.surface.draw_path(&path);
        self.surface.set_stroke(None);
    }

    fn dot(&mut self, center: Pt, radius_pt: f32, color: Rgb) {
        // A circle from four cubic Béziers (the usual 0.5523 handle length).
        let (x, y, r) = (center.x, center.y, radius_pt);
        let k = 0.552_284_8 * r;
        let mut path = PathBuilder::new();
        path.move_to(x + r, y);
        path.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
        path.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
        path.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
        path.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
        path.close();
        let Some(path) = path.finish() else { return };
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(fill(color)));
        self.surface.draw_path(&path);
    }

    fn image(&mut self, area: Area, image: &image::RgbaImage) {
        let Some(size) = Size::from_wh(area.w, area.h) else { return };
        let pixels = Image::from_rgba8(image.as_raw().clone(), image.width(), image.height());
        self.surface.push_transform(&Transform::from_translate(area.x, area.y));
        self.surface.draw_image(pixels, size);
        self.surface.pop();
    }
}
