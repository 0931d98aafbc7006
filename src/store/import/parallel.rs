//! Parsing a file held in memory on every core: the data rows are cut into chunks at record
//! boundaries ([`chunk_starts`]), each chunk parsed on one of rayon's threads, and the
//! parts returned in file order, so a caller joining them gets what reading the rows one by
//! one would give. Shared by the customers import and the event-log import.

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc;

use rayon::prelude::*;

use super::csv::{chunk_starts, newlines};
use super::options::check;
use super::{ImportProgress, PROGRESS_EVERY};
use crate::store::{Result, StoreError};

/// The least data worth a chunk of its own: below it, a thread costs more than it saves.
const CHUNK_MIN_BYTES: usize = 1 << 20;

/// Chunks per thread: more than one, so a thread that finishes early takes another.
const CHUNKS_PER_THREAD: usize = 4;

/// Rows a chunk parses between two progress messages (and two looks at the cancel flag).
const PROGRESS_STEP: u64 = 10_000;

/// How many chunks to cut `bytes` of data into.
pub(super) fn chunk_count(bytes: usize) -> usize {
    let threads = rayon::current_num_threads();
    if threads < 2 {
        // Chunks only add the cost of joining them.
        return 1;
    }
    (bytes / CHUNK_MIN_BYTES).clamp(1, threads * CHUNKS_PER_THREAD)
}

/// What a chunk parser calls once per row: it passes row counts on to the progress report
/// and stops the parse when the caller cancelled.
pub(super) struct RowTicker<'a> {
    send: &'a mut dyn FnMut(u64),
    cancel: Option<&'a AtomicBool>,
    unreported: u64,
}

impl RowTicker<'_> {
    /// Counts one row; every [`PROGRESS_STEP`] rows reports them and checks the cancel flag.
    pub(super) fn row(&mut self) -> Result<()> {
        self.unreported += 1;
        if self.unreported == PROGRESS_STEP {
            (self.send)(self.unreported);
            self.unreported = 0;
            check(self.cancel)?;
        }
        Ok(())
    }

    fn finish(&mut self) {
        (self.send)(self.unreported);
        self.unreported = 0;
    }
}

/// Where the chunks of a file's data rows are and how to parse one.
pub(super) struct ChunkedParse<'a> {
    /// The data rows (after the header).
    pub(super) data: &'a [u8],
    pub(super) delimiter: u8,
    /// Lines before `data`: the header's.
    pub(super) line_offset: u64,
    /// About how many chunks to cut `data` into.
    pub(super) chunks: usize,
    pub(super) path: &'a Path,
    pub(super) cancel: Option<&'a AtomicBool>,
}

impl ChunkedParse<'_> {
    /// Parses every chunk with `parse(piece, lines before it, ticker)`, in parallel when
    /// there are several, and returns the parts in file order. Reports
    /// [`ImportProgress::Read`] at each multiple of [`PROGRESS_EVERY`] rows, from this
    /// thread only; a set cancel flag gives [`StoreError::Cancelled`].
    pub(super) fn run<T: Send>(
        &self,
        progress: &mut dyn FnMut(ImportProgress),
        parse: impl Fn(&[u8], u64, &mut RowTicker<'_>) -> Result<T> + Sync,
    ) -> Result<Vec<T>> {
        check(self.cancel)?;
        let data = self.data;
        let mut bounds = vec![0];
        bounds.extend(chunk_starts(data, self.delimiter, self.chunks));
        bounds.push(data.len());
        // Each chunk's lines start after the newlines of the chunks before it.
        let mut line_offset = self.line_offset;
        let mut pieces = Vec::with_capacity(bounds.len() - 1);
        for pair in bounds.windows(2) {
            let piece = &data[pair[0]..pair[1]];
            pieces.push((piece, line_offset));
            line_offset += newlines(piece);
        }
        let mut total = 0_u64;
        let mut reported = 0_u64;
        let mut report = |rows: u64| {
            total += rows;
            let mark = total / PROGRESS_EVERY * PROGRESS_EVERY;
            if mark > reported {
                reported = mark;
                progress(ImportProgress::Read(mark));
            }
        };
        let cancel = self.cancel;
        let parsed = if let [(piece, offset)] = pieces[..] {
            let mut ticker = RowTicker { send: &mut report, cancel, unreported: 0 };
            let part = parse(piece, offset, &mut ticker)?;
            ticker.finish();
            vec![part]
        } else {
            let (sender, counts) = mpsc::channel::<u64>();
            let parse = &parse;
            std::thread::scope(|scope| {
                let worker = scope.spawn(move || {
                    pieces
                        .into_par_iter()
                        .map_with(sender, |sender, (piece, offset)| {
                            // A chunk not started yet is not worth starting once cancelled.
                            check(cancel)?;
                            // The receiver outlives the workers; a send cannot fail.
                            let mut send = |n: u64| _ = sender.send(n);
                            let mut ticker = RowTicker { send: &mut send, cancel, unreported: 0 };
                            let part = parse(piece, offset, &mut ticker)?;
                            ticker.finish();
                            Ok(part)
                        })
                        .collect::<Result<Vec<_>>>()
                });
                // Ends when the last chunk's sender is dropped.
                for rows in counts {
                    report(rows);
                }
                // A panic in a worker would be a bug; report it rather than abort.
                worker.join().unwrap_or_else(|_| {
                    Err(StoreError::Csv {
                        path: self.path.to_path_buf(),
                        detail: "parsing failed".to_owned(),
                    })
                })
            })?
        };
        if total >= PROGRESS_EVERY && total != reported {
            progress(ImportProgress::Read(total));
        }
        check(cancel)?;
        Ok(parsed)
    }
}
