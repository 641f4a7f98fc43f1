//! Running over an archive: many documents read and extracted in parallel, merged into
//! one graph in input order.
//!
//! Takes: [`Input`]s (from [`Inputs::expand`](crate::input::Inputs::expand)), a
//! [`Pipeline`] and a [`KnowledgeGraph`]. Gives: the graph with every readable document
//! added (call [`KnowledgeGraph::finish`] after), a [`Summary`], and one [`Event`] per
//! document, skipped file or failure, in input order, to a [`Progress`] the caller
//! implements (the command line draws a progress bar with it; the library prints
//! nothing).
//!
//! Rules:
//! - Documents get graph ids in input order (`d0`, `d1`, …) and are merged in that
//!   order whatever the number of threads, so the graph (and every export of it) is
//!   the same bytes with one thread or many.
//! - Documents stream through: the main thread reads JSON Lines and forms batches of
//!   jobs (at most [`Archive::batch_docs`] documents or about [`Archive::batch_bytes`]
//!   bytes), rayon extracts a batch while a merging thread folds the previous one into
//!   the graph. At most three batches are alive at once, so memory is bounded by the
//!   graph, not the corpus.
//! - A worker reads and extracts a run of consecutive documents together, stage by
//!   stage ([`Pipeline::extract_batch`]: each stage's code stays in the caches for the
//!   run): at most [`Archive::stage_docs`] documents or about [`Archive::stage_bytes`]
//!   bytes, so that the run's layouts and results (about ten times its text, a few
//!   hundred KB for news) stay about the size of a CPU's L2 cache. With one thread the
//!   runs are cut from the input stream; with more, from each batch, and rayon shares
//!   out the runs. A run that panics is extracted again a document at a time, so a bug
//!   still costs only the document that meets it.
//! - Files are read by the workers (reads overlap extraction); JSON Lines and standard
//!   input are read by the main thread, since they are one stream.
//! - A file found by walking a directory that looks binary is skipped
//!   ([`Event::Skipped`]); anything else unreadable is a failure ([`Event::Failed`]),
//!   and the other documents are still read. So is a document whose extraction
//!   panicked (a bug): it fails as [`Error::Internal`], the rest of the run goes on.

use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::sync_channel;

use rayon::prelude::*;

use crate::document::{Document, Source};
use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use crate::input::{self, Encoding, Input, InputKind, JsonlFields, JsonlReader};
use crate::pipeline::{Extraction, Pipeline};

/// What happened to one input item, reported in input order.
#[derive(Debug)]
pub enum Event<'a> {
    /// A document was extracted and merged.
    Document {
        /// Its provenance.
        source: &'a Source,
        /// Bytes read for it (file size, or the JSON line).
        bytes: u64,
        /// How its bytes were decoded.
        encoding: Encoding,
    },
    /// A file found in a directory was not text; skipped.
    Skipped {
        /// Why.
        error: &'a Error,
        /// Bytes of input it covered.
        bytes: u64,
    },
    /// An input could not be read or parsed.
    Failed {
        /// Why.
        error: &'a Error,
        /// Bytes of input it covered.
        bytes: u64,
    },
}

/// Receives the events of a run; every method has a do-nothing default.
pub trait Progress: Send {
    /// Called once before the first event: total input bytes, when all sizes are known.
    fn begin(&mut self, _total_bytes: Option<u64>) {}
    /// Called for each document, skip or failure, in input order.
    fn event(&mut self, _event: Event<'_>) {}
}

/// A [`Progress`] that ignores everything.
#[derive(Debug, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}

/// Counts of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents merged.
    pub documents: u64,
    /// Input bytes read (documents, skipped and failed items).
    pub bytes: u64,
    /// Files skipped as binary.
    pub skipped: u64,
    /// Inputs or lines that failed.
    pub failed: u64,
}

/// Runs a pipeline over many inputs. Build once; [`Archive::run`] it.
#[derive(Debug)]
pub struct Archive<'p> {
    pipeline: &'p Pipeline,
    jobs: usize,
    fields: JsonlFields,
    /// Most documents in one batch.
    pub batch_docs: usize,
    /// A batch is closed once its inputs reach this many bytes.
    pub batch_bytes: u64,
    /// Most documents a worker extracts together, stage by stage.
    pub stage_docs: usize,
    /// A run of documents extracted together is closed once its inputs reach this
    /// many bytes.
    pub stage_bytes: u64,
}

