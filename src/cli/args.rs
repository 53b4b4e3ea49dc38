//! The command line's definitions: every subcommand, flag and argument,
//! with the help text clap shows. What runs lives beside it, one file per
//! command family.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::print_out;
use crate::fact::AnswerKind;
use crate::moderation::review;
use crate::moderation::Moderator;

/// Answers questions about the September 2018 Tehran summit on Idlib, with
/// sources: on Discord, in a console chat, or one question at a time.
#[derive(Debug, Parser)]
#[command(name = "summit-bot", version)]
pub struct Cli {
    /// The SQLite database to use (default: `database` in the config).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// A config file read after config/local.toml and before the
    /// environment.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Log more on stderr: -v our details, -vv everything (RUST_LOG wins).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Log only errors on stderr (RUST_LOG wins).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the bot: on Discord when a token is configured (DISCORD_TOKEN),
    /// otherwise the console chat. What plain `summit-bot` does.
    Run,
    /// Answer a question. `ask -` answers one question per line of
    /// standard input, in order.
    Ask {
        /// Print the reply as JSON (with `-`: one JSON object a line).
        #[arg(long)]
        json: bool,
        /// With `-`: each line is a JSON object {"session": ID, "question":
        /// TEXT}, and a question is read as a follow-up of the last one in
        /// the same session (as in a DM), for limits.followup_minutes.
        #[arg(long)]
        sessions: bool,
        /// The question (its words are joined with spaces), or `-` to read
        /// questions from standard input.
        #[arg(required = true, value_name = "QUESTION")]
        words: Vec<String>,
    },
    /// Chat in the console: one question a line; `quit` or end of input
    /// ends.
    Chat,
    /// Store an article and the facts extracted from it. Without FILE: the
    /// shipped article with its curated facts. Never changes stored facts;
    /// a title stored with another text is refused unless --replace.
    Ingest(IngestArgs),
    /// Grade the bot on a question set (JSON lines, as in shared/eval) and
    /// print accuracy by kind and the misses.
    Eval {
        /// The question set.
        file: PathBuf,
        /// Exit 1 when the accuracy is below this (0 to 1), e.g. in CI.
        #[arg(long, value_name = "X", value_parser = parse_fraction)]
        min_accuracy: Option<f64>,
    },
    /// Inspect the stored facts.
    Facts {
        #[command(subcommand)]
        command: FactsCommand,
    },
    /// The bot's slash commands on Discord (needs the token).
    Commands {
        #[command(subcommand)]
        command: CommandsCommand,
    },
    /// Print a shell completion script for SHELL on standard output.
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) on standard output.
    Man,
}

#[derive(Debug, Subcommand)]
pub enum CommandsCommand {
    /// Remove the bot's global slash commands, or with --guild those of one
    /// server. After switching between the two (discord.guild_id), the old
    /// copies show beside the new until cleared.
    Clear {
        /// The server whose commands to remove (default: the global ones).
        #[arg(long, value_name = "ID")]
        guild: Option<u64>,
    },
}

