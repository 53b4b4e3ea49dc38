//! The command line: parses arguments, calls the app, and prints.
//!
//! [`args`] defines every subcommand and flag; what runs is one file per
//! command family: [`ask`] (ask, run, eval), [`chat`], [`ingest`],
//! [`facts`] (the moderators' `facts …`), [`gaps`] (their `facts gap …`) and [`commands`] (the bot's slash
//! commands on Discord), with [`stream`] reading standard input safely for
//! `ask -` and the chat, [`progress`] drawing progress at a terminal, and
//! [`shell`] the completion scripts and man page.
//!
//! Output for the user goes to stdout; diagnostics go through tracing to
//! stderr.

mod args;
mod ask;
mod chat;
mod commands;
mod facts;
mod gaps;
mod ingest;
mod progress;
mod shell;
mod stream;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::app::App;
use crate::config::Config;
use crate::store::Store;

pub use args::{Cli, Command, CommandsCommand, FactsCommand, Output, Who};
pub use ask::render;
pub use chat::chat;
pub use stream::MAX_LINE_BYTES;

/// Carries out `cli` with `config` (already loaded from `cli.config`).
pub fn run(cli: Cli, config: Config) -> anyhow::Result<ExitCode> {
    let db = cli.db.as_deref();
    let show = progress::wanted(cli.quiet);
    let command = cli.command.unwrap_or(Command::Run);
    let _span = tracing::info_span!("command", name = command.name()).entered();
    match command {
        Command::Run => ask::run_bot(config, db, show),
        Command::Ask {
            json,
            sessions,
            words,
        } => {
            if sessions && !(words.len() == 1 && words[0] == "-") {
                eprintln!("error: --sessions reads standard input: give `-` as the question");
                return Ok(ExitCode::from(2));
            }
            let app = open_app(&config, db, show)?;
            ask::ask(&app, &words, json, sessions)?;
            keep_engine_until_exit(&app);
            Ok(ExitCode::SUCCESS)
        }
        Command::Chat => {
            chat(&mut open_app(&config, db, show)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest(args) => {
            ingest::ingest(&config, db, args, show)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { file, min_accuracy } => {
            ask::run_eval(&open_app(&config, db, show)?, &file, min_accuracy)
        }
        Command::Facts { command } => facts::run(&config, db, command),
        Command::Commands {
            command: CommandsCommand::Clear { guild },
        } => commands::clear(&config, guild),
        Command::Completions { shell } => {
            shell::completions(shell)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            shell::man()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The app over the database at `db` (or the configured one), with a
/// spinner while the index is built when `show` (see [`progress`]).
fn open_app(config: &Config, db: Option<&std::path::Path>, show: bool) -> anyhow::Result<App> {
    let store = Store::open_seeded(db.unwrap_or(&config.database))?;
    // Read back when saved beside the database (rebuilt if stale, which
    // the log says), built otherwise.
    let doing = if crate::snapshot::path_for(store.path()).exists() {
        "Loading"
    } else {
        "Building"
    };
    // Counting a large store's facts is a scan: only for a spinner shown.
    let what = if show {
        format!("{doing} the index of {} facts", store.fact_count()?)
    } else {
        String::new()
    };
    let spinner = progress::spinner(show, what);
    let app = App::with_store(store, config);
    spinner.finish_and_clear();
    app
}

/// Leaves `app`'s engine to be freed by the process's end rather than
/// piece by piece when `app` is dropped: a one-shot command is about to
/// exit, and freeing a large engine's millions of allocations takes longer
/// than answering did (about 0.2 s at 100,000 facts). The store is still
/// closed as usual.
fn keep_engine_until_exit(app: &App) {
    std::mem::forget(std::sync::Arc::clone(&app.engine));
}

/// Writes `text` and a newline to stdout, treating a closed pipe (`| head`)
/// as the reader being done rather than as an error.
fn print_out(text: &str) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to standard output"),
    }
}