/// One unit of work, in input order.
enum Job {
    /// Read and decode a file.
    File {
        path: PathBuf,
        walked: bool,
        /// Its size when the walk saw it: room for the bytes is made before they are read.
        size: Option<u64>,
    },
    /// Decode bytes already read (standard input).
    Bytes { path: PathBuf, bytes: Vec<u8> },
    /// Parse one JSON line.
    Line {
        path: Arc<Path>,
        line: u64,
        bytes: Vec<u8>,
    },
    /// An input that failed before any work (opening or reading a stream).
    Failed { error: Error, bytes: u64 },
}

impl Job {
    fn size_hint(&self) -> u64 {
        match self {
            Job::File { size, .. } => size.unwrap_or(0),
            Job::Bytes { bytes, .. } | Job::Line { bytes, .. } => bytes.len() as u64,
            Job::Failed { bytes, .. } => *bytes,
        }
    }
}

/// What a job gave.
enum Outcome {
    Document {
        // boxed: an extraction is a few hundred bytes, the other outcomes a few dozen
        extraction: Box<Extraction>,
        bytes: u64,
        encoding: Encoding,
    },
    Skipped {
        error: Error,
        bytes: u64,
    },
    Failed {
        error: Error,
        bytes: u64,
    },
    /// A blank JSON line.
    Nothing {
        bytes: u64,
    },
}

/// A job read: its document, the bytes read and their encoding; or its outcome already.
type Ready = std::result::Result<(Document, u64, Encoding), Outcome>;

impl<'p> Archive<'p> {
    /// An archive run with `pipeline` on all cores (rayon's default thread count).
    pub fn new(pipeline: &'p Pipeline) -> Self {
        Archive {
            pipeline,
            jobs: 0,
            fields: JsonlFields::default(),
            batch_docs: 256,
            batch_bytes: 16 << 20,
            stage_docs: 16,
            stage_bytes: 64 << 10,
        }
    }

    /// Number of worker threads; 0 means one per core.
    pub fn jobs(mut self, jobs: usize) -> Self {
        self.jobs = jobs;
        self
    }

    /// Field names of JSON Lines articles.
    pub fn fields(mut self, fields: JsonlFields) -> Self {
        self.fields = fields;
        self
    }

    /// Reads, extracts and merges every input into `graph`, in input order.
    ///
    /// Fails only when the thread pool cannot be built; unreadable inputs are
    /// reported as [`Event::Failed`] and counted in the [`Summary`].
    pub fn run(
        &self,
        inputs: &[Input],
        graph: &mut KnowledgeGraph,
        progress: &mut dyn Progress,
    ) -> Result<Summary> {
        let known = inputs.iter().all(|i| i.size.is_some());
        let total: u64 = inputs.iter().filter_map(|i| i.size).sum();
        progress.begin(known.then_some(total));
        let mut summary = Summary::default();
        let mut jobs = JobStream::new(inputs);
        let threads = if self.jobs == 0 {
            rayon::current_num_threads()
        } else {
            self.jobs
        };
        if threads <= 1 {
            // one thread: read, extract and merge a run of documents at a time
            loop {
                let run = take(&mut jobs, self.stage_docs, self.stage_bytes);
                if run.is_empty() {
                    return Ok(summary);
                }
                for outcome in self.work_run(run) {
                    merge(outcome, graph, progress, &mut summary);
                }
            }
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| Error::Threads(e.to_string()))?;
        let (tx, rx) = sync_channel::<Vec<Outcome>>(1);
        std::thread::scope(|s| {
            let summary = &mut summary;
            let merger = s.spawn(move || {
                for batch in rx {
                    for outcome in batch {
                        merge(outcome, graph, progress, summary);
                    }
                }
            });
            loop {
                let batch = take(&mut jobs, self.batch_docs, self.batch_bytes);
                if batch.is_empty() {
                    break;
                }
                let done: Vec<Outcome> = pool.install(|| {
                    let runs: Vec<Vec<Outcome>> = self
                        .runs(batch)
                        .into_par_iter()
                        .map(|run| self.work_run(run))
                        .collect();
                    runs.into_iter().flatten().collect()
                });
                if tx.send(done).is_err() {
                    break; // the merger stopped (it panicked): join reports it
                }
            }
            drop(tx);
            if let Err(panic) = merger.join() {
                std::panic::resume_unwind(panic);
            }
        });
        Ok(summary)
    }

