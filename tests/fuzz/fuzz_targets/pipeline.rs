//! The whole pipeline on any bytes: decode as the command line does (UTF-8, BOMs,
//! UTF-16, Latin-1, binary refused), extract, check every span, build the graph and
//! check that every export writes and parses back.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsgraph::Pipeline;

#[path = "../check.rs"]
mod check;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::new)
}

fuzz_target!(|data: &[u8]| {
    // binary input is refused with an error, which is fine; anything else is text
    if let Ok((text, _)) = newsgraph::input::decode(data, Path::new("fuzz.txt")) {
        check::text(pipeline(), &text);
    }
});
