//! Draws egui output into an RGBA image on the CPU, so a chart can be exported as a PNG
//! from the app and from the command line alike, with no window and no GPU.
//!
//! The same view code that draws a chart on screen draws it here: the exported image is
//! the chart as shown, only larger.

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, ImageData, Primitive, Vertex};
use egui::{Color32, ColorImage, Pos2, Rect, TextureId, Vec2};

/// An image in memory, `width × height` premultiplied RGBA pixels.
pub struct Canvas {
    pub width: usize,
    pub height: usize,
    /// Premultiplied linear blend of sRGB values, 0–1, as egui's GPU renderers blend.
    pixels: Vec<[f32; 4]>,
}

/// Runs `draw` in a headless egui context of `size` points at `pixels_per_point`, and
/// rasterizes what it painted. `setup` installs fonts and style first.
pub fn render(
    size: Vec2,
    pixels_per_point: f32,
    setup: impl FnOnce(&egui::Context),
    mut draw: impl FnMut(&mut egui::Ui),
) -> image::RgbaImage {
    let ctx = egui::Context::default();
    setup(&ctx);
    let mut textures: HashMap<TextureId, ColorImage> = HashMap::new();
    let mut shapes = Vec::new();
    // Several passes: the first lays out text and measures widgets; later ones settle.
    for _ in 0..3 {
        let mut input =
            egui::RawInput { screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)), ..Default::default() };
        input.viewports.entry(egui::ViewportId::ROOT).or_default().native_pixels_per_point =
            Some(pixels_per_point);
        let mut output = ctx.run_ui(input, |ui| draw(ui));
        for (id, deltas) in &output.textures_delta.set {
            for delta in deltas {
                let ImageData::Color(image) = &delta.image;
                match delta.pos {
                    None => {
                        textures.insert(*id, (**image).clone());
                    }
                    Some([x0, y0]) => {
                        if let Some(target) = textures.get_mut(id) {
                            blit(target, image, x0, y0);
                        }
                    }
                }
            }
        }
        for id in &output.textures_delta.free {
            textures.remove(id);
        }
        output.textures_delta.clear();
        shapes = std::mem::take(&mut output.shapes);
    }
    let primitives = ctx.tessellate(shapes, pixels_per_point);
    // Start from the opaque panel colour: an exported picture has no transparent holes.
    let background = ctx.global_style().visuals.panel_fill;
    let mut canvas = Canvas::new(
        (size.x * pixels_per_point).round() as usize,
        (size.y * pixels_per_point).round() as usize,
    );
    canvas.pixels.fill(to_f32(background));
    for primitive in &primitives {
        canvas.paint(primitive, &textures, pixels_per_point);
    }
    canvas.into_image()
}

fn blit(target: &mut ColorImage, patch: &ColorImage, x0: usize, y0: usize) {
    let [w, h] = patch.size;
    for y in 0..h {
        for x in 0..w {
            let (tx, ty) = (x0 + x, y0 + y);
            if tx < target.size[0] && ty < target.size[1] {
                target.pixels[ty * target.size[0] + tx] = patch.pixels[y * w + x];
            }
        }
    }
}

