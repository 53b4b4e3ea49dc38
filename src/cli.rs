//! The command line: parses arguments, calls the app, and prints. Human
//! replies are formatted in one place, [`render`], which the console chat
//! and `ask` share; `--json` prints the [`Reply`] contract as it is.
//!
//! Output for the user goes to stdout; diagnostics go through tracing to
//! stderr.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::answer::Reply;
use crate::app::{App, Asker};
use crate::article::{Article, Meta};
use crate::config::Config;
use crate::distractors;
use crate::eval;
use crate::extract;
use crate::fact::{AnswerKind, Fact, FactId};
use crate::moderation::review::{self, History, Unanswered};
use crate::moderation::{Changes, Draft, FeedbackTally, Moderator, Source};
use crate::store::{channel, ImportReport, QuestionLogEntry, Store};

/// Lines of `ask -` longer than this many bytes are not read whole: they
/// are far past any question limit, and holding them could exhaust memory.
/// Shorter lines are echoed in full, as the JSON contract promises.
pub const MAX_LINE_BYTES: usize = 4 << 20;
/// `ask -` logs questions in batches of at most this many...
const LOG_BATCH: usize = 1000;
/// ...or after this long, whichever comes first, so a slow stream is
/// logged promptly and a fast one costs one commit per batch.
const LOG_EVERY: Duration = Duration::from_secs(1);
/// `facts list` cuts answers to this many characters to keep one line each.
const LIST_ANSWER_CHARS: usize = 70;

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
        /// The question (its words are joined with spaces), or `-` to read
        /// questions from standard input.
        #[arg(required = true, value_name = "QUESTION")]
        words: Vec<String>,
    },
    /// Chat in the console: one question a line; `quit` or end of input
    /// ends.
    Chat,
    /// Store an article and the facts extracted from it. Without FILE: the
    /// shipped article with its curated facts. Never changes stored facts.
    Ingest {
        /// A plain-text article: paragraphs separated by blank lines.
        file: Option<PathBuf>,
        /// The article's title (default: the file's name).
        #[arg(long, requires = "file")]
        title: Option<String>,
        /// Its date, e.g. 2018-09-07.
        #[arg(long, requires = "file")]
        date: Option<String>,
        /// Instead of FILE: store generated distractor stories (other news,
        /// seeded) holding this many facts in all, to test speed and
        /// accuracy at scale.
        #[arg(long, value_name = "FACTS", conflicts_with = "file")]
        distractors: Option<usize>,
        /// The seed for --distractors (the same seed, the same stories).
        #[arg(long, requires = "distractors", default_value_t = distractors::DEFAULT_SEED)]
        seed: u64,
    },
    /// Write generated distractor stories as plain-text files in DIR, with
    /// `index.tsv` (file, title, date) for `ingest FILE --title --date`.
    #[command(hide = true)]
    GenDistractors {
        /// The folder to write to (created if need be).
        dir: PathBuf,
        /// How many facts (sentences) the stories hold in all.
        #[arg(long, value_name = "FACTS")]
        facts: usize,
        /// The seed (the same seed, the same stories).
        #[arg(long, default_value_t = distractors::DEFAULT_SEED)]
        seed: u64,
    },
    /// Grade the bot on a question set (JSON lines, as in shared/eval) and
    /// print accuracy by kind and the misses.
    Eval {
        /// The question set.
        file: PathBuf,
    },
    /// Inspect the stored facts.
    Facts {
        #[command(subcommand)]
        command: FactsCommand,
    },
}

