//! `facts …`: the moderators' commands at the command line, over the same
//! store methods and [`review`] reports as the bot's `/fact`. Each
//! subcommand parses its arguments, calls the store, and prints.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use super::args::{AddArgs, EditArgs, FactsCommand, Output};
use super::print_out;
use crate::config::Config;
use crate::fact::{ArticleId, Fact, FactId};
use crate::moderation::review::{self, History, Unanswered};
use crate::moderation::{Changes, Draft, FeedbackTally, Moderator, Source};
use crate::store::{ImportReport, Store};

/// Carries out one `facts` subcommand.
pub(super) fn run(
    config: &Config,
    db: Option<&Path>,
    command: FactsCommand,
) -> anyhow::Result<ExitCode> {
    let store = Store::open_seeded(db.unwrap_or(&config.database))?;
    match command {
        FactsCommand::List {
            all,
            article,
            output,
        } => {
            let article = article_arg(&store, article.as_deref())?;
            let facts = store.facts(all)?.into_iter();
            let facts = store.with_titles(facts.filter(|f| in_article(f, article)).collect())?;
            output.print(&facts, |facts| {
                let lines: Vec<String> = facts.iter().map(|f| list_line(&f.fact)).collect();
                lines.join("\n")
            })?;
        }
        FactsCommand::Show { id, output } => return show_fact(&store, &id, &output),
        FactsCommand::Export { article } => {
            let article = article_arg(&store, article.as_deref())?;
            let mut facts = store.export_facts()?;
            facts.retain(|f| in_article(&f.fact, article));
            print_out(&serde_json::to_string_pretty(&facts)?)?;
        }
        FactsCommand::Add(args) => add(&store, args)?,
        FactsCommand::Edit(args) => edit(&store, args)?,
        FactsCommand::Alias { id, phrasing, who } => {
            let (id, phrasing) = (fact_id_arg(&id)?, phrasing.join(" "));
            let f = store.alias_fact(id, &phrasing, &who.moderator(), who.reason.as_deref())?;
            print_out(&format!(
                "Fact {} answers {} phrasings now: version {}.",
                f.id,
                f.questions.len(),
                f.version
            ))?;
        }
        FactsCommand::Remove {
            id,
            reason,
            words,
            by,
        } => {
            let by = Moderator { id: None, name: by };
            let reason = reason.unwrap_or_else(|| words.join(" "));
            let f = store.retire_fact(fact_id_arg(&id)?, &by, &reason)?;
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
            let now = crate::when::now();
            output.print(&history, |h| history_text(h, now))?;
        }
        FactsCommand::Import {
            file,
            dry_run,
            by,
            output,
        } => {
            let json = read_import(&file)?;
            let by = Moderator { id: None, name: by };
            let report = review::import(&store, &json, &by, !dry_run)?;
            output.print(&report, import_text)?;
        }
        FactsCommand::Unanswered { days, output } => {
            output.print(&review::unanswered(&store, days)?, unanswered_text)?;
        }
        FactsCommand::Gap { command } => super::gaps::run(&store, command)?,
        FactsCommand::Feedback { article, output } => {
            let article = article_arg(&store, article.as_deref())?;
            output.print(&review::feedback(&store, article)?, |t| feedback_text(t))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `facts show ID`: exit code 2 for an id that is not one, 1 for an
/// unknown fact.
fn show_fact(store: &Store, id: &str, output: &Output) -> anyhow::Result<ExitCode> {
    let Some(id) = parse_fact_id(id) else {
        eprintln!("{id:?} is not a fact id: give a number such as 12 or #12");
        return Ok(ExitCode::from(2));
    };
    let Some(fact) = store.fact(id)? else {
        eprintln!("there is no fact {id}; `summit-bot facts list` shows them");
        return Ok(ExitCode::FAILURE);
    };
    let shown = store.with_titles(vec![fact])?;
    output.print(&shown[0], |f| show(&f.fact))?;
    Ok(ExitCode::SUCCESS)
}

fn add(store: &Store, args: AddArgs) -> anyhow::Result<()> {
    let AddArgs {
        questions,
        answer,
        article,
        paragraph,
        quote,
        source,
        kind,
        who,
    } = args;
    let source = match (paragraph, source) {
        (Some(number), _) => Source::Paragraph { number, quote },
        (None, Some(note)) => Source::Outside { note, quote },
        (None, None) => anyhow::bail!("give --paragraph N or --source URL_OR_NOTE"),
    };
    let draft = Draft {
        article: article_arg(store, article.as_deref())?,
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
    print_out(&text)
}

fn edit(store: &Store, args: EditArgs) -> anyhow::Result<()> {
    let id = fact_id_arg(&args.id)?;
    let from = match args.from_version {
        Some(v) => v,
        None => {
            store
                .fact(id)?
                .with_context(|| format!("there is no fact {id}"))?
                .version
        }
    };
    let changes = Changes {
        article: article_arg(store, args.article.as_deref())?,
        answer: args.answer,
        paragraph: args.paragraph,
        quote: args.quote,
        note: args.source,
        questions: (!args.questions.is_empty()).then_some(args.questions),
        kind: args.kind,
    };
    if changes.is_empty() {
        anyhow::bail!(
            "say what to change: --answer, --article, --paragraph, --quote, --source, --question \
             or --kind"
        );
    }
    let who = &args.who;
    let f = store.edit_fact(id, from, &changes, &who.moderator(), who.reason.as_deref())?;
    print_out(&format!("Edited fact {}: now version {}.", f.id, f.version))
}

/// The export file `facts import` reads (`-`: standard input).
fn read_import(file: &Path) -> anyhow::Result<String> {
    if file.as_os_str() == "-" {
        io::read_to_string(io::stdin().lock()).context("reading standard input")
    } else {
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))
    }
}

/// The article an `--article ID|TITLE` names, or an error naming the
/// stored ones; None without the flag.
fn article_arg(store: &Store, wanted: Option<&str>) -> anyhow::Result<Option<ArticleId>> {
    Ok(match wanted {
        Some(wanted) => Some(store.article(wanted)?.id),
        None => None,
    })
}

/// Whether `fact` is in `article` (any article when None).
fn in_article(fact: &Fact, article: Option<ArticleId>) -> bool {
    article.is_none_or(|a| fact.article == a)
}

/// `facts list` cuts answers to this many characters to keep one line each.
const LIST_ANSWER_CHARS: usize = 70;

/// `12` or `#12`.
fn parse_fact_id(text: &str) -> Option<FactId> {
    text.trim().trim_start_matches('#').parse().ok().map(FactId)
}

/// A fact id argument, or an error saying what one looks like.
fn fact_id_arg(text: &str) -> anyhow::Result<FactId> {
    parse_fact_id(text)
        .with_context(|| format!("{text:?} is not a fact id: give a number such as 12 or #12"))
}

/// A fact's history for people, its times as [`crate::when::human`] says
/// them as of `now` (`--json` keeps the stored UTC).
fn history_text(history: &History, now: i64) -> String {
    let mut text = format!("fact {}", history.fact_id);
    for v in &history.versions {
        let reason = v.reason.as_deref();
        text.push_str(&version_text(
            v.version, &v.action, &v.by_name, &v.at, reason, &v.changes, now,
        ));
    }
    text
}

/// One version of a fact's or a gap's history: a line saying what, by
/// whom, when and why, then a line per change.
pub(super) fn version_text(
    version: i64,
    action: &dyn std::fmt::Display,
    by: &str,
    at: &str,
    reason: Option<&str>,
    changes: &[String],
    now: i64,
) -> String {
    let mut text = format!(
        "\nversion {version} · {action} by {by} at {}",
        crate::when::human(at, now)
    );
    if let Some(reason) = reason {
        text.push_str(&format!(" · “{reason}”"));
    }
    for change in changes {
        text.push_str(&format!("\n    {change}"));
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

    #[test]
    fn fact_ids_parse_with_or_without_hash() {
        assert_eq!(parse_fact_id("12"), Some(FactId(12)));
        assert_eq!(parse_fact_id(" #12 "), Some(FactId(12)));
        assert_eq!(parse_fact_id("twelve"), None);
        assert_eq!(parse_fact_id(""), None);
    }
}
