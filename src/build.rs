//! Build script (`build` in Cargo.toml: the top of the repo holds no other files):
//! parses the word lists under `data/` once, at compile time.
//!
//! It compiles the library's own loader (`src/lexicon/`, with the tokenizer that makes
//! phrase keys), builds the built-in [`lexicon::Lexicon`] from the data files exactly as
//! a run used to at every start, and writes it as a snapshot to `$OUT_DIR/lexicon.bin`,
//! with its word entries in `$OUT_DIR/entries.bin`. The library embeds the first and
//! makes a static table of the second when the `newsgraph_snapshot` cfg set here is on,
//! so `data/` stays the one source of truth and a start reads ready tables.

// the build script compiles library modules of which it calls only the loader; cargo
// reads what it prints
#![allow(dead_code, unused_imports, missing_docs, clippy::print_stdout)]

#[path = "document.rs"]
mod document;
#[path = "kind.rs"]
mod kind;
#[path = "lexicon/mod.rs"]
mod lexicon;
#[path = "tokens.rs"]
mod tokens;

/// The loader's errors: the two of the library's error kinds it makes, without the
/// crates the others need.
mod error {
    use std::path::PathBuf;

    #[derive(Debug)]
    pub enum Error {
        Io {
            path: PathBuf,
            source: std::io::Error,
        },
        Lexicon {
            path: PathBuf,
            line: usize,
            message: String,
        },
    }

    pub type Result<T, E = Error> = std::result::Result<T, E>;
}

fn main() {
    for path in [
        "src/build.rs",
        "data",
        "src/lexicon",
        "src/tokens.rs",
        "src/kind.rs",
        "src/document.rs",
    ] {
        println!("cargo::rerun-if-changed={path}");
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let lex = lexicon::Lexicon::builtin();
    let (snapshot, entries) = lex.snapshot();
    std::fs::write(out.join("lexicon.bin"), snapshot).expect("writing the lexicon snapshot");
    std::fs::write(out.join("entries.bin"), entries).expect("writing the word entries");
    println!("cargo::rustc-cfg=newsgraph_snapshot");
}
