//! Checks template files the way the app does before loading one, and that the bundled
//! font has a glyph for every character in them (a missing glyph shows as a box on screen).
//!
//! `cargo run --example check_template -- assets/templates/*.json`

use std::process::ExitCode;

use fanpath::model::Template;

const FONT: &[u8] = include_bytes!("../assets/NotoSans-Regular.ttf");

fn main() -> ExitCode {
    let Some(face) = rustybuzz::Face::from_slice(FONT, 0) else {
        eprintln!("the bundled font cannot be read");
        return ExitCode::FAILURE;
    };
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                eprintln!("{path}: {err}");
                failed = true;
                continue;
            }
        };
        let missing: std::collections::BTreeSet<char> =
            text.chars().filter(|&c| !c.is_control() && face.glyph_index(c).is_none()).collect();
        match Template::parse(&text) {
            Ok(t) if missing.is_empty() => println!(
                "{path}: ok ({}, {} personas, {} touchpoints, {} quotes)",
                t.title,
                t.personas.len(),
                t.touchpoint_count(),
                t.quote_count()
            ),
            Ok(_) => {
                eprintln!("{path}: the font has no glyph for {missing:?}");
                failed = true;
            }
            Err(err) => {
                eprintln!("{path}: {err}");
                failed = true;
            }
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
