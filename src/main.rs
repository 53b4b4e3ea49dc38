//! The `summit-bot` binary: loads the config, starts tracing (to stderr,
//! filtered by RUST_LOG, else by `-v`/`-q`) and hands over to the command
//! line.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;

use summit_bot::cli::{self, Cli};
use summit_bot::config::Config;

/// What is logged when RUST_LOG is not set: our own progress, and only
/// warnings from the libraries...
const DEFAULT_LOG_FILTER: &str = "warn,summit_bot=info";
/// ...with `-v`: our own details and the libraries' progress...
const VERBOSE_LOG_FILTER: &str = "info,summit_bot=debug";
/// ...with `-vv` or more: everything.
const VERY_VERBOSE_LOG_FILTER: &str = "debug,summit_bot=trace";
/// ...with `-q`: only errors.
const QUIET_LOG_FILTER: &str = "error";

fn main() -> ExitCode {
    let args = Cli::parse();
    let fallback = match (args.quiet, args.verbose) {
        (true, _) => QUIET_LOG_FILTER,
        (false, 0) => DEFAULT_LOG_FILTER,
        (false, 1) => VERBOSE_LOG_FILTER,
        (false, _) => VERY_VERBOSE_LOG_FILTER,
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(fallback));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(colour(
            std::io::stderr().is_terminal(),
            std::env::var_os("NO_COLOR"),
        ))
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

/// Colour codes only for a person at a terminal: a file, a pipe or the
/// journal would keep them as noise. `NO_COLOR` set to anything but the
/// empty string turns them off (no-color.org).
fn colour(stderr_is_terminal: bool, no_color: Option<std::ffi::OsString>) -> bool {
    stderr_is_terminal && no_color.is_none_or(|v| v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::colour;

    #[test]
    fn colour_only_at_a_terminal_without_no_color() {
        let cases = [
            (true, None, true),
            (true, Some(""), true),
            (true, Some("1"), false),
            (true, Some("0"), false),
            (false, None, false),
            (false, Some("1"), false),
        ];
        for (terminal, no_color, want) in cases {
            assert_eq!(
                colour(terminal, no_color.map(Into::into)),
                want,
                "terminal {terminal}, NO_COLOR {no_color:?}"
            );
        }
    }
}
