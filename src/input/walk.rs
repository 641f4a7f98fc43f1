//! Expanding the paths a user gave into an ordered list of inputs.
//!
//! Takes: paths (files, directories, `-`) and [`WalkOptions`]. Gives: [`Inputs`]: every
//! file to read, in a deterministic order, with its size (for progress and ETA), and
//! the paths that could not be read.
//!
//! Rules:
//! - Paths are taken in the order given; a directory is walked recursively, its entries
//!   sorted by name (byte order), so the same tree always gives the same order.
//! - Inside directories, names starting with "." are skipped, and so are symbolic links
//!   to directories (no loops); `--glob` patterns filter the files found, matched
//!   against the path relative to the directory given (`*.txt`, `business/**`); a
//!   pattern starting with `!` excludes. Files named explicitly are always read.
//! - `.jsonl` and `.ndjson` files (any case) are JSON Lines of articles; with
//!   [`WalkOptions::jsonl`] every input is, standard input included.
//!
//! Limits: only the list of paths is held, never their contents.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::error::{Error, Result};

/// How an input is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// One article per file.
    File,
    /// JSON Lines: one article per line.
    Jsonl,
    /// Standard input, one article.
    Stdin,
    /// Standard input, JSON Lines.
    StdinJsonl,
}

/// One file (or standard input) to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The path as given or found (`-` for standard input).
    pub path: PathBuf,
    /// How to read it.
    pub kind: InputKind,
    /// Size in bytes, when known (not for standard input).
    pub size: Option<u64>,
    /// Found by walking a directory (not named by the user): a binary file is then
    /// skipped rather than an error.
    pub walked: bool,
}

/// Options of [`Inputs::expand`].
#[derive(Clone, Debug, Default)]
pub struct WalkOptions {
    /// Glob patterns for files found in directories; `!pattern` excludes.
    pub globs: Vec<String>,
    /// Read every input as JSON Lines.
    pub jsonl: bool,
}

/// The inputs, in reading order, and the paths that failed.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Files to read, in order.
    pub inputs: Vec<Input>,
    /// Paths (or directory entries) that could not be read.
    pub errors: Vec<Error>,
}

impl Inputs {
    /// Expands `paths` (files, directories, `-`) into inputs.
    ///
    /// Fails only on a bad glob pattern; unreadable paths are collected in
    /// [`Inputs::errors`].
    pub fn expand<P: AsRef<Path>>(paths: &[P], options: &WalkOptions) -> Result<Inputs> {
        let filter = Filter::new(&options.globs)?;
        let mut out = Inputs::default();
        for p in paths {
            let path = p.as_ref();
            if path.as_os_str() == "-" {
                out.inputs.push(Input {
                    path: path.to_path_buf(),
                    kind: if options.jsonl {
                        InputKind::StdinJsonl
                    } else {
                        InputKind::Stdin
                    },
                    size: None,
                    walked: false,
                });
                continue;
            }
            match std::fs::metadata(path) {
                Ok(m) if m.is_dir() => walk(path, path, &filter, options, &mut out),
                Ok(m) => out.inputs.push(file_input(path, m.len(), options, false)),
                Err(source) => out.errors.push(Error::Io {
                    path: path.to_path_buf(),
                    source,
                }),
            }
        }
        Ok(out)
    }

    /// Total bytes of the inputs whose size is known, and whether all are known.
    pub fn total_bytes(&self) -> (u64, bool) {
        let known = self.inputs.iter().filter_map(|i| i.size).sum();
        (known, self.inputs.iter().all(|i| i.size.is_some()))
    }
}

fn is_jsonl_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

fn file_input(path: &Path, size: u64, options: &WalkOptions, walked: bool) -> Input {
    Input {
        path: path.to_path_buf(),
        kind: if options.jsonl || is_jsonl_name(path) {
            InputKind::Jsonl
        } else {
            InputKind::File
        },
        size: Some(size),
        walked,
    }
}

/// Include and exclude patterns.
struct Filter {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl Filter {
    fn new(globs: &[String]) -> Result<Filter> {
        let mut inc = GlobSetBuilder::new();
        let mut exc = GlobSetBuilder::new();
        let (mut n_inc, mut n_exc) = (0, 0);
        for g in globs {
            let (neg, pat) = match g.strip_prefix('!') {
                Some(p) => (true, p),
                None => (false, g.as_str()),
            };
            let glob = Glob::new(pat).map_err(|e| Error::Glob {
                pattern: g.clone(),
                message: e.kind().to_string(),
            })?;
            if neg {
                exc.add(glob);
                n_exc += 1;
            } else {
                inc.add(glob);
                n_inc += 1;
            }
        }
        let build = |b: GlobSetBuilder, n: usize| -> Result<Option<GlobSet>> {
            if n == 0 {
                return Ok(None);
            }
            b.build().map(Some).map_err(|e| Error::Glob {
                pattern: globs.join(" "),
                message: e.kind().to_string(),
            })
        };
        Ok(Filter {
            include: build(inc, n_inc)?,
            exclude: build(exc, n_exc)?,
        })
    }