    /// A batch's jobs cut into runs for [`Archive::work_run`], in order.
    fn runs(&self, batch: Vec<Job>) -> Vec<Vec<Job>> {
        let mut jobs = batch.into_iter();
        std::iter::from_fn(|| {
            let run = take(&mut jobs, self.stage_docs, self.stage_bytes);
            (!run.is_empty()).then_some(run)
        })
        .collect()
    }

    /// Reads, decodes and extracts a run of jobs, their documents together
    /// ([`Pipeline::extract_batch`]); if that panics, each document again alone, so
    /// that only the one at fault fails.
    fn work_run(&self, run: Vec<Job>) -> Vec<Outcome> {
        let read: Vec<Ready> = run.into_iter().map(|job| self.read(job)).collect();
        let docs: Vec<&Document> = read
            .iter()
            .filter_map(|r| r.as_ref().ok().map(|(doc, ..)| doc))
            .collect();
        let extractions = together_or_alone(
            &docs,
            |docs| self.pipeline.extract_batch(docs),
            |doc| self.pipeline.extract(doc),
        );
        let mut extractions = extractions.into_iter();
        read.into_iter()
            .map(|r| match r {
                Ok((_, bytes, encoding)) => match extractions.next().expect("one a document") {
                    Ok(extraction) => Outcome::Document {
                        extraction: Box::new(extraction),
                        bytes,
                        encoding,
                    },
                    Err(error) => Outcome::Failed { error, bytes },
                },
                Err(outcome) => outcome,
            })
            .collect()
    }

    /// Reads and decodes one job: its document, bytes and encoding, or what it gave
    /// instead.
    fn read(&self, job: Job) -> Ready {
        Ok(match job {
            Job::File { path, walked, size } => {
                let bytes = input::read_file(&path, size);
                let len = bytes.as_ref().map_or(0, |b| b.len() as u64);
                match bytes
                    .map_err(|source| Error::Io {
                        path: path.clone(),
                        source,
                    })
                    .and_then(|b| input::decode_vec(b, &path))
                {
                    Ok((text, enc)) => (Document::new(path.to_string_lossy(), text), len, enc),
                    Err(error @ Error::Binary { .. }) if walked => {
                        return Err(Outcome::Skipped { error, bytes: len });
                    }
                    Err(error) => return Err(Outcome::Failed { error, bytes: len }),
                }
            }
            Job::Bytes { path, bytes } => {
                let len = bytes.len() as u64;
                match input::decode_vec(bytes, &path) {
                    Ok((text, enc)) => (Document::new(path.to_string_lossy(), text), len, enc),
                    Err(error) => return Err(Outcome::Failed { error, bytes: len }),
                }
            }
            Job::Line { path, line, bytes } => {
                let len = bytes.len() as u64;
                match input::parse_article(&bytes, &path, line, &self.fields) {
                    Ok(Some(doc)) => (doc, len, Encoding::Utf8),
                    Ok(None) => return Err(Outcome::Nothing { bytes: len }),
                    Err(error) => return Err(Outcome::Failed { error, bytes: len }),
                }
            }
            Job::Failed { error, bytes } => return Err(Outcome::Failed { error, bytes }),
        })
    }
}

/// The next jobs of `jobs`, in order: at least one (unless there are none), at most
/// `docs`, and no more once their inputs reach `bytes`.
fn take(jobs: &mut impl Iterator<Item = Job>, docs: usize, bytes: u64) -> Vec<Job> {
    let mut taken = Vec::new();
    let mut sum = 0u64;
    while taken.len() < docs.max(1) && sum < bytes {
        let Some(job) = jobs.next() else {
            break;
        };
        sum += job.size_hint();
        taken.push(job);
    }
    taken
}

/// `all` of `docs` (their extraction together), or if that panics, `one` of each
/// document alone, [`isolated`]: a bug costs only the document that meets it (the
/// others are extracted twice, and the panic is reported twice by the panic hook).
fn together_or_alone<T>(
    docs: &[&Document],
    all: impl FnOnce(&[&Document]) -> Vec<T>,
    one: impl Fn(&Document) -> T,
) -> Vec<Result<T>> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| all(docs))) {
        Ok(done) => done.into_iter().map(Ok).collect(),
        Err(_) => docs.iter().map(|doc| isolated(doc, || one(doc))).collect(),
    }
}

/// Runs `f` (the extraction of `doc`) so that a panic in it, which would be a bug of
/// ours, costs only this document: it becomes an [`Error::Internal`] naming the
/// document, and the run goes on. (The extraction owns all its state and the graph is
/// not touched by it, so nothing half-done outlives the panic.)
fn isolated<T>(doc: &Document, f: impl FnOnce() -> T) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        Error::Internal {
            document: doc.source.path.clone(),
            message,
        }
    })
}

