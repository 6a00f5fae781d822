//! `ict-data`: the explorer's data on the command line, for R, Python or a spreadsheet.

// The command reads the checks, which compile natively only; `cargo test --target wasm32`
// still builds every binary, so there the command is an empty program.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(not(target_arch = "wasm32"))]
use ict_explorer::{checks, data, export};
#[cfg(not(target_arch = "wasm32"))]
use std::io::Write;
use std::process::ExitCode;

#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    ExitCode::FAILURE
}

const USAGE: &str = "usage: ict-data <command>

commands:
  csv      every number as tidy CSV (dataset,series,measure,year,value,unit,status,note)
  json     the same data, nested by dataset, series and measure
  audit    the cross-checks' findings, as CSV
  claims   the paper's claims with verdicts, as CSV
";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let output = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["csv"] => export::data_csv(data::all()),
        ["json"] => match serde_json::to_string_pretty(&export::document()) {
            Ok(json) => json + "\n",
            Err(error) => {
                eprintln!("ict-data: could not write JSON: {error}");
                return ExitCode::FAILURE;
            }
        },
        ["audit"] => export::audit_csv(&checks::paper().findings),
        ["claims"] => export::claims_csv(&checks::paper().claims),
        ["-h" | "--help" | "help"] => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match std::io::stdout().write_all(output.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (e.g. `| head`) is not an error worth reporting.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ict-data: {error}");
            ExitCode::FAILURE
        }
    }
}