impl Command {
    /// The subcommand's name, for the tracing span.
    fn name(&self) -> &'static str {
        match self {
            Command::Run => "run",
            Command::Ask { .. } => "ask",
            Command::Chat => "chat",
            Command::Ingest { .. } => "ingest",
            Command::Eval { .. } => "eval",
            Command::GenDistractors { .. } => "gen-distractors",
            Command::Facts { .. } => "facts",
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
    },
    /// Everything about one fact, with its phrasings.
    Show {
        /// The fact's id (`12` or `#12`).
        id: String,
    },
    /// All facts, retired ones included, as JSON (what `import` reads).
    Export,
    /// Add a fact; prints its id. Cite a paragraph (with --quote, or the
    /// sentence closest to the answer is cited) or an outside --source.
    Add {
        /// A question the fact answers; repeat for more phrasings, main first.
        #[arg(long = "question", required = true, value_name = "Q")]
        questions: Vec<String>,
        /// The short answer.
        #[arg(long)]
        answer: String,
        /// The article paragraph the answer rests on.
        #[arg(long, value_name = "N", required_unless_present = "source")]
        paragraph: Option<u32>,
        /// The words of that paragraph (or of the outside source) quoted.
        #[arg(long, value_name = "Q")]
        quote: Option<String>,
        /// For a fact from outside the article: a URL or note.
        #[arg(long, value_name = "URL_OR_NOTE", conflicts_with = "paragraph")]
        source: Option<String>,
        /// person, place, number, time, org, reason, yesno, statement,
        /// list or thing (default: guessed from the question).
        #[arg(long, value_parser = parse_kind)]
        kind: Option<AnswerKind>,
        #[command(flatten)]
        who: Who,
    },
    /// Change a fact's answer, source or phrasings: a new version.
    Edit {
        /// The fact's id (`12` or `#12`).
        id: String,
        /// The version the edit starts from (see `facts show`); refused if
        /// someone changed the fact since. Default: the current version.
        #[arg(long = "from-version", value_name = "N")]
        from_version: Option<i64>,
        #[arg(long)]
        answer: Option<String>,
        /// Cite this paragraph instead.
        #[arg(long, value_name = "N")]
        paragraph: Option<u32>,
        #[arg(long, value_name = "Q")]
        quote: Option<String>,
        /// Cite this URL or note instead of a paragraph.
        #[arg(long, value_name = "URL_OR_NOTE", conflicts_with = "paragraph")]
        source: Option<String>,
        /// Replaces all the phrasings; repeat for more.
        #[arg(long = "question", value_name = "Q")]
        questions: Vec<String>,
        #[arg(long, value_parser = parse_kind)]
        kind: Option<AnswerKind>,
        #[command(flatten)]
        who: Who,
    },
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
        /// Why (its words are joined with spaces).
        #[arg(required = true)]
        reason: Vec<String>,
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
    /// The facts with the worst 👍/👎 record.
    Feedback {
        #[command(flatten)]
        output: Output,
    },
}

/// How a moderation report is printed.
#[derive(Debug, clap::Args)]
pub struct Output {
    /// Print it as JSON.
    #[arg(long)]
    json: bool,
}

