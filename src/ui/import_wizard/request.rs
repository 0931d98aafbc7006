//! What the import wizard asks the app for. Its own file so that `ui/command.rs` can carry
//! it without importing the wizard's views (which import the command queue).

use std::path::PathBuf;

/// What the wizard asks the app to do (file dialogs, reading, computing, importing).
#[derive(Clone, Debug, PartialEq)]
pub enum WizardRequest {
    /// Opens the wizard, on this file if one was dropped onto the window.
    Open(Option<PathBuf>),
    /// Shows the native file dialog, then goes on as [`Self::SetFile`].
    ChooseFile,
    /// Takes this file and reads its first rows (a drop, the dialog, or a test).
    SetFile(PathBuf),
    /// Reads and checks the whole event log with the chosen columns, then lists its events.
    ReadEvents,
    /// Computes the funnel the current rules give on the file read (nothing written).
    PreviewFunnel,
    /// Starts the import on a thread.
    Start,
    /// Stops the running import; nothing is written.
    Cancel,
    /// Closes the wizard (cancelling a running import first).
    Close,
}
