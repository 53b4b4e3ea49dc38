//! `facts gap …`: the topics the articles do not cover, over the same
//! store methods as the bot's `/fact gap`. Parses, calls the store, prints.

use super::args::{GapAddArgs, GapCommand, GapEditArgs};
use super::facts::version_text;
use super::print_out;
use crate::extract::Gap;
use crate::moderation::gap::GapChanges;
use crate::moderation::Moderator;
use crate::store::{GapRevision, Store, StoredGap};

/// Carries out one `facts gap` subcommand.
pub(super) fn run(store: &Store, command: GapCommand) -> anyhow::Result<()> {
    match command {
        GapCommand::List { all, output } => {
            output.print(&store.gaps(all)?, |gaps| {
                if gaps.is_empty() {
                    return "No gaps: every question is weighed against the facts alone."
                        .to_string();
                }
                let lines: Vec<String> = gaps.iter().map(list_line).collect();
                lines.join("\n")
            })?;
        }
        GapCommand::Add(args) => {
            let who = args.who.moderator();
            let g = store.add_gap(&args.gap(), &who, args.who.reason.as_deref())?;
            print_out(&format!(
                "Added gap {} (version 1): {}.",
                g.gap.key,
                questions(g.gap.questions.len())
            ))?;
        }
        GapCommand::Edit(args) => {
            let (who, changes) = (args.who.moderator(), args.changes());
            let reason = args.who.reason.as_deref();
            let g = store.edit_gap(&args.key, &changes, &who, reason)?;
            print_out(&format!("Edited gap {}: version {}.", g.gap.key, g.version))?;
        }
        GapCommand::Remove { key, reason, by } => {
            let g = store.retire_gap(&key, &Moderator { id: None, name: by }, &reason)?;
            print_out(&format!(
                "Retired gap {} (version {}): its questions are weighed against the facts alone \
                 now; `summit-bot facts gap restore {}` brings it back.",
                g.gap.key, g.version, g.gap.key
            ))?;
        }
        GapCommand::Restore { key, who } => {
            let g = store.restore_gap(&key, &who.moderator(), who.reason.as_deref())?;
            print_out(&format!(
                "Restored gap {}: in force again as version {}.",
                g.gap.key, g.version
            ))?;
        }
        GapCommand::History { key, output } => {
            let history = store.gap_history(&key)?;
            let now = crate::when::now();
            output.print(&history, |h| history_text(&key, h, now))?;
        }
    }
    Ok(())
}

/// `gap KEY`, then each version: what, by whom, when, why, and its changes.
fn history_text(key: &str, history: &[GapRevision], now: i64) -> String {
    let mut text = format!("gap {key}");
    for v in history {
        let reason = v.reason.as_deref();
        text.push_str(&version_text(
            v.version, &v.action, &v.by_name, &v.at, reason, &v.changes, now,
        ));
    }
    text
}

/// "1 question", "3 questions".
fn questions(n: usize) -> String {
    format!("{n} question{}", if n == 1 { "" } else { "s" })
}

/// `summit-outcome   What the summit agreed (10 questions, version 2) [retired]`.
fn list_line(g: &StoredGap) -> String {
    format!(
        "{:<16} {} ({}, version {}){}",
        g.gap.key,
        g.gap.topic,
        questions(g.gap.questions.len()),
        g.version,
        if g.retired { " [retired]" } else { "" }
    )
}

impl GapAddArgs {
    /// The gap these arguments describe, unchecked (the store checks it).
    fn gap(&self) -> Gap {
        Gap {
            key: self.key.clone(),
            topic: self.topic.clone(),
            note: self.note.clone(),
            questions: self.questions.clone(),
        }
    }
}

impl GapEditArgs {
    /// The changes asked for; no `--question` keeps the questions.
    fn changes(&self) -> GapChanges {
        GapChanges {
            topic: self.topic.clone(),
            note: self.note.clone(),
            questions: (!self.questions.is_empty()).then(|| self.questions.clone()),
        }
    }
}
