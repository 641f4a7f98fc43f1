//! The progress bar (indicatif, on stderr) and the messages of a run.
//!
//! The bar is drawn only when stderr is a terminal and `--quiet` is not given; errors
//! and warnings are printed above it either way (warnings not with `--quiet`).
#![allow(clippy::print_stderr)]

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsgraph::archive::{Event, Progress};
use newsgraph::input::Encoding;

/// Reports a run on stderr.
pub struct Bar {
    bar: ProgressBar,
    quiet: bool,
    docs: u64,
}

impl Bar {
    /// A bar that draws when stderr is a terminal and `quiet` is false.
    pub fn new(quiet: bool) -> Bar {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
        };
        Bar {
            bar,
            quiet,
            docs: 0,
        }
    }

    /// Prints a line above the bar.
    fn say(&self, line: String) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bar {
    fn begin(&mut self, total_bytes: Option<u64>) {
        let template = match total_bytes {
            Some(total) => {
                self.bar.set_length(total);
                "{elapsed_precise} [{wide_bar}] {binary_bytes}/{binary_total_bytes} \
                 {binary_bytes_per_sec} ETA {eta} {msg}"
            }
            None => "{spinner} {elapsed_precise} {binary_bytes} {binary_bytes_per_sec} {msg}",
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.enable_steady_tick(Duration::from_millis(200));
    }

    fn event(&mut self, event: Event<'_>) {
        let bytes = match event {
            Event::Document {
                source,
                bytes,
                encoding,
            } => {
                self.docs += 1;
                if encoding == Encoding::Latin1 && !self.quiet {
                    self.say(format!(
                        "newsgraph: {}: not valid UTF-8; read as Latin-1",
                        source.path
                    ));
                }
                bytes
            }
            Event::Skipped { error, bytes } => {
                if !self.quiet {
                    self.say(format!("newsgraph: {error}"));
                }
                bytes
            }
            Event::Failed { error, bytes } => {
                self.say(format!("newsgraph: {error}"));
                bytes
            }
        };
        self.bar.inc(bytes);
        if !self.bar.is_hidden() && self.docs % 16 == 1 {
            let secs = self.bar.elapsed().as_secs_f64().max(1e-3);
            self.bar.set_message(format!(
                "{} docs, {:.0} docs/s",
                self.docs,
                self.docs as f64 / secs
            ));
        }
    }
}
