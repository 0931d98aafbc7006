//! What the hand-out layouts draw on: a page in points (1/72 inch), origin at the top left,
//! y downwards. The PDF writer and the PNG renderer each implement [`Canvas`], so one layout
//! function gives both files, and text is measured by the backend that draws it.

use crate::model::Rgb;

/// A point on the page, in points from the top left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pt {
    pub x: f32,
    pub y: f32,
}

/// A rectangle on the page, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Area {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Area {
    pub fn right(self) -> f32 {
        self.x + self.w
    }

    pub fn bottom(self) -> f32 {
        self.y + self.h
    }

    /// The same area with `pad` points taken off every side.
    pub fn inset(self, pad: f32) -> Self {
        Self {
            x: self.x + pad,
            y: self.y + pad,
            w: (self.w - 2.0 * pad).max(0.0),
            h: (self.h - 2.0 * pad).max(0.0),
        }
    }
}

/// Ink colours of the hand-outs (printed on white paper, so dark text and light fills).
pub mod ink {
    use crate::model::Rgb;

    pub const TEXT: Rgb = Rgb([0x1d, 0x23, 0x2b]);
    pub const MUTED: Rgb = Rgb([0x5b, 0x64, 0x70]);
    pub const RULE: Rgb = Rgb([0xc9, 0xcf, 0xd6]);
    pub const BAND: Rgb = Rgb([0xf1, 0xf3, 0xf6]);
    pub const EXPECTED: Rgb = Rgb([0x8a, 0x93, 0x9e]);
    pub const LOW: Rgb = Rgb([0xfb, 0xe9, 0xe7]);
    pub const WHITE: Rgb = Rgb([0xff, 0xff, 0xff]);
}

/// A drawing surface for one page.
pub trait Canvas {
    /// Width of one line of `text` at `size_pt`, in points.
    fn text_width(&self, text: &str, size_pt: f32) -> f32;
    /// Draws one line of text with its top left at `at` (the line box is `size_pt × LINE`
    /// high, the baseline `ASCENT × size_pt` below `at`).
    fn text(&mut self, at: Pt, size_pt: f32, color: Rgb, text: &str);
    /// Fills a rectangle.
    fn fill_rect(&mut self, area: Area, color: Rgb);
    /// Strokes a line through `points`, solid or dashed.
    fn polyline(&mut self, points: &[Pt], width_pt: f32, color: Rgb, dashed: bool);
    /// Fills a circle.
    fn dot(&mut self, center: Pt, radius_pt: f32, color: Rgb);
    /// Draws an image (straight RGBA) scaled into `area`.
    fn image(&mut self, area: Area, image: &image::RgbaImage);
}

/// Line height as a multiple of the font size.
pub const LINE: f32 = 1.3;
/// Noto Sans's ascender (1069/1000 em), to turn the top of a line box into a baseline;
/// the line box leaves a little air above it.
pub const ASCENT: f32 = 1.069 + (LINE - 1.362) / 2.0;