    fn accepts(&self, relative: &Path) -> bool {
        self.include.as_ref().is_none_or(|g| g.is_match(relative))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(relative))
    }
}

fn walk(root: &Path, dir: &Path, filter: &Filter, options: &WalkOptions, out: &mut Inputs) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(source) => {
            out.errors.push(Error::Io {
                path: dir.to_path_buf(),
                source,
            });
            return;
        }
    };
    let mut names = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => names.push(e),
            Err(source) => out.errors.push(Error::Io {
                path: dir.to_path_buf(),
                source,
            }),
        }
    }
    names.sort_by_key(|e| e.file_name());
    for e in names {
        let name = e.file_name();
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            walk(root, &path, filter, options, out);
            continue;
        }
        // a regular file's size is asked of its directory entry (a lookup relative to
        // the directory already open, not a walk of the whole path); a symbolic link is
        // followed to a file, never to a directory
        let meta = if ft.is_file() {
            e.metadata()
        } else {
            std::fs::metadata(&path)
        };
        let meta = match meta {
            Ok(m) => m,
            Err(source) => {
                out.errors.push(Error::Io { path, source });
                continue;
            }
        };
        if meta.is_dir() {
            continue;
        }
        let relative = path.strip_prefix(root).unwrap_or(&path);
        if filter.accepts(relative) {
            out.inputs
                .push(file_input(&path, meta.len(), options, true));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        let p = d.path();
        std::fs::create_dir_all(p.join("b/sub")).unwrap();
        std::fs::create_dir_all(p.join(".git")).unwrap();
        for f in [
            "b/2.txt",
            "b/10.txt",
            "b/sub/x.txt",
            "a.txt",
            "README",
            ".hidden.txt",
            ".git/c.txt",
            "news.jsonl",
        ] {
            std::fs::write(p.join(f), "x").unwrap();
        }
        d
    }

    fn names(inputs: &Inputs, root: &Path) -> Vec<String> {
        inputs
            .inputs
            .iter()
            .map(|i| {
                let rel = i
                    .path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .to_string();
                match i.kind {
                    InputKind::Jsonl => format!("{rel}[jsonl]"),
                    _ => rel,
                }
            })
            .collect()
    }

    #[test]
    fn walks_sorted_skipping_hidden() {
        let d = tree();
        let got = Inputs::expand(&[d.path()], &WalkOptions::default()).unwrap();
        assert_eq!(
            names(&got, d.path()),
            [
                "README",
                "a.txt",
                "b/10.txt",
                "b/2.txt",
                "b/sub/x.txt",
                "news.jsonl[jsonl]"
            ]
        );
        assert!(got.errors.is_empty());
    }

    #[test]
    fn globs_filter_walked_files() {
        let d = tree();
        let opts = |g: &[&str]| WalkOptions {
            globs: g.iter().map(|s| s.to_string()).collect(),
            jsonl: false,
        };
        // pattern, files kept
        let cases: &[(&[&str], &[&str])] = &[
            (&["*.txt"], &["a.txt", "b/10.txt", "b/2.txt", "b/sub/x.txt"]),
            (&["b/*.txt"], &["b/10.txt", "b/2.txt", "b/sub/x.txt"]),
            (&["*.txt", "!b/sub/**"], &["a.txt", "b/10.txt", "b/2.txt"]),
            (&["*.jsonl"], &["news.jsonl[jsonl]"]),
        ];
        for (globs, want) in cases {
            let got = Inputs::expand(&[d.path()], &opts(globs)).unwrap();
            assert_eq!(names(&got, d.path()), *want, "{globs:?}");
        }
        // a file named explicitly is read whatever the glob
        let got = Inputs::expand(&[d.path().join("README")], &opts(&["*.txt"])).unwrap();
        assert_eq!(got.inputs.len(), 1);
    }

    #[test]
    fn bad_glob_and_missing_path() {
        let err = Inputs::expand(
            &["x"],
            &WalkOptions {
                globs: vec!["a[".into()],
                jsonl: false,
            },
        );
        assert!(matches!(err, Err(Error::Glob { .. })));
        let got = Inputs::expand(&["/no/such/path"], &WalkOptions::default()).unwrap();
        assert!(got.inputs.is_empty() && got.errors.len() == 1);
    }

    #[test]
    fn stdin_and_jsonl_flag() {
        let opts = WalkOptions {
            globs: vec![],
            jsonl: true,
        };
        let got = Inputs::expand(&["-"], &opts).unwrap();
        assert_eq!(got.inputs[0].kind, InputKind::StdinJsonl);
        let got = Inputs::expand(&["-"], &WalkOptions::default()).unwrap();
        assert_eq!(got.inputs[0].kind, InputKind::Stdin);
    }
}