impl Command {
    /// The subcommand's name, for the tracing span.
    pub(super) fn name(&self) -> &'static str {
        match self {
            Command::Run => "run",
            Command::Ask { .. } => "ask",
            Command::Chat => "chat",
            Command::Ingest(_) => "ingest",
            Command::Eval { .. } => "eval",
            Command::Facts { .. } => "facts",
            Command::Commands { .. } => "commands",
            Command::Completions { .. } => "completions",
            Command::Man => "man",
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum FactsCommand {
    /// One line per fact: id, paragraph, kind, origin, answer.
    List {
        /// Include retired facts.
        #[arg(long)]
        all: bool,
        /// Only this article's facts (its id or title; default: every
        /// article's).
        #[arg(long, value_name = "ID|TITLE")]
        article: Option<String>,
        #[command(flatten)]
        output: Output,
    },
    /// Everything about one fact, with its phrasings.
    Show {
        /// The fact's id (`12` or `#12`).
        id: String,
        #[command(flatten)]
        output: Output,
    },
    /// All facts, retired ones included, as JSON (what `import` reads).
    Export {
        /// Only this article's facts (its id or title; default: every
        /// article's).
        #[arg(long, value_name = "ID|TITLE")]
        article: Option<String>,
    },
    /// Add a fact; prints its id. Cite a paragraph (with --quote, or the
    /// sentence closest to the answer is cited) or an outside --source.
    Add(AddArgs),
    /// Change a fact's answer, source or phrasings: a new version.
    Edit(EditArgs),
    /// Add a phrasing to a fact.
    Alias {
        /// The fact's id.
        id: String,
        /// The new phrasing (its words are joined with spaces).
        #[arg(required = true)]
        phrasing: Vec<String>,
        #[command(flatten)]
        who: Who,
    },
    /// Retire a fact: kept, restorable, no longer answered from.
    Remove {
        /// The fact's id.
        id: String,
        /// Why it is retired (required), for the history.
        #[arg(long, value_name = "TEXT", required_unless_present = "words")]
        reason: Option<String>,
        /// The reason as words after the id: the older form of --reason,
        /// still read.
        #[arg(value_name = "REASON", conflicts_with = "reason", hide = true)]
        words: Vec<String>,
        /// Who is making the change, for the history.
        #[arg(long, default_value = DEFAULT_BY, value_name = "NAME")]
        by: String,
    },
    /// Bring back a retired fact, or an earlier version of one.
    Restore {
        /// The fact's id.
        id: String,
        /// The version to bring back (default: the fact as it was retired).
        version: Option<i64>,
        #[command(flatten)]
        who: Who,
    },
    /// Every version of a fact: who, when, why, what changed.
    History {
        /// The fact's id.
        id: String,
        #[command(flatten)]
        output: Output,
    },
    /// Import facts from an export: checks the whole file first, then
    /// prints what it changed (or, with --dry-run, would change).
    Import {
        /// The JSON file `facts export` wrote (`-`: standard input).
        file: PathBuf,
        /// Only say what would change.
        #[arg(long)]
        dry_run: bool,
        /// Who is making the change, for the history.
        #[arg(long, default_value = DEFAULT_BY, value_name = "NAME")]
        by: String,
        #[command(flatten)]
        output: Output,
    },
    /// Questions the bot declined or was unsure of, grouped, most asked first.
    Unanswered {
        /// How many days back to look.
        #[arg(default_value_t = review::DEFAULT_DAYS)]
        days: u32,
        #[command(flatten)]
        output: Output,
    },
    /// The topics the articles do not cover ("gaps"): a question about one
    /// is declined naming it. List, add, edit, retire, restore, and show the history.
    Gap {
        #[command(subcommand)]
        command: GapCommand,
    },
    /// The facts with the worst 👍/👎 record.
    Feedback {
        /// Only this article's facts (its id or title; default: every
        /// article's).
        #[arg(long, value_name = "ID|TITLE")]
        article: Option<String>,
        #[command(flatten)]
        output: Output,
    },
}

/// `facts gap …`: the topics the articles do not cover.
#[derive(Debug, clap::Subcommand)]
pub enum GapCommand {
    /// The gaps in force: key, topic, how many questions.
    List {
        /// Retired gaps too.
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        output: Output,
    },
    /// Add a gap: a question like one of its questions is declined with
    /// its note.
    Add(GapAddArgs),
    /// Change a gap's topic, note or questions: a new version.
    Edit(GapEditArgs),
    /// Retire a gap: kept, restorable, no longer declined on. For a topic
    /// a fact now answers.
    Remove {
        /// The gap's key.
        key: String,
        /// Why it is retired (required), for the history.
        #[arg(long, value_name = "TEXT")]
        reason: String,
        /// Who is making the change, for the history.
        #[arg(long, default_value = DEFAULT_BY, value_name = "NAME")]
        by: String,
    },
    /// Bring back a retired gap.
    Restore {
        /// The gap's key.
        key: String,
        #[command(flatten)]
        who: Who,
    },
    /// Every version of a gap: who changed what, when and why.
    History {
        /// The gap's key.
        key: String,
        #[command(flatten)]
        output: Output,
    },
}

/// `facts gap add`'s arguments.
#[derive(Debug, clap::Args)]
pub struct GapAddArgs {
    /// A short name for it, one word (`summit-outcome`).
    pub key: String,
    /// What it is about, in a line.
    #[arg(long)]
    pub topic: String,
    /// What a decline adds after "The article doesn't say.".
    #[arg(long)]
    pub note: String,
    /// A question it covers; repeat for more.
    #[arg(long = "question", required = true, value_name = "Q")]
    pub questions: Vec<String>,
    #[command(flatten)]
    pub who: Who,
}

/// `facts gap edit`'s arguments: what is not given stays.
#[derive(Debug, clap::Args)]
pub struct GapEditArgs {
    /// The gap's key.
    pub key: String,
    /// The new topic.
    #[arg(long)]
    pub topic: Option<String>,
    /// The new note.
    #[arg(long)]
    pub note: Option<String>,
    /// Replaces all its questions; repeat for more.
    #[arg(long = "question", value_name = "Q")]
    pub questions: Vec<String>,
    #[command(flatten)]
    pub who: Who,
}

/// `ingest`'s arguments.
#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// A plain-text article: paragraphs separated by blank lines.
    pub file: Option<PathBuf>,
    /// The article's title (default: the file's name).
    #[arg(long, requires = "file")]
    pub title: Option<String>,
    /// Its date, as YYYY-MM-DD (e.g. 2018-09-07).
    #[arg(long, requires = "file", value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<String>,
    /// When the title is stored with another text, replace that text: the
    /// earlier one is kept as a revision, moderators' facts whose quotes
    /// are still in the new text are kept, the others retired.
    #[arg(long)]
    pub replace: bool,
}

/// `facts add`'s arguments.
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// A question the fact answers; repeat for more phrasings, main first.
    #[arg(long = "question", required = true, value_name = "Q")]
    pub questions: Vec<String>,
    /// The short answer.
    #[arg(long)]
    pub answer: String,
    /// The article the fact belongs to, by id or title (default: the
    /// first one stored, the shipped article).
    #[arg(long, value_name = "ID|TITLE")]
    pub article: Option<String>,
    /// The paragraph of that article the answer rests on.
    #[arg(long, value_name = "N", required_unless_present = "source")]
    pub paragraph: Option<u32>,
    /// The words of that paragraph (or of the outside source) quoted.
    #[arg(long, value_name = "Q")]
    pub quote: Option<String>,
    /// For a fact from outside the article: a URL or note.
    #[arg(long, value_name = "URL_OR_NOTE", conflicts_with = "paragraph")]
    pub source: Option<String>,
    /// person, place, number, time, org, reason, yesno, statement,
    /// list or thing (default: guessed from the question).
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<AnswerKind>,
    #[command(flatten)]
    pub who: Who,
}

