//! The Perheopas catalogue tool's command line: parses the arguments (`cli`) and runs the command
//! from the library. A bad command line exits 2 with clap's message naming the argument; a failed
//! command exits 1 with its own message.

use std::process::ExitCode;

use clap::Parser;
use perheopas_xtask::cli::{run, Cli};

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
