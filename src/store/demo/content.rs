//! The cast of a template as the workspace stores it: persona cards with a drawn avatar.

use std::io::Cursor;

use crate::model::persona::{Persona, Rgb};
use crate::model::template::Template;
use crate::store::avatar::AVATAR_PX;

/// Persona `index` of `template`, with an avatar in its colour.
pub(super) fn template_persona(template: &Template, index: usize) -> Persona {
    let persona = template.persona(index);
    Persona { avatar_png: Some(avatar(persona.color)), ..persona }
}

/// A simple head-and-shoulders silhouette on the persona's colour, as a PNG.
fn avatar(color: Rgb) -> Vec<u8> {
    let size = AVATAR_PX;
    let [r, g, b] = color.0;
    let light = |c: u8| c + (255 - c) / 2;
    let figure = image::Rgba([light(r), light(g), light(b), 255]);
    let picture = image::RgbaImage::from_fn(size, size, |x, y| {
        let (fx, fy) = (f64::from(x) / f64::from(size), f64::from(y) / f64::from(size));
        let head = (fx - 0.5).powi(2) + (fy - 0.38).powi(2) < 0.17_f64.powi(2);
        let shoulders = fy > 0.62 && ((fx - 0.5) / 0.36).powi(2) + ((fy - 0.98) / 0.36).powi(2) < 1.0;
        if head || shoulders { figure } else { image::Rgba([r, g, b, 255]) }
    });
    let mut png = Vec::new();
    // Encoding a small in-memory image cannot fail; an empty avatar would only look blank.
    let _ = picture.write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png);
    png
}