impl Output {
    /// `data` as JSON, or as `text` makes it for people.
    fn print<T: serde::Serialize>(
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
    /// Who is making the change.
    #[arg(long, default_value = DEFAULT_BY, value_name = "NAME")]
    by: String,
    /// Why.
    #[arg(long)]
    reason: Option<String>,
}

impl Who {
    fn moderator(&self) -> Moderator {
        Moderator {
            id: None,
            name: self.by.clone(),
        }
    }
}

/// Who the history names for a change made at the command line, unless
/// `--by` says.
const DEFAULT_BY: &str = "operator (cli)";

fn parse_kind(text: &str) -> Result<AnswerKind, String> {
    AnswerKind::parse(text).ok_or_else(|| {
        "one of person, place, number, time, org, reason, yesno, statement, list, thing".to_string()
    })
}

/// Carries out `cli` with `config` (already loaded from `cli.config`).
pub fn run(cli: Cli, config: Config) -> anyhow::Result<ExitCode> {
    let db = cli.db.as_deref();
    let command = cli.command.unwrap_or(Command::Run);
    let _span = tracing::info_span!("command", name = command.name()).entered();
    match command {
        Command::Run => run_bot(config, db),
        Command::Ask { json, words } => {
            let app = App::open(&config, db)?;
            if words.len() == 1 && words[0] == "-" {
                ask_stream(&app, json)?;
            } else {
                let reply = app.ask(&words.join(" "), channel::CLI);
                let text = if json {
                    serde_json::to_string(&reply)?
                } else {
                    render(&reply)
                };
                print_out(&text)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Chat => {
            let mut app = App::open(&config, db)?;
            chat(&mut app)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest {
            distractors: Some(facts),
            seed,
            ..
        } => {
            ingest_distractors(&config, db, facts, seed)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest {
            file, title, date, ..
        } => {
            ingest(&config, db, file.as_deref(), title, date)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::GenDistractors { dir, facts, seed } => {
            gen_distractors(&dir, facts, seed)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { file } => {
            let app = App::open(&config, db)?;
            run_eval(&app, &file)
        }
        Command::Facts { command } => facts(&config, db, command),
    }
}

/// `run`: Discord if a token is configured, else the console chat.
fn run_bot(config: Config, db: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mut app = App::open(&config, db)?;
    if config.discord.token.is_some() {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .context("starting the async runtime")?;
        runtime.block_on(crate::bot::run(app, config))?;
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!(
        "No Discord token configured: starting the console chat. To run on Discord, set \
         DISCORD_TOKEN (or discord.token in config/local.toml) and run `summit-bot run`."
    );
    chat(&mut app)?;
    Ok(ExitCode::SUCCESS)
}

/// The human form of a reply, as `ask` and the console chat print it.
pub fn render(reply: &Reply) -> String {
    let mut out = String::new();
    if let Some(error) = &reply.error {
        out.push_str(&format!("I can't take that as a question: {error}."));
        return out;
    }
    if reply.answered {
        out.push_str(reply.answer.as_deref().unwrap_or(""));
        for source in &reply.sources {
            // A sentence fact's answer is its quote: don't say it twice.
            if reply.answer.as_deref() != Some(source.quote.as_str()) {
                out.push_str(&format!(
                    "\n  “{}”",
                    source.quote.trim_matches(['“', '”', '"'])
                ));
            }
            match source.paragraph {
                Some(p) => out.push_str(&format!("\n  — {}, ¶{p}", source.title)),
                None => out.push_str(&format!("\n  — {}", source.title)),
            }
        }
        out.push_str(&format!("\n  (confidence {:.2})", reply.confidence));
        return out;
    }
    let note = reply.note.as_deref().unwrap_or("The article doesn't say.");
    out.push_str(note);
    if !reply.alternatives.is_empty() {
        // Small talk's note already offers its suggestions.
        if note.starts_with("The article doesn't") {
            out.push_str("\nNearest topics it does cover:");
        }
        for alt in &reply.alternatives {
            out.push_str(&format!("\n  - {} ({})", alt.question, alt.fact_id));
        }
    }
    out
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

/// Reads one line into `buf` (without its `\n`), keeping at most `cap`
/// bytes of it. Returns the line's full length, or `None` at end of input.
fn read_line_capped(
    input: &mut impl BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<Option<usize>> {
    buf.clear();
    let mut total = 0;
    let mut started = false;
    loop {
        let available = match input.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(started.then_some(total));
        }
        started = true;
        let newline = available.iter().position(|&b| b == b'\n');
        let chunk = &available[..newline.unwrap_or(available.len())];
        let keep = chunk.len().min(cap.saturating_sub(buf.len()));
        buf.extend_from_slice(&chunk[..keep]);
        total += chunk.len();
        let used = chunk.len() + usize::from(newline.is_some());
        input.consume(used);
        if newline.is_some() {
            return Ok(Some(total));
        }
    }
}

/// The reply to one raw input line: every line gets one, usable or not.
fn reply_to_line(app: &App, line: &[u8], len: usize) -> Reply {
    if len > line.len() {
        let start = String::from_utf8_lossy(line);
        return Reply::invalid(
            format!("{start}…"),
            format!(
                "the line is {len} bytes long; questions over {MAX_LINE_BYTES} bytes are not read"
            ),
        );
    }
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    match std::str::from_utf8(line) {
        Ok(question) => app.answer(question),
        Err(_) => Reply::invalid(
            String::from_utf8_lossy(line),
            "the question is not valid UTF-8",
        ),
    }
}

/// `ask -`: one reply a line of standard input, in order, each flushed as
/// soon as it is written. Questions are logged in batches (see
/// [`LOG_BATCH`]), not one commit each.
fn ask_stream(app: &App, json: bool) -> anyhow::Result<()> {
    let mut input = io::stdin().lock();
    let mut out = io::stdout().lock();
    let mut line = Vec::new();
    let mut pending: Vec<QuestionLogEntry> = Vec::new();
    let mut last_log = Instant::now();
    let asker = Asker::local(channel::CLI);
    let result = loop {
        let len = match read_line_capped(&mut input, &mut line, MAX_LINE_BYTES) {
            Ok(Some(len)) => len,
            Ok(None) => break Ok(()),
            Err(e) => break Err(anyhow::Error::new(e).context("reading standard input")),
        };
        let reply = reply_to_line(app, &line, len);
        let text = if json {
            match serde_json::to_string(&reply) {
                Ok(text) => text,
                Err(e) => break Err(anyhow::Error::new(e).context("writing a reply as JSON")),
            }
        } else {
            format!("{}\n", render(&reply))
        };
        match writeln!(out, "{text}").and_then(|()| out.flush()) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => break Ok(()),
            Err(e) => break Err(anyhow::Error::new(e).context("writing to standard output")),
        }
        pending.push(app.log_entry(&reply, asker));
        if pending.len() >= LOG_BATCH || last_log.elapsed() >= LOG_EVERY {
            log_batch(app, &mut pending);
            last_log = Instant::now();
        }
    };
    log_batch(app, &mut pending);
    result
}

fn log_batch(app: &App, pending: &mut Vec<QuestionLogEntry>) {
    if pending.is_empty() {
        return;
    }
    if let Err(error) = app.store.log_questions(pending) {
        tracing::error!(%error, questions = pending.len(), "could not log questions");
    }
    pending.clear();
}

/// The console chat: one question a line, the same replies as `ask`.
/// Notices fact changes made by other processes (a bot's moderators)
/// before each question.
pub fn chat(app: &mut App) -> anyhow::Result<()> {
    let interactive = io::stdin().is_terminal();
    let title = app
        .store
        .articles()?
        .first()
        .map(|a| a.title.clone())
        .unwrap_or_else(|| "the stored articles".to_string());
    print_out(&format!(
        "Ask me about “{title}”. One question a line; `quit` or end of input ends."
    ))?;
    let mut input = io::stdin().lock();
    let mut line = Vec::new();
    loop {
        if interactive {
            let mut out = io::stdout().lock();
            write!(out, "> ").and_then(|()| out.flush()).ok();
        }
        let Some(len) = read_line_capped(&mut input, &mut line, MAX_LINE_BYTES)
            .context("reading standard input")?
        else {
            break;
        };
        let text = String::from_utf8_lossy(&line);
        let question = text.trim();
        if question.is_empty() {
            continue;
        }
        if matches!(question.to_lowercase().as_str(), "quit" | "exit") {
            break;
        }
        if let Err(error) = app.reload_if_changed() {
            tracing::warn!(error = %format!("{error:#}"), "could not reload changed facts");
        }
        let reply = if len > line.len() {
            reply_to_line(app, &line, len)
        } else {
            app.ask(question, channel::CONSOLE)
        };
        print_out(&format!("{}\n", render(&reply)))?;
    }
    Ok(())
}

fn ingest(
    config: &Config,
    db: Option<&Path>,
    file: Option<&Path>,
    title: Option<String>,
    date: Option<String>,
) -> anyhow::Result<()> {
    let path = db.unwrap_or(&config.database);
    // A new database gets the shipped article first, as every other
    // command gives it: an added article joins it rather than replacing it.
    let mut store = match file {
        Some(_) => Store::open_seeded(path)?,
        None => Store::open(path)?,
    };
    let (article, facts) = match file {
        None => {
            let article = Article::builtin()?;
            let facts = extract::builtin_facts(&article)?;
            (article, facts)
        }
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("reading {}", file.display()))?;
            // Editors on Windows start UTF-8 files with a byte-order mark;
            // it is not part of the first sentence.
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let title = match title {
                Some(t) => t,
                None => file
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .context("give the article a --title")?,
            };
            let meta = Meta {
                title,
                date,
                publisher: None,
            };
            let article = Article::parse(meta, text)
                .with_context(|| format!("parsing {}", file.display()))?;
            // Curated facts belong to the shipped article; a new one gets
            // its sentences.
            let facts = extract::sentence_facts(&article);
            (article, facts)
        }
    };
    let report = store.ingest(&article, &facts)?;
    let what = if report.added_article {
        format!(
            "Added “{}” to {}",
            article.meta.title,
            store.path().display()
        )
    } else {
        format!(
            "“{}” was already in {}",
            article.meta.title,
            store.path().display()
        )
    };
    print_out(&format!(
        "{what} ({} paragraphs): {} facts added, {} already stored and kept as they are.",
        article.paragraphs.len(),
        report.added_facts,
        report.kept_facts,
    ))
}

/// `ingest --distractors N`: generated stories holding N facts, stored as
/// `ingest FILE` would store each, in one process.
fn ingest_distractors(
    config: &Config,
    db: Option<&Path>,
    facts: usize,
    seed: u64,
) -> anyhow::Result<()> {
    let path = db.unwrap_or(&config.database);
    let mut store = Store::open_seeded(path)?;
    let started = Instant::now();
    let stories = distractors::stories(seed, facts);
    let (mut added, mut kept) = (0, 0);
    for story in &stories {
        let (article, facts) = story
            .facts()
            .with_context(|| format!("parsing the story {:?}", story.meta.title))?;
        let report = store.ingest(&article, &facts)?;
        added += report.added_facts;
        kept += report.kept_facts;
    }
    print_out(&format!(
        "Stored {} distractor stories (seed {seed}) in {} in {:.2} s: {added} facts added, \
         {kept} already stored and kept as they are; {} facts in all.",
        stories.len(),
        store.path().display(),
        started.elapsed().as_secs_f64(),
        store.fact_count()?,
    ))
}

/// `gen-distractors DIR --facts N`: the stories as plain-text files, and
/// `index.tsv` naming each file's title and date.
fn gen_distractors(dir: &Path, facts: usize, seed: u64) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let stories = distractors::stories(seed, facts);
    let mut index = String::new();
    for (i, story) in stories.iter().enumerate() {
        let name = format!("story-{:06}.txt", i + 1);
        let file = dir.join(&name);
        std::fs::write(&file, format!("{}\n", story.text))
            .with_context(|| format!("writing {}", file.display()))?;
        index.push_str(&format!(
            "{name}\t{}\t{}\n",
            story.meta.title,
            story.meta.date.as_deref().unwrap_or("")
        ));
    }
    let file = dir.join("index.tsv");
    std::fs::write(&file, index).with_context(|| format!("writing {}", file.display()))?;
    print_out(&format!(
        "Wrote {} stories ({facts} facts, seed {seed}) and index.tsv to {}.",
        stories.len(),
        dir.display()
    ))
}

fn run_eval(app: &App, file: &Path) -> anyhow::Result<ExitCode> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let questions =
        eval::parse_questions(&text).with_context(|| format!("reading {}", file.display()))?;
    let replies: Vec<Reply> = questions.iter().map(|q| app.answer(&q.question)).collect();
    let report = eval::grade(&questions, &replies)?;
    print_out(&report.to_string())?;
    Ok(ExitCode::SUCCESS)
}

/// `12` or `#12`.
fn parse_fact_id(text: &str) -> Option<FactId> {
    text.trim().trim_start_matches('#').parse().ok().map(FactId)
}

fn facts(config: &Config, db: Option<&Path>, command: FactsCommand) -> anyhow::Result<ExitCode> {
    let store = Store::open_seeded(db.unwrap_or(&config.database))?;
    match command {
        FactsCommand::List { all } => {
            let mut text = String::new();
            for f in store.facts(all)? {
                text.push_str(&list_line(&f));
                text.push('\n');
            }
            print_out(text.trim_end())?;
        }
        FactsCommand::Show { id } => {
            let Some(id) = parse_fact_id(&id) else {
                eprintln!("{id:?} is not a fact id: give a number such as 12 or #12");
                return Ok(ExitCode::from(2));
            };
            let Some(fact) = store.fact(id)? else {
                eprintln!("there is no fact {id}; `summit-bot facts list` shows them");
                return Ok(ExitCode::FAILURE);
            };
            print_out(&show(&fact))?;
        }
        FactsCommand::Export => {
            let facts = store.export_facts()?;
            print_out(&serde_json::to_string_pretty(&facts)?)?;
        }
        FactsCommand::Add {
            questions,
            answer,
            paragraph,
            quote,
            source,
            kind,
            who,
        } => {
            let source = match (paragraph, source) {
                (Some(number), _) => Source::Paragraph { number, quote },
                (None, Some(note)) => Source::Outside { note, quote },
                (None, None) => anyhow::bail!("give --paragraph N or --source URL_OR_NOTE"),
            };
            let draft = Draft {
                article: None,
                questions,
                answer,
                source,
                kind,
            };
            let added = store.add_fact(&draft, &who.moderator(), who.reason.as_deref())?;
            let f = &added.fact;
            let mut text = format!("Added fact {} (version {}).", f.id, f.version);
            if added.picked_quote {
                text.push_str(&format!(
                    "\nNo --quote given: it cites “{}”. The paragraph's sentences:",
                    f.quote
                ));
                for (i, s) in added.sentences.iter().enumerate() {
                    text.push_str(&format!("\n  {}. {s}", i + 1));
                }
            }
            print_out(&text)?;
        }
        FactsCommand::Edit {
            id,
            from_version,
            answer,
            paragraph,
            quote,
            source,
            questions,
            kind,
            who,
        } => {
            let id = fact_id_arg(&id)?;
            let from = match from_version {
                Some(v) => v,
                None => {
                    store
                        .fact(id)?
                        .with_context(|| format!("there is no fact {id}"))?
                        .version
                }
            };
            let changes = Changes {
                answer,
                paragraph,
                quote,
                note: source,
                questions: (!questions.is_empty()).then_some(questions),
                kind,
            };
            if changes.is_empty() {
                anyhow::bail!("say what to change: --answer, --paragraph, --quote, --source, --question or --kind");
            }
            let f = store.edit_fact(id, from, &changes, &who.moderator(), who.reason.as_deref())?;
            print_out(&format!("Edited fact {}: now version {}.", f.id, f.version))?;
        }
        FactsCommand::Alias { id, phrasing, who } => {
            let id = fact_id_arg(&id)?;
            let f = store.alias_fact(
                id,
                &phrasing.join(" "),
                &who.moderator(),
                who.reason.as_deref(),
            )?;
            print_out(&format!(
                "Fact {} answers {} phrasings now: version {}.",
                f.id,
                f.questions.len(),
                f.version
            ))?;
        }
        FactsCommand::Remove { id, reason, by } => {
            let id = fact_id_arg(&id)?;
            let by = Moderator { id: None, name: by };
            let f = store.retire_fact(id, &by, &reason.join(" "))?;
            print_out(&format!(
                "Retired fact {} (version {}); `summit-bot facts restore {}` brings it back.",
                f.id, f.version, f.id.0
            ))?;
        }
        FactsCommand::Restore { id, version, who } => {
            let id = fact_id_arg(&id)?;
            let f = store.restore_fact(id, version, &who.moderator(), who.reason.as_deref())?;
            print_out(&format!(
                "Restored fact {}: in force again as version {}.",
                f.id, f.version
            ))?;
        }
        FactsCommand::History { id, output } => {
            let history = review::history(&store, fact_id_arg(&id)?)?;
            output.print(&history, history_text)?;
        }
        FactsCommand::Import {
            file,
            dry_run,
            by,
            output,
        } => {
            let json = if file.as_os_str() == "-" {
                io::read_to_string(io::stdin().lock()).context("reading standard input")?
            } else {
                std::fs::read_to_string(&file)
                    .with_context(|| format!("reading {}", file.display()))?
            };
            let by = Moderator { id: None, name: by };
            let report = review::import(&store, &json, &by, !dry_run)?;
            output.print(&report, import_text)?;
        }
        FactsCommand::Unanswered { days, output } => {
            output.print(&review::unanswered(&store, days)?, unanswered_text)?;
        }
        FactsCommand::Feedback { output } => {
            output.print(&review::feedback(&store)?, |t| feedback_text(t))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A fact id argument, or an error saying what one looks like.
fn fact_id_arg(text: &str) -> anyhow::Result<FactId> {
    parse_fact_id(text)
        .with_context(|| format!("{text:?} is not a fact id: give a number such as 12 or #12"))
}

fn history_text(history: &History) -> String {
    let mut text = format!("fact {}", history.fact_id);
    for v in &history.versions {
        text.push_str(&format!(
            "\nversion {} · {} by {} at {}",
            v.version, v.action, v.by_name, v.at
        ));
        if let Some(reason) = &v.reason {
            text.push_str(&format!(" · “{reason}”"));
        }
        for change in &v.changes {
            text.push_str(&format!("\n    {change}"));
        }
    }
    text
}

/// What an import did (or would do), for people.
fn import_text(report: &ImportReport) -> String {
    let mut text = if report.applied {
        "Imported: "
    } else {
        "Dry run, nothing written: "
    }
    .to_string();
    text.push_str(&review::import_summary(report));
    for line in review::import_lines(report) {
        text.push_str(&format!("\n  {line}"));
    }
    text
}

fn unanswered_text(missed: &Unanswered) -> String {
    if missed.groups.is_empty() {
        return format!(
            "No declined or unsure questions in the last {} days.",
            missed.days
        );
    }
    let lines: Vec<String> = missed
        .groups
        .iter()
        .map(|g| format!("{:>4}× {}", g.asked, g.wordings.join(" | ")))
        .collect();
    lines.join("\n")
}

fn feedback_text(tallies: &[FeedbackTally]) -> String {
    if tallies.is_empty() {
        return "No feedback yet.".to_string();
    }
    let lines: Vec<String> = tallies
        .iter()
        .map(|t| {
            format!(
                "{:>6} 👎 {:<3} 👍 {:<3} {}",
                t.fact_id.to_string(),
                t.unhelpful,
                t.helpful,
                t.answer
            )
        })
        .collect();
    lines.join("\n")
}

fn list_line(f: &Fact) -> String {
    let mut answer: String = f.answer.chars().take(LIST_ANSWER_CHARS).collect();
    if answer.len() < f.answer.len() {
        answer.push('…');
    }
    let paragraph = f
        .paragraph
        .map(|p| format!("¶{p}"))
        .unwrap_or_else(|| "-".into());
    let retired = if f.retired { " [retired]" } else { "" };
    format!(
        "{:>6} {paragraph:>4} {:<9} {:<9} {answer}{retired}",
        f.id.to_string(),
        f.kind.as_str(),
        f.origin.as_str()
    )
}

fn show(f: &Fact) -> String {
    let mut out = format!(
        "fact {} (version {}{})\n",
        f.id,
        f.version,
        if f.retired { ", retired" } else { "" }
    );
    out.push_str(&format!("answer:    {}\n", f.answer));
    out.push_str(&format!("quote:     {}\n", f.quote));
    match f.paragraph {
        Some(p) => out.push_str(&format!("paragraph: {p}\n")),
        None => out.push_str(&format!(
            "source:    {}\n",
            f.source_note.as_deref().unwrap_or("-")
        )),
    }
    out.push_str(&format!("kind:      {}\n", f.kind.as_str()));
    out.push_str(&format!("origin:    {}\n", f.origin.as_str()));
    if let Some(key) = &f.key {
        out.push_str(&format!("key:       {key}\n"));
    }
    if let Some(speaker) = &f.speaker {
        out.push_str(&format!("speaker:   {speaker}\n"));
    }
    if f.questions.is_empty() {
        out.push_str("questions: none");
    } else {
        out.push_str("questions:");
        for q in &f.questions {
            out.push_str(&format!("\n  - {q}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Alternative, SourceRef};

    fn read_all(input: &[u8], cap: usize) -> Vec<(Vec<u8>, usize)> {
        let mut reader = io::BufReader::with_capacity(4, input);
        let mut buf = Vec::new();
        let mut lines = Vec::new();
        while let Some(len) = read_line_capped(&mut reader, &mut buf, cap).expect("reads") {
            lines.push((buf.clone(), len));
        }
        lines
    }

    #[test]
    fn reads_lines_in_table() {
        type Lines = &'static [(&'static [u8], usize)];
        let cases: &[(&[u8], Lines)] = &[
            (b"", &[]),
            (b"\n", &[(b"", 0)]),
            (b"a\n\nb", &[(b"a", 1), (b"", 0), (b"b", 1)]),
            (b"abc\r\n", &[(b"abc\r", 4)]),
            (b"\xff\xfe\n", &[(b"\xff\xfe", 2)]),
            // Longer than the cap: kept in part, length counted in full.
            (b"0123456789\nx\n", &[(b"012345", 10), (b"x", 1)]),
        ];
        for (input, want) in cases {
            let got = read_all(input, 6);
            let want: Vec<(Vec<u8>, usize)> = want.iter().map(|(b, n)| (b.to_vec(), *n)).collect();
            assert_eq!(got, want, "input {input:?}");
        }
    }

    fn reply() -> Reply {
        Reply {
            question: "how many refugees does turkey host".into(),
            answered: true,
            answer: Some("3.5 million".into()),
            confidence: 0.876,
            fact_id: Some(FactId(3)),
            sources: vec![SourceRef {
                paragraph: Some(16),
                quote: "Turkey already hosts 3.5 million Syrian refugees.".into(),
                title: "Summit".into(),
            }],
            alternatives: Vec::new(),
            error: None,
            note: None,
            why: None,
        }
    }

    #[test]
    fn renders_an_answer_with_quote_paragraph_and_confidence() {
        assert_eq!(
            render(&reply()),
            "3.5 million\n  “Turkey already hosts 3.5 million Syrian refugees.”\n  — Summit, ¶16\n  (confidence 0.88)"
        );
        let mut sentence = reply();
        sentence.answer = Some(sentence.sources[0].quote.clone());
        assert_eq!(
            render(&sentence),
            "Turkey already hosts 3.5 million Syrian refugees.\n  — Summit, ¶16\n  (confidence 0.88)"
        );
    }

    #[test]
    fn renders_a_decline_with_nearest_topics() {
        let mut declined = reply();
        declined.answered = false;
        declined.answer = None;
        declined.sources.clear();
        declined.note = Some("The article doesn't say what Merkel said.".into());
        declined.alternatives = vec![Alternative {
            fact_id: FactId(7),
            question: "What did Erdogan warn of?".into(),
            confidence: 0.3,
        }];
        assert_eq!(
            render(&declined),
            "The article doesn't say what Merkel said.\nNearest topics it does cover:\n  - What did Erdogan warn of? (#7)"
        );
        let invalid = Reply::invalid("", "the question is empty");
        assert_eq!(
            render(&invalid),
            "I can't take that as a question: the question is empty."
        );
    }

    #[test]
    fn fact_ids_parse_with_or_without_hash() {
        assert_eq!(parse_fact_id("12"), Some(FactId(12)));
        assert_eq!(parse_fact_id(" #12 "), Some(FactId(12)));
        assert_eq!(parse_fact_id("twelve"), None);
        assert_eq!(parse_fact_id(""), None);
    }
}
