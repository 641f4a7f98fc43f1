//! The `newsgraph` command: parse arguments, run the subcommand, map errors to exit codes.
#![allow(clippy::print_stderr)]

mod cli;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command, exit};

// mimalloc: the extraction stages allocate many small strings, and glibc's malloc was
// a quarter of all instructions; it also keeps memory flatter across worker threads
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Extract(args) => cli::extract::run(args),
        Command::Convert(args) => cli::convert::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // a closed pipe (`| head`) is not an error
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
                    || c.downcast_ref::<newsgraph::Error>().is_some_and(|ne| {
                        matches!(ne, newsgraph::Error::Write(io) if io.kind() == std::io::ErrorKind::BrokenPipe)
                    })
            }) {
                return ExitCode::from(exit::OK);
            }
            eprintln!("newsgraph: {e:#}");
            ExitCode::from(exit::USAGE)
        }
    }
}