fn merge(
    outcome: Outcome,
    graph: &mut KnowledgeGraph,
    progress: &mut dyn Progress,
    summary: &mut Summary,
) {
    match outcome {
        Outcome::Document {
            extraction,
            bytes,
            encoding,
        } => {
            graph.add(&extraction);
            summary.documents += 1;
            summary.bytes += bytes;
            progress.event(Event::Document {
                source: &extraction.source,
                bytes,
                encoding,
            });
        }
        Outcome::Skipped { error, bytes } => {
            summary.skipped += 1;
            summary.bytes += bytes;
            progress.event(Event::Skipped {
                error: &error,
                bytes,
            });
        }
        Outcome::Failed { error, bytes } => {
            summary.failed += 1;
            summary.bytes += bytes;
            progress.event(Event::Failed {
                error: &error,
                bytes,
            });
        }
        Outcome::Nothing { bytes } => summary.bytes += bytes,
    }
}

/// A JSON Lines stream being read, with its path.
type Lines<'i> = (Arc<Path>, JsonlReader<Box<dyn std::io::BufRead + 'i>>);

/// The jobs of the inputs, in order; reads JSON Lines and standard input as it goes.
struct JobStream<'i> {
    inputs: std::slice::Iter<'i, Input>,
    lines: Option<Lines<'i>>,
}

impl<'i> JobStream<'i> {
    fn new(inputs: &'i [Input]) -> Self {
        JobStream {
            inputs: inputs.iter(),
            lines: None,
        }
    }
}

