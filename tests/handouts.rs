//! The hand-outs from the command line, checked with poppler's tools: the text comes out of
//! the PDFs (diacritics included), the pages have the right size and are not blank.
//!
//! Needs `pdftotext`, `pdftoppm`, `pdfinfo` and `pdffonts` (Debian: poppler-utils, which
//! `.ci/run` installs); without them the PDF checks print a notice and skip.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{assert_fails, fanpath, stderr};
use fanpath::model::{EmotionEntry, Persona, Stage};
use fanpath::store::Workspace;

/// A demo workspace (four personas, Vietnamese notes in the emotion log) in a temporary folder.
fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("demo.sqlite");
    let out = fanpath(&db, &["demo", "--customers", "400"]);
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, db)
}

/// Whether poppler's tools are here; says so when they are not.
fn poppler() -> bool {
    let found = Command::new("pdftotext").arg("-v").output().is_ok();
    if !found {
        println!("pdftotext not found (install poppler-utils): PDF checks skipped");
    }
    found
}

fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program).args(args).output().expect("run a poppler tool");
    assert!(out.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// The PDF's text in drawing order (`-raw`), so a note wrapped in a narrow column stays together.
fn pdf_text(pdf: &Path) -> String {
    run("pdftotext", &["-raw", "-enc", "UTF-8", path(pdf), "-"])
}

/// `text` without any white space, to find a wrapped sentence.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// "Page size: W x H pts" of `page`, in whole points.
fn page_size(pdf: &Path, page: usize) -> (u32, u32) {
    let page = page.to_string();
    let info = run("pdfinfo", &["-f", &page, "-l", &page, path(pdf)]);
    let line = info.lines().find(|l| l.contains("size:")).expect("a page size line");
    let numbers: Vec<f64> = line.split_whitespace().filter_map(|word| word.parse::<f64>().ok()).collect();
    let [.., w, h] = numbers[..] else { panic!("no size in {line}") };
    // Page sizes in whole points.
    (w.round() as u32, h.round() as u32)
}

fn pages(pdf: &Path) -> usize {
    let info = run("pdfinfo", &[path(pdf)]);
    let line = info.lines().find(|l| l.starts_with("Pages:")).expect("a Pages line");
    line.split_whitespace().last().and_then(|n| n.parse().ok()).expect("a page count")
}

/// Share of pixels that are not (near) white, and how many distinct colours there are.
fn ink(png: &Path) -> (f64, usize) {
    let image = image::open(png).expect("a PNG").to_rgb8();
    let mut colours = std::collections::HashSet::new();
    let mut inked = 0_u64;
    for pixel in image.pixels() {
        colours.insert(pixel.0);
        if pixel.0.iter().any(|v| *v < 235) {
            inked += 1;
        }
    }
    #[expect(clippy::cast_precision_loss, reason = "pixel counts")]
    let share = inked as f64 / (u64::from(image.width()) * u64::from(image.height())) as f64;
    (share, colours.len())
}

/// The persona the tests draw, its strongest note at `stage` (the poster's first quote
/// there, chosen here independently of the hand-out code).
fn persona_and_quote(db: &Path, stage: Stage) -> (Persona, String) {
    let workspace = Workspace::open_read_only(db).expect("open");
    let record = workspace.personas().expect("personas").into_iter().next().expect("a demo persona");
    let entries: Vec<EmotionEntry> = workspace
        .emotions(Some(record.id), Some(stage))
        .expect("entries")
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    let strongest = entries
        .iter()
        .filter(|e| !e.note.trim().is_empty())
        .max_by_key(|e| {
            (e.score.get().unsigned_abs(), std::cmp::Reverse(entries.iter().position(|x| x == *e)))
        })
        .expect("a note at the stage");
    (record.persona, strongest.note.trim().to_owned())
}

#[test]
fn the_journey_map_pdf_holds_the_persona_the_stages_and_a_vietnamese_quote_on_a3() {
    let (dir, db) = demo();
    if !poppler() {
        return;
    }
    let (persona, quote) = persona_and_quote(&db, Stage::Validation);
    assert!(!quote.is_ascii(), "the demo's notes are Vietnamese: {quote}");
    let pdf = dir.path().join("map.pdf");
    let out = fanpath(&db, &["export", "map", path(&pdf), "--persona", &persona.name, "--language", "vi"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let text = pdf_text(&pdf);
    assert!(text.contains(&persona.name), "{text}");
    for stage in Stage::ALL {
        assert!(
            text.contains(&stage.numbered_name(fanpath::model::Language::Vietnamese)),
            "{stage:?} in {text}"
        );
    }
    assert!(text.contains("Bản đồ hành trình"), "{text}");
    assert!(squeezed(&text).contains(&squeezed(&quote)), "quote {quote:?} not in {text}");
    assert_eq!(pages(&pdf), 1);
    // A3 landscape: 420 × 297 mm.
    assert_eq!(page_size(&pdf, 1), (1191, 842));
    let fonts = run("pdffonts", &[path(&pdf)]);
    assert!(
        fonts.contains("NotoSans") && fonts.lines().skip(2).all(|l| l.contains(" yes ")),
        "embedded: {fonts}"
    );

    // Rendered, the page is a picture, not a blank sheet.
    let prefix = dir.path().join("page");
    run("pdftoppm", &["-png", "-r", "40", "-f", "1", "-l", "1", path(&pdf), path(&prefix)]);
    let png = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("page")))
        .expect("pdftoppm wrote a PNG");
    let (share, colours) = ink(&png);
    assert!(share > 0.1 && colours > 50, "{share} inked, {colours} colours");
}

/// `--version` hands out the redesigned journey: the to-be version's touchpoints and its
/// name on the poster; without it, the journey as it is.
#[test]
fn the_journey_map_of_a_to_be_version_shows_its_touchpoints_and_names_it() {
    let (dir, db) = demo();
    if !poppler() {
        return;
    }
    let ws = Workspace::open_read_only(&db).expect("open");
    let versions = ws.versions().expect("versions");
    let (to_be, card) =
        versions.iter().find(|(_, v)| v.kind == fanpath::model::VersionKind::ToBe).expect("to-be");
    let persona = ws.personas().expect("personas").remove(0).persona;
    // The touchpoints only the redesign has, read from the file. A long one ends in "…" on
    // the poster and a full lane drops the last: their first words identify them, and at
    // least one must show.
    let as_is: Vec<String> = ws
        .version_touchpoints(versions[0].0, None)
        .expect("touchpoints")
        .into_iter()
        .map(|(_, t)| t.description)
        .collect();
    let added: Vec<String> = ws
        .version_touchpoints(*to_be, None)
        .expect("touchpoints")
        .into_iter()
        .map(|(_, t)| t.description)
        .filter(|d| !as_is.contains(d))
        .map(|d| squeezed(&d))
        .collect();
    let prefix = |text: &String, n: usize| text.chars().take(n).collect::<String>();
    assert!(!added.is_empty(), "the redesign adds touchpoints");
    let (designed, current) = (dir.path().join("to-be.pdf"), dir.path().join("as-is.pdf"));
    let out = fanpath(
        &db,
        &["export", "map", path(&designed), "--persona", &persona.name, "--version", &card.name],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = fanpath(&db, &["export", "map", path(&current), "--persona", &persona.name]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (designed, current) = (squeezed(&pdf_text(&designed)), squeezed(&pdf_text(&current)));
    assert!(designed.contains(&squeezed(&card.name)), "{designed}");
    assert!(added.iter().any(|a| designed.contains(&prefix(a, 12))), "{added:?} in {designed}");
    // Longer prefixes here: "a call after 48 hours" (as is) and "a call after the first
    // week" (added) start alike.
    assert!(added.iter().all(|a| !current.contains(&prefix(a, 24))), "{current}");
    assert!(current.contains("Current"), "two versions: the poster names the one it shows");
    // An unknown version is refused.
    let out = fanpath(&db, &["export", "pack", path(&dir.path().join("p.pdf")), "--version", "Nope"]);
    assert_fails(&out, &["Nope"]);
}

#[test]
fn the_journey_map_png_is_the_poster_at_144_dpi() {
    let (dir, db) = demo();
    let (persona, _) = persona_and_quote(&db, Stage::Evaluation);
    let png = dir.path().join("map.png");
    let out = fanpath(&db, &["export", "map", path(&png), "--persona", &persona.name.to_uppercase()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let image = image::open(&png).expect("a PNG");
    // 1190.55 × 841.89 points at 2 pixels per point.
    assert_eq!((image.width(), image.height()), (2381, 1684));
    let (share, colours) = ink(&png);
    // A blank page has no ink; the demo poster has about 8.5 % (mostly thin text on white).
    assert!(share > 0.04 && colours > 50, "{share} inked, {colours} colours");
}

#[test]
fn the_persona_page_is_an_a4_pdf_with_the_card() {
    let (dir, db) = demo();
    if !poppler() {
        return;
    }
    let (persona, _) = persona_and_quote(&db, Stage::Evaluation);
    let pdf = dir.path().join("persona.pdf");
    let out = fanpath(&db, &["export", "persona", path(&pdf), "--persona", &persona.name]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdf_text(&pdf);
    assert!(text.contains(&persona.name), "{text}");
    assert!(text.contains("Who they are") && text.contains("Goals"), "{text}");
    let goals_start: String = persona.goals.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    assert!(squeezed(&text).contains(&squeezed(&goals_start)), "{goals_start:?} in {text}");
    assert_eq!((pages(&pdf), page_size(&pdf, 1)), (1, (595, 842)));
}

#[test]
fn the_workshop_pack_holds_the_overview_every_persona_the_funnel_and_the_findings() {
    let (dir, db) = demo();
    if !poppler() {
        return;
    }
    let personas = Workspace::open_read_only(&db).expect("open").personas().expect("personas");
    let pdf = dir.path().join("pack.pdf");
    let out = fanpath(&db, &["export", "pack", path(&pdf)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdf_text(&pdf);
    assert!(text.contains("The eight stages") && text.contains("Drop-off funnel"), "{text}");
    assert!(text.contains("Findings") && text.contains("The biggest drop-off is"), "{text}");
    for record in &personas {
        assert!(text.contains(&record.persona.name), "{} in the pack", record.persona.name);
    }
    // Overview, then a card and a poster per persona, the funnel, at least one findings page.
    let n = pages(&pdf);
    assert!(n > 2 + 2 * personas.len(), "{n} pages for {} personas", personas.len());
    assert_eq!(page_size(&pdf, 1), (842, 595), "overview: A4 landscape");
    assert_eq!(page_size(&pdf, 2), (595, 842), "first persona card: A4 portrait");
    assert_eq!(page_size(&pdf, 3), (1191, 842), "first journey map: A3 landscape");
}

#[test]
fn a_wrong_persona_or_file_type_is_refused() {
    let (dir, db) = demo();
    let pdf = dir.path().join("map.pdf");
    let out = fanpath(&db, &["export", "map", path(&pdf), "--persona", "Nobody"]);
    assert_fails(&out, &["no persona called \"Nobody\""]);
    let txt = dir.path().join("map.txt");
    let out = fanpath(&db, &["export", "map", path(&txt), "--persona", "Nobody"]);
    assert_fails(&out, &["must end in .pdf or .png"]);
    assert!(!pdf.exists() && !txt.exists(), "nothing written");
}
