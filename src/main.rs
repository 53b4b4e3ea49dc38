//! The `summit-bot` binary: loads the config, starts tracing (to stderr,
//! filtered by RUST_LOG) and hands over to the command line.

use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;

use summit_bot::cli::{self, Cli};
use summit_bot::config::Config;

/// What is logged when RUST_LOG is not set: our own progress, and only
/// warnings from the libraries.
const DEFAULT_LOG_FILTER: &str = "warn,summit_bot=info";

fn main() -> ExitCode {
    let args = Cli::parse();
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_LOG_FILTER));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    let config = match Config::load(args.config.as_deref()) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    match cli::run(args, config) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
