//! Helpers shared by the tests that run the `fanpath` binary.
#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::path::Path;
use std::process::{Command, Output};

/// Runs `fanpath --db DB ARGS…` and returns what it did.
pub fn fanpath(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fanpath")).arg("--db").arg(db).args(args).output().expect("run fanpath")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn assert_fails(output: &Output, expected: &[&str]) {
    assert_eq!(output.status.code(), Some(1), "stdout: {}\nstderr: {}", stdout(output), stderr(output));
    let err = stderr(output);
    assert!(err.starts_with("error: "), "{err}");
    for e in expected {
        assert!(err.contains(e), "{e:?} not in {err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    assert!(stdout(output).is_empty(), "nothing on stdout: {}", stdout(output));
}
