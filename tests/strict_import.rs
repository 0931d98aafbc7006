//! Wrong input is refused, naming the line (issue #9): stray and unbalanced quotes, dates
//! outside the documented forms, malformed scores.

use std::path::Path;

use fanpath::store::{ImportKind, ImportOptions, ImportSummary, StoreError, Workspace};

const CUSTOMERS: &str = "customer_id,persona,stage,reached_at\n";
const EMOTIONS: &str = "persona,stage,score,label,note,touchpoint,source,logged_at\n";

fn import(kind: ImportKind, text: &str) -> Result<ImportSummary, StoreError> {
    let mut ws = Workspace::open_in_memory().expect("workspace");
    ws.import_csv_from(kind, text.as_bytes(), Path::new("test.csv"), ImportOptions::default(), &mut |_| {})
}

/// Asserts the import of `text` is refused and its message holds each of `expected`.
fn refused(kind: ImportKind, text: &str, expected: &[&str]) {
    let err = import(kind, text).expect_err("refused");
    let message = err.to_string();
    assert!(matches!(err, StoreError::InvalidRows { .. }), "{message}");
    for e in expected {
        assert!(message.contains(e), "{e:?} not in {message}");
    }
}

#[test]
fn a_stray_quote_at_the_start_of_a_line_does_not_swallow_the_lines_after_it() {
    let text = format!(
        "{CUSTOMERS}c1,Ana,1,2024-01-01\n\"c2,Ana,1,2024-01-02\nc3,Ana,2,2024-01-03\nc4,Ana,3,2024-01-04\nc5,\"Ana\",4,2024-01-05\n"
    );
    refused(ImportKind::Customers, &text, &["line 3: stray or unbalanced quote"]);
    // The quote never closes.
    let text = format!("{CUSTOMERS}c1,Ana,1,2024-01-01\n\"c2,Ana,1,2024-01-02\nc3,Ana,2,2024-01-03\n");
    refused(ImportKind::Customers, &text, &["line 3: stray or unbalanced quote"]);
}

#[test]
fn a_quote_inside_an_unquoted_field_is_refused() {
    refused(
        ImportKind::Customers,
        &format!("{CUSTOMERS}c1,An\"a,1,2024-01-01\nc2,Ana,2,2024-01-01\n"),
        &["line 2: stray or unbalanced quote"],
    );
    refused(
        ImportKind::Emotions,
        &format!("{EMOTIONS}Ana,1,2,Happy,\"a note\" and more,,,\n"),
        &["line 2: stray or unbalanced quote"],
    );
}

#[test]
fn well_formed_quotes_still_import() {
    let summary = import(
        ImportKind::Customers,
        &format!("{CUSTOMERS}\"c,1\",\"Ana \"\"A\"\"\",1,2024-01-01\r\nc2,Ana,\"2\",2024-01-01\r\n"),
    )
    .expect("imports");
    assert_eq!(summary.rows, 2);
    // A note may run over several lines; a multi-line customer id may not.
    let summary = import(
        ImportKind::Emotions,
        &format!("{EMOTIONS}Ana,1,2,\"Happy\",\"line one\nline \"\"two\"\"\",,,\n"),
    )
    .expect("imports");
    assert_eq!(summary.rows, 1);
    refused(
        ImportKind::Customers,
        &format!("{CUSTOMERS}\"c\n1\",Ana,1,2024-01-01\n"),
        &["line 2: stray or unbalanced quote"],
    );
}

#[test]
fn dates_outside_the_documented_forms_are_refused() {
    use fanpath::model::date::parse_date_time;
    for text in [
        "01/01/24",
        "1/1/024",
        "-001-01-01",
        "0000-01-01",
        "0000-01-01T00:00:00",
        "+024-03-05",
        "-2024-01-01",
    ] {
        assert!(parse_date_time(text).is_err(), "{text}");
        refused(
            ImportKind::Customers,
            &format!("{CUSTOMERS}c1,Ana,1,{text}\n"),
            &[&format!("line 2: date \"{text}\"")],
        );
        refused(
            ImportKind::Emotions,
            &format!("{EMOTIONS}Ana,1,2,,,,,{text}\n"),
            &[&format!("line 2: date \"{text}\"")],
        );
    }
    for text in ["01/01/2024", "1/1/2024", "0001-01-01", "2024-03-05 10:00:00", "9999-12-31"] {
        assert!(parse_date_time(text).is_ok(), "{text}");
        import(ImportKind::Customers, &format!("{CUSTOMERS}c1,Ana,1,{text}\n")).expect(text);
    }
}