/// Breaks `text` into lines no wider than `width_pt` at `size_pt`: at spaces, and inside a
/// word only when the word alone is wider than a line. Newlines in `text` are kept.
pub fn wrap(canvas: &dyn Canvas, text: &str, size_pt: f32, width_pt: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if canvas.text_width(&candidate, size_pt) <= width_pt {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the line is cut by characters.
            for c in word.chars() {
                let mut longer = line.clone();
                longer.push(c);
                if !line.is_empty() && canvas.text_width(&longer, size_pt) > width_pt {
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                } else {
                    line = longer;
                }
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// Draws `text` wrapped into `area` (as many lines as fit; the last one shown ends in "…"
/// when text is left over). Returns the y just below the last line drawn.
pub fn paragraph(canvas: &mut dyn Canvas, area: Area, size_pt: f32, color: Rgb, text: &str) -> f32 {
    let line_h = size_pt * LINE;
    let lines = wrap(canvas, text, size_pt, area.w);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a small, non-negative count"
    )]
    let fits = (area.h / line_h).floor().max(0.0) as usize;
    let mut y = area.y;
    for (index, line) in lines.iter().enumerate().take(fits) {
        let last_shown = index + 1 == fits && lines.len() > fits;
        let shown = if last_shown { ellipsize(canvas, line, size_pt, area.w) } else { line.clone() };
        canvas.text(Pt { x: area.x, y }, size_pt, color, &shown);
        y += line_h;
    }
    y
}

/// `line` shortened so that it and a closing "…" fit in `width_pt`.
fn ellipsize(canvas: &dyn Canvas, line: &str, size_pt: f32, width_pt: f32) -> String {
    let mut chars: Vec<char> = line.chars().collect();
    loop {
        let text: String = chars.iter().collect::<String>() + "…";
        if chars.is_empty() || canvas.text_width(&text, size_pt) <= width_pt {
            return text;
        }
        chars.pop();
    }
}

/// Draws a list of items in `area`, each wrapped, with a bullet; stops when full. Returns
/// the y below the last line.
pub fn bullets(canvas: &mut dyn Canvas, area: Area, size_pt: f32, color: Rgb, items: &[String]) -> f32 {
    let line_h = size_pt * LINE;
    let indent = canvas.text_width("• ", size_pt);
    let mut y = area.y;
    for item in items {
        if y + line_h > area.bottom() {
            break;
        }
        canvas.text(Pt { x: area.x, y }, size_pt, color, "•");
        let rest = Area { x: area.x + indent, y, w: area.w - indent, h: area.bottom() - y };
        y = paragraph(canvas, rest, size_pt, color, item) + size_pt * 0.25;
    }
    y
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character is one point wide per point of size: widths are easy to check.
    struct Mono;

    impl Canvas for Mono {
        #[expect(clippy::cast_precision_loss, reason = "short test strings")]
        fn text_width(&self, text: &str, size_pt: f32) -> f32 {
            text.chars().count() as f32 * size_pt
        }
        fn text(&mut self, _: Pt, _: f32, _: Rgb, _: &str) {}
        fn fill_rect(&mut self, _: Area, _: Rgb) {}
        fn polyline(&mut self, _: &[Pt], _: f32, _: Rgb, _: bool) {}
        fn dot(&mut self, _: Pt, _: f32, _: Rgb) {}
        fn image(&mut self, _: Area, _: &image::RgbaImage) {}
    }

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_only_overlong_words() {
        let lines = wrap(&Mono, "ab cd efghijk l\nmn", 1.0, 5.0);
        assert_eq!(lines, ["ab cd", "efghi", "jk l", "mn"]);
    }

    #[test]
    fn a_paragraph_that_does_not_fit_ends_in_an_ellipsis() {
        struct Record(Vec<String>);
        impl Canvas for Record {
            #[expect(clippy::cast_precision_loss, reason = "short test strings")]
            fn text_width(&self, text: &str, size_pt: f32) -> f32 {
                text.chars().count() as f32 * size_pt
            }
            fn text(&mut self, _: Pt, _: f32, _: Rgb, text: &str) {
                self.0.push(text.to_owned());
            }
            fn fill_rect(&mut self, _: Area, _: Rgb) {}
            fn polyline(&mut self, _: &[Pt], _: f32, _: Rgb, _: bool) {}
            fn dot(&mut self, _: Pt, _: f32, _: Rgb) {}
            fn image(&mut self, _: Area, _: &image::RgbaImage) {}
        }
        let mut canvas = Record(Vec::new());
        // Two lines of 1.3 points fit in 3 points.
        let area = Area { x: 0.0, y: 0.0, w: 5.0, h: 3.0 };
        paragraph(&mut canvas, area, 1.0, ink::TEXT, "one two three four");
        assert_eq!(canvas.0, ["one", "two…"]);
    }
}