/// `facts edit`'s arguments.
#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The fact's id (`12` or `#12`).
    pub id: String,
    /// The version the edit starts from (see `facts show`); refused if
    /// someone changed the fact since. Default: the current version.
    #[arg(long = "from-version", value_name = "N")]
    pub from_version: Option<i64>,
    /// Move the fact to this article, by id or title; give the --paragraph
    /// it cites there (default: the fact stays in its article, and
    /// --paragraph means one of that article's).
    #[arg(long, value_name = "ID|TITLE")]
    pub article: Option<String>,
    /// The new short answer.
    #[arg(long)]
    pub answer: Option<String>,
    /// Cite this paragraph instead.
    #[arg(long, value_name = "N")]
    pub paragraph: Option<u32>,
    /// The words of the paragraph (or of the outside source) to quote
    /// instead; with a new --paragraph and no --quote, the quote is kept if
    /// that paragraph holds it, else its closest sentence is cited.
    #[arg(long, value_name = "Q")]
    pub quote: Option<String>,
    /// Cite this URL or note instead of a paragraph.
    #[arg(long, value_name = "URL_OR_NOTE", conflicts_with = "paragraph")]
    pub source: Option<String>,
    /// Replaces all the phrasings; repeat for more.
    #[arg(long = "question", value_name = "Q")]
    pub questions: Vec<String>,
    /// The kind of answer: person, place, number, time, org, reason,
    /// yesno, statement, list or thing.
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<AnswerKind>,
    #[command(flatten)]
    pub who: Who,
}