impl Iterator for JobStream<'_> {
    type Item = Job;

    /// The next job.
    fn next(&mut self) -> Option<Job> {
        loop {
            if let Some((path, reader)) = &mut self.lines {
                match reader.next_line() {
                    Ok(Some((line, bytes))) => {
                        let path = path.clone();
                        return Some(Job::Line { path, line, bytes });
                    }
                    Ok(None) => self.lines = None,
                    Err(source) => {
                        let path = path.to_path_buf();
                        self.lines = None;
                        let error = Error::Io { path, source };
                        return Some(Job::Failed { error, bytes: 0 });
                    }
                }
            }
            let input = self.inputs.next()?;
            let path = input.path.clone();
            match input.kind {
                InputKind::File => {
                    let job = Job::File {
                        path,
                        walked: input.walked,
                        size: input.size,
                    };
                    return Some(job);
                }
                InputKind::Stdin => {
                    let mut bytes = Vec::new();
                    return Some(match std::io::stdin().lock().read_to_end(&mut bytes) {
                        Ok(_) => Job::Bytes { path, bytes },
                        Err(source) => {
                            let error = Error::Io { path, source };
                            Job::Failed { error, bytes: 0 }
                        }
                    });
                }
                InputKind::StdinJsonl => {
                    let reader: Box<dyn std::io::BufRead> = Box::new(std::io::stdin().lock());
                    self.lines = Some((Arc::from(path.as_path()), JsonlReader::new(reader)));
                }
                InputKind::Jsonl => match std::fs::File::open(&path) {
                    Ok(f) => {
                        let reader: Box<dyn std::io::BufRead> =
                            Box::new(BufReader::with_capacity(1 << 20, f));
                        self.lines = Some((Arc::from(path.as_path()), JsonlReader::new(reader)));
                    }
                    Err(source) => {
                        let bytes = input.size.unwrap_or(0);
                        let error = Error::Io { path, source };
                        return Some(Job::Failed { error, bytes });
                    }
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{Exporter, JsonExporter};
    use crate::input::{Inputs, WalkOptions};

    fn json(g: &KnowledgeGraph) -> Vec<u8> {
        let mut out = Vec::new();
        JsonExporter { pretty: false }.write(g, &mut out).unwrap();
        out
    }

    #[derive(Default)]
    struct Record(Vec<String>);

    impl Progress for Record {
        fn event(&mut self, e: Event<'_>) {
            self.0.push(match e {
                Event::Document { source, .. } => source.path.clone(),
                Event::Skipped { error, .. } => format!("skipped {error}"),
                Event::Failed { error, .. } => format!("failed {error}"),
            });
        }
    }

    #[test]
    fn any_thread_count_gives_the_same_graph() {
        let dir = tempfile::tempdir().unwrap();
        let stories = [
            "“We will strike,” said CTU President Jesse Sharkey.",
            "Mayor Lori Lightfoot opposes a delay. Sharkey requests one.",
            "The Chicago Teachers Union (CTU) met on Monday.",
        ];
        for i in 0..40 {
            let p = dir.path().join(format!("{i:02}.txt"));
            std::fs::write(p, stories[i % 3]).unwrap();
        }
        let lines: String = (0..30)
            .map(|i| format!("{{\"id\": {i}, \"text\": {:?}}}\n", stories[i % 3]))
            .collect();
        std::fs::write(dir.path().join("more.jsonl"), lines + "{bad\n").unwrap();
        let inputs = Inputs::expand(&[dir.path()], &WalkOptions::default()).unwrap();
        let pipeline = Pipeline::new();
        let mut outputs = Vec::new();
        // runs of one document, of several, cut by bytes, longer than a batch
        for (jobs, batch, run, run_bytes) in [
            (1, 256, 16, 64 << 10),
            (1, 256, 1, 64 << 10),
            (1, 256, 5, 100),
            (2, 3, 16, 64 << 10),
            (4, 7, 3, 64 << 10),
            (3, 1000, 16, 200),
            (2, 5, 8, 64 << 10),
        ] {
            let mut g = KnowledgeGraph::new();
            let mut rec = Record::default();
            let mut archive = Archive::new(&pipeline).jobs(jobs);
            archive.batch_docs = batch;
            archive.stage_docs = run;
            archive.stage_bytes = run_bytes;
            let s = archive.run(&inputs.inputs, &mut g, &mut rec).unwrap();
            g.finish();
            assert_eq!((s.documents, s.failed), (70, 1));
            assert_eq!(rec.0.len(), 71);
            assert!(rec.0[70].starts_with("failed"), "{:?}", rec.0[70]);
            outputs.push((json(&g), rec.0));
        }
        for o in &outputs[1..] {
            assert!(o.0 == outputs[0].0, "graph differs between thread counts");
            assert_eq!(o.1, outputs[0].1);
        }
    }

    #[test]
    fn a_panicking_extraction_costs_only_its_document() {
        let doc = Document::new("bad.txt", "text");
        let err = isolated(&doc, || -> u32 { panic!("index out of bounds") }).unwrap_err();
        assert!(
            matches!(&err, Error::Internal { document, message }
                if document == "bad.txt" && message == "index out of bounds"),
            "{err:?}"
        );
        assert!(err.to_string().starts_with("bad.txt: internal error"));
        let n = 7;
        let err = isolated(&doc, || -> u32 { panic!("{n} tokens") }).unwrap_err();
        assert!(matches!(&err, Error::Internal { message, .. } if message == "7 tokens"));
        assert_eq!(isolated(&doc, || 3).unwrap(), 3);
    }

    #[test]
    fn a_panicking_run_is_done_again_one_document_at_a_time() {
        let docs = [
            Document::new("a.txt", "one"),
            Document::new("bad.txt", "two"),
            Document::new("c.txt", "three"),
        ];
        let docs: Vec<&Document> = docs.iter().collect();
        let len = |d: &Document| {
            assert!(d.source.path != "bad.txt", "bad document");
            d.text.len()
        };
        let got = together_or_alone(&docs, |ds| ds.iter().map(|d| len(d)).collect(), len);
        assert!(
            matches!(got[0], Ok(3)) && matches!(got[2], Ok(5)),
            "{got:?}"
        );
        assert!(
            matches!(&got[1], Err(Error::Internal { document, message })
                if document == "bad.txt" && message == "bad document"),
            "{got:?}"
        );
        let good = &docs[..1];
        let got = together_or_alone(good, |ds| ds.iter().map(|d| len(d) * 10).collect(), len);
        assert!(matches!(got[..], [Ok(30)]), "{got:?}");
    }

    #[test]
    fn binary_files_in_directories_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Jesse Sharkey spoke.").unwrap();
        std::fs::write(dir.path().join("b.bin"), b"\x7fELF\x00\x01").unwrap();
        let inputs = Inputs::expand(&[dir.path()], &WalkOptions::default()).unwrap();
        let pipeline = Pipeline::new();
        let mut g = KnowledgeGraph::new();
        let s = Archive::new(&pipeline)
            .run(&inputs.inputs, &mut g, &mut NoProgress)
            .unwrap();
        assert_eq!((s.documents, s.skipped, s.failed), (1, 1, 0));
    }
}
