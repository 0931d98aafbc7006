//! The journey map poster as a PNG: the same layout as the PDF
//! ([`crate::handout::journey_map`]), drawn with egui's painter and rasterized on the CPU by
//! [`super::raster`], so the app and `fanpath export map FILE.png` need no window.

use egui::{Align2, Color32, FontId, LayerId, Painter, Rect, Shape, Stroke, TextureHandle, pos2, vec2};

use super::{raster, style};
use crate::handout::canvas::{Area, Canvas, Pt};
use crate::handout::journey_map::draw_journey_map;
use crate::handout::{A3_LANDSCAPE, JourneyMap};
use crate::model::{Language, Rgb};

/// Pixels per point of the PNG: an A3 page at 144 dpi (2381 × 1684 pixels), sharp enough
/// for the poster's 8-point text on a projector or in a slide.
pub const POSTER_PIXELS_PER_POINT: f32 = 2.0;

/// Draws the journey map poster of `map.persona` into a PNG.
pub fn journey_map_png(map: &JourneyMap, language: Language) -> Result<Vec<u8>, image::ImageError> {
    let size = vec2(A3_LANDSCAPE.0, A3_LANDSCAPE.1);
    // Textures stay alive across the renderer's passes (a dropped handle frees its texture).
    let mut textures: Vec<TextureHandle> = Vec::new();
    let image = raster::render(size, POSTER_PIXELS_PER_POINT, style::install, |ui| {
        let painter = Painter::new(ui.ctx().clone(), LayerId::background(), Rect::EVERYTHING);
        let mut canvas = EguiCanvas { painter, textures: &mut textures };
        draw_journey_map(&mut canvas, map, language);
    });
    raster::png_bytes(&image)
}

/// [`Canvas`] over an egui painter, in points.
struct EguiCanvas<'a> {
    painter: Painter,
    textures: &'a mut Vec<TextureHandle>,
}

fn color(rgb: Rgb) -> Color32 {
    style::color(rgb)
}

impl Canvas for EguiCanvas<'_> {
    fn text_width(&self, text: &str, size_pt: f32) -> f32 {
        self.painter.layout_no_wrap(text.to_owned(), FontId::proportional(size_pt), Color32::BLACK).size().x
    }

    fn text(&mut self, at: Pt, size_pt: f32, rgb: Rgb, text: &str) {
        self.painter.text(
            pos2(at.x, at.y),
            Align2::LEFT_TOP,
            text,
            FontId::proportional(size_pt),
            color(rgb),
        );
    }

    fn fill_rect(&mut self, area: Area, rgb: Rgb) {
        let rect = Rect::from_min_size(pos2(area.x, area.y), vec2(area.w, area.h));
        self.painter.rect_filled(rect, 0.0, color(rgb));
    }

    fn polyline(&mut self, points: &[Pt], width_pt: f32, rgb: Rgb, dashed: bool) {
        let points: Vec<egui::Pos2> = points.iter().map(|p| pos2(p.x, p.y)).collect();
        let stroke = Stroke::new(width_pt, color(rgb));
        if dashed {
            self.painter.extend(Shape::dashed_line(&points, stroke, 4.0 * width_pt, 3.0 * width_pt));
        } else {
            self.painter.add(Shape::line(points, stroke));
        }
    }

    fn dot(&mut self, center: Pt, radius_pt: f32, rgb: Rgb) {
        self.painter.circle_filled(pos2(center.x, center.y), radius_pt, color(rgb));
    }

    fn image(&mut self, area: Area, image: &image::RgbaImage) {
        let size = [image.width() as usize, image.height() as usize];
        let pixels = egui::ColorImage::from_rgba_unmultiplied(size, image.as_raw());
        let texture = self.painter.ctx().load_texture("handout-image", pixels, egui::TextureOptions::LINEAR);
        let rect = Rect::from_min_size(pos2(area.x, area.y), vec2(area.w, area.h));
        let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
        self.painter.image(texture.id(), rect, uv, Color32::WHITE);
        self.textures.push(texture);
    }
}