/// How a moderation report or a fact is printed.
#[derive(Debug, clap::Args)]
pub struct Output {
    /// Print it as JSON (the fields are in the README).
    #[arg(long)]
    json: bool,
}

impl Output {
    /// `data` as JSON, or as `text` makes it for people.
    pub(super) fn print<T: serde::Serialize>(
        &self,
        data: &T,
        text: impl FnOnce(&T) -> String,
    ) -> anyhow::Result<()> {
        if self.json {
            print_out(&serde_json::to_string_pretty(data)?)
        } else {
            print_out(&text(data))
        }
    }
}

/// Who makes a change and why, for the history.
#[derive(Debug, clap::Args)]
pub struct Who {
    /// Who is making the change, for the history.
    #[arg(long, default_value = DEFAULT_BY, value_name = "NAME")]
    pub(super) by: String,
    /// Why, for the history.
    #[arg(long, value_name = "TEXT")]
    pub(super) reason: Option<String>,
}

impl Who {
    pub(super) fn moderator(&self) -> Moderator {
        Moderator {
            id: None,
            name: self.by.clone(),
        }
    }
}

/// Who the history names for a change made at the command line, unless
/// `--by` says.
const DEFAULT_BY: &str = "operator (cli)";

/// A number from 0 to 1.
fn parse_fraction(text: &str) -> Result<f64, String> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|x| (0.0..=1.0).contains(x))
        .ok_or_else(|| format!("a number from 0 to 1, not {text:?}"))
}

/// A calendar date, `YYYY-MM-DD`.
fn parse_date(text: &str) -> Result<String, String> {
    if crate::when::is_date(text) {
        Ok(text.to_string())
    } else {
        Err("a date as YYYY-MM-DD, such as 2018-09-07".to_string())
    }
}

fn parse_kind(text: &str) -> Result<AnswerKind, String> {
    AnswerKind::parse(text).ok_or_else(|| {
        "one of person, place, number, time, org, reason, yesno, statement, list, thing".to_string()
    })
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    /// Every argument and subcommand under `cmd` that has no help text,
    /// named by its path (`facts edit --answer`).
    fn undocumented(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
        for arg in cmd.get_arguments() {
            if arg.get_help().is_none() && arg.get_long_help().is_none() {
                let name = match arg.get_long() {
                    Some(long) => format!("--{long}"),
                    None => arg.get_id().to_string(),
                };
                out.push(format!("{path} {name}"));
            }
        }
        for sub in cmd.get_subcommands() {
            let path = format!("{path} {}", sub.get_name());
            if sub.get_about().is_none() && sub.get_long_about().is_none() {
                out.push(path.clone());
            }
            undocumented(sub, &path, out);
        }
    }

    #[test]
    fn the_definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    /// `--help`, the man page and the completions show these texts: a new
    /// flag without one fails here.
    #[test]
    fn every_flag_argument_and_subcommand_has_help() {
        let mut missing = Vec::new();
        undocumented(&Cli::command(), "summit-bot", &mut missing);
        assert!(missing.is_empty(), "no help text: {missing:#?}");
    }

    #[test]
    fn the_walk_finds_an_argument_without_help() {
        let cmd = clap::Command::new("t")
            .arg(clap::Arg::new("told").long("told").help("Said."))
            .subcommand(
                clap::Command::new("sub")
                    .about("A sub.")
                    .arg(clap::Arg::new("bare")),
            );
        let mut missing = Vec::new();
        undocumented(&cmd, "t", &mut missing);
        assert_eq!(missing, ["t sub bare"]);
    }
}