/// Twice the signed area of the triangle (a, b, p); its sign says which side p is on.
fn edge(a: Pos2, b: Pos2, p: Pos2) -> f32 {
    (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
}

fn to_f32(c: Color32) -> [f32; 4] {
    c.to_array().map(|v| f32::from(v) / 255.0)
}

/// Bilinear sample of premultiplied texels at normalized `uv`.
fn sample(texture: &ColorImage, uv: Pos2) -> [f32; 4] {
    let [w, h] = texture.size;
    if w == 0 || h == 0 {
        return [1.0; 4];
    }
    let x = (uv.x * w as f32 - 0.5).clamp(0.0, (w - 1) as f32);
    let y = (uv.y * h as f32 - 0.5).clamp(0.0, (h - 1) as f32);
    let (x0, y0) = (x.floor() as usize, y.floor() as usize);
    let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    let texel = |x: usize, y: usize| to_f32(texture.pixels[y * w + x]);
    let (a, b, c, d) = (texel(x0, y0), texel(x1, y0), texel(x0, y1), texel(x1, y1));
    std::array::from_fn(|i| {
        let top = a[i] + (b[i] - a[i]) * fx;
        let bottom = c[i] + (d[i] - c[i]) * fx;
        top + (bottom - top) * fy
    })
}

impl Canvas {
    pub fn new(width: usize, height: usize) -> Self {
        Self { width, height, pixels: vec![[0.0; 4]; width * height] }
    }

    /// Fills the primitive's triangles, clipped to its clip rectangle.
    fn paint(
        &mut self,
        primitive: &ClippedPrimitive,
        textures: &HashMap<TextureId, ColorImage>,
        pixels_per_point: f32,
    ) {
        let Primitive::Mesh(mesh) = &primitive.primitive else { return };
        let texture = textures.get(&mesh.texture_id);
        let clip = primitive.clip_rect;
        let clip_x = (
            (clip.min.x * pixels_per_point).max(0.0),
            (clip.max.x * pixels_per_point).min(self.width as f32),
        );
        let clip_y = (
            (clip.min.y * pixels_per_point).max(0.0),
            (clip.max.y * pixels_per_point).min(self.height as f32),
        );
        for triangle in mesh.indices.chunks_exact(3) {
            let vertex = |i: u32| mesh.vertices.get(i as usize).copied();
            let (Some(a), Some(b), Some(c)) = (vertex(triangle[0]), vertex(triangle[1]), vertex(triangle[2]))
            else {
                continue;
            };
            self.fill_triangle([a, b, c], texture, pixels_per_point, clip_x, clip_y);
        }
    }

    fn fill_triangle(
        &mut self,
        v: [Vertex; 3],
        texture: Option<&ColorImage>,
        pixels_per_point: f32,
        clip_x: (f32, f32),
        clip_y: (f32, f32),
    ) {
        let p = v.map(|v| Pos2::new(v.pos.x * pixels_per_point, v.pos.y * pixels_per_point));
        let area = edge(p[0], p[1], p[2]);
        if area.abs() < 1e-6 {
            return;
        }
        let min_x = p.iter().map(|q| q.x).fold(f32::INFINITY, f32::min).max(clip_x.0).floor() as usize;
        let max_x = p.iter().map(|q| q.x).fold(f32::NEG_INFINITY, f32::max).min(clip_x.1).ceil() as usize;
        let min_y = p.iter().map(|q| q.y).fold(f32::INFINITY, f32::min).max(clip_y.0).floor() as usize;
        let max_y = p.iter().map(|q| q.y).fold(f32::NEG_INFINITY, f32::max).min(clip_y.1).ceil() as usize;
        let colors = v.map(|v| to_f32(v.color));
        for y in min_y..max_y.min(self.height) {
            for x in min_x..max_x.min(self.width) {
                let centre = Pos2::new(x as f32 + 0.5, y as f32 + 0.5);
                if centre.x < clip_x.0 || centre.x > clip_x.1 || centre.y < clip_y.0 || centre.y > clip_y.1 {
                    continue;
                }
                let w0 = edge(p[1], p[2], centre) / area;
                let w1 = edge(p[2], p[0], centre) / area;
                let w2 = 1.0 - w0 - w1;
                // Slightly inclusive, so a pixel centre exactly on an edge (common at
                // fractional scales) is never left uncovered by both neighbours.
                const EDGE: f32 = -1e-4;
                if w0 < EDGE || w1 < EDGE || w2 < EDGE {
                    continue;
                }
                let uv = Pos2::new(
                    v[0].uv.x * w0 + v[1].uv.x * w1 + v[2].uv.x * w2,
                    v[0].uv.y * w0 + v[1].uv.y * w1 + v[2].uv.y * w2,
                );
                let texel = texture.map_or([1.0; 4], |t| sample(t, uv));
                let src: [f32; 4] = std::array::from_fn(|i| {
                    (colors[0][i] * w0 + colors[1][i] * w1 + colors[2][i] * w2) * texel[i]
                });
                let dst = &mut self.pixels[y * self.width + x];
                // Premultiplied "over".
                for i in 0..4 {
                    dst[i] = src[i] + dst[i] * (1.0 - src[3]);
                }
            }
        }
    }

    /// Un-premultiplies into an ordinary RGBA image.
    pub fn into_image(self) -> image::RgbaImage {
        let mut out = image::RgbaImage::new(self.width as u32, self.height as u32);
        for (pixel, value) in out.pixels_mut().zip(self.pixels) {
            let alpha = value[3].clamp(0.0, 1.0);
            let channel = |c: f32| {
                let straight = if alpha > 0.0 { c / alpha } else { 0.0 };
                (straight.clamp(0.0, 1.0) * 255.0).round() as u8
            };
            *pixel = image::Rgba([
                channel(value[0]),
                channel(value[1]),
                channel(value[2]),
                (alpha * 255.0).round() as u8,
            ]);
        }
        out
    }
}

/// Encodes an image as PNG bytes.
pub fn png_bytes(image: &image::RgbaImage) -> Result<Vec<u8>, image::ImageError> {
    let mut bytes = Vec::new();
    image.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_shapes_and_text_at_the_requested_size() {
        let image = render(egui::vec2(200.0, 100.0), 2.0, super::super::style::install, |ui| {
            ui.painter().rect_filled(
                Rect::from_min_size(Pos2::new(10.0, 10.0), egui::vec2(50.0, 30.0)),
                0.0,
                Color32::RED,
            );
            ui.painter().text(
                Pos2::new(100.0, 60.0),
                egui::Align2::CENTER_CENTER,
                "Hằng",
                egui::FontId::proportional(20.0),
                Color32::BLACK,
            );
        });
        assert_eq!((image.width(), image.height()), (400, 200));
        // Inside the red square (at 2× scale).
        assert_eq!(image.get_pixel(60, 40).0, [255, 0, 0, 255]);
        // Some dark text pixels around the text's centre.
        let dark = (150..250)
            .flat_map(|x| (100..140).map(move |y| (x, y)))
            .filter(|&(x, y)| image.get_pixel(x, y).0[0] < 100)
            .count();
        assert!(dark > 50, "text was drawn ({dark} dark pixels)");
    }
}