#[test]
fn scores_with_two_signs_are_refused() {
    use fanpath::model::emotion::Score;
    for text in ["+-1", "++1", "-+1", "--1", "+ 1", "1.0", "+"] {
        assert!(text.parse::<Score>().is_err(), "{text}");
        refused(
            ImportKind::Emotions,
            &format!("{EMOTIONS}Ana,1,{text},,,,,\n"),
            &[&format!("line 2: score \"{text}\"")],
        );
    }
    for (text, score) in [("+1", 1), ("-5", -5), ("0", 0), (" 3 ", 3)] {
        assert_eq!(text.parse::<Score>().map(Score::get), Ok(score), "{text}");
    }
}

#[test]
fn messages_show_at_most_80_characters_of_a_value_with_control_characters_escaped() {
    let long = format!("\u{1b}[2J{}", "x".repeat(300));
    let err =
        import(ImportKind::Customers, &format!("{CUSTOMERS}c1,Ana,{long},2024-01-01\nc2,Ana,1,\u{9b}31m\n"))
            .expect_err("refused");
    for language in [fanpath::model::Language::English, fanpath::model::Language::Vietnamese] {
        let message = err.message(language);
        assert!(!message.chars().any(|c| c.is_control() && c != '\n'), "{message:?}");
        assert!(message.contains(&format!("\"\\u{{1b}}[2J{}…\"", "x".repeat(76))), "{message}");
        assert!(!message.contains(&"x".repeat(77)), "{message}");
        assert!(message.contains("\"\\u{9b}31m\""), "{message}");
    }
}

#[test]
fn persona_names_are_nfc_without_invisible_characters() {
    use fanpath::model::Persona;
    use unicode_normalization::UnicodeNormalization;
    let nfc = "Nguyễn Thị Hằng";
    let nfd: String = nfc.nfd().collect();
    assert_ne!(nfc, nfd);
    assert_eq!(Persona::named(format!(" \u{feff}{nfd}\u{200b}\u{1b} ")).normalized().name, nfc);
    assert_eq!(Persona::name_key(&nfd), Persona::name_key(nfc));
    assert_eq!(Persona::name_key("An\u{200d}a\u{2060}"), Persona::name_key("ana"));
    assert!(!Persona::named("\u{200b}\u{feff}").validate().is_empty(), "an invisible name is empty");

    let mut ws = Workspace::open_in_memory().expect("workspace");
    let mut run = |text: String| {
        ws.import_csv_from(
            ImportKind::Customers,
            text.as_bytes(),
            Path::new("t.csv"),
            ImportOptions::default(),
            &mut |_| {},
        )
    };
    let first = run(format!("{CUSTOMERS}c1,{nfc},1,2024-01-01\n")).expect("import");
    assert_eq!(first.personas_created, [nfc]);
    let second = run(format!("{CUSTOMERS}c1,{nfd},2,2024-01-02\nc2,\u{200b}{nfd}\u{feff},1,2024-01-02\n"))
        .expect("import");
    assert!(second.personas_created.is_empty(), "{:?}", second.personas_created);
    let third = run(format!("{CUSTOMERS}c3,Ana\u{200b},1,2024-01-01\nc4,\u{2060}Ana,1,2024-01-01\n"))
        .expect("import");
    assert_eq!(third.personas_created, ["Ana"]);
}

#[test]
fn long_values_are_refused_with_clear_errors() {
    use fanpath::model::Persona;
    use fanpath::model::persona::NAME_MAX_CHARS;
    assert_eq!(NAME_MAX_CHARS, 200);
    assert!(Persona::named("ễ".repeat(200)).validate().is_empty());
    assert!(!Persona::named("ễ".repeat(201)).validate().is_empty());
    import(
        ImportKind::Customers,
        &format!("{CUSTOMERS}{},{},1,2024-01-01\n", "k".repeat(200), "ễ".repeat(200)),
    )
    .expect("at the limits");
    refused(
        ImportKind::Customers,
        &format!("{CUSTOMERS}c1,Ana,1,2024-01-01\n{},Ana,1,2024-01-01\n", "k".repeat(201)),
        &["line 3: customer_id is 201 characters long; the limit is 200"],
    );
    refused(
        ImportKind::Customers,
        &format!("{CUSTOMERS}c1,{},1,2024-01-01\n", "ễ".repeat(201)),
        &["line 2: persona name is 201 characters long; the limit is 200"],
    );
    import(
        ImportKind::Emotions,
        &format!("{EMOTIONS}Ana,1,2,{},{},,,\n", "l".repeat(10_000), "n".repeat(10_000)),
    )
    .expect("at the limits");
    refused(
        ImportKind::Emotions,
        &format!("{EMOTIONS}Ana,1,2,{},{},,,\n", "l".repeat(10_001), "n".repeat(10_002)),
        &["line 2: label is 10,001 characters long; the limit is 10,000; note is 10,002 characters long"],
    );
}
