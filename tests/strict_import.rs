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
