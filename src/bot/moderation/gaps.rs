//! `/fact gap …`: the topics the articles do not cover. A subcommand group
//! under `/fact`, so the parent's moderator check covers every one of them.
//! The same store methods as the CLI's `facts gap`; every change rebuilds
//! the engine at once (through [`change`]), so the next question is
//! weighed against the gaps as they are now.

use super::super::reply::escape;
use super::super::{user_error, Context, Error};
use super::reports::version_text;
use super::{change, look, moderator, say, split_phrasings};
use crate::extract::Gap;
use crate::moderation::gap::GapChanges;
use crate::store::{GapRevision, StoredGap};

/// Gaps: the topics the articles do not cover, declined by name
#[poise::command(
    slash_command,
    subcommand_required,
    subcommands(
        "gap_list",
        "gap_add",
        "gap_edit",
        "gap_remove",
        "gap_restore",
        "gap_history"
    )
)]
pub(super) async fn gap(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// List the gaps: the topics a question is declined on by name
#[poise::command(slash_command, rename = "list")]
async fn gap_list(
    ctx: Context<'_>,
    #[description = "Retired gaps too"] all: Option<bool>,
) -> Result<(), Error> {
    let all = all.unwrap_or(false);
    let gaps = look(
        ctx.data(),
        "listing gaps",
        move |store| Ok(store.gaps(all)?),
    )
    .await?;
    let body = if gaps.is_empty() {
        "No gaps: every question is weighed against the facts alone.".to_string()
    } else {
        gaps.iter()
            .map(|g| {
                format!(
                    "**{}** · {} · {} questions · v{}{}",
                    escape(&g.gap.key),
                    escape(&g.gap.topic),
                    g.gap.questions.len(),
                    g.version,
                    if g.retired { " · retired" } else { "" }
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    say(ctx, "Gaps", &body).await
}

/// Add a gap: questions like its questions are declined with its note
#[poise::command(slash_command, rename = "add")]
async fn gap_add(
    ctx: Context<'_>,
    #[description = "A short name, one word of lowercase letters, digits and - (summit-outcome)"]
    #[max_length = 64]
    key: String,
    #[description = "What it is about, in a line"]
    #[max_length = 100]
    topic: String,
    #[description = "What a decline adds after “The article doesn't say.”"]
    #[max_length = 1024]
    note: String,
    #[description = "The questions it covers, separated by |"] questions: String,
    #[description = "Why (kept in the history)"]
    #[max_length = 512]
    reason: Option<String>,
) -> Result<(), Error> {
    let who = moderator(ctx);
    let gap = Gap {
        key,
        topic,
        note,
        questions: split_phrasings(&questions),
    };
    let g = change(ctx.data(), "adding a gap", move |store| {
        store.add_gap(&gap, &who, reason.as_deref())
    })
    .await?;
    tracing::info!(gap = %g.gap.key, "moderator added a gap");
    say(ctx, &gap_title("Added", &g), &gap_text(&g)).await
}

/// Edit a gap's topic, note or questions
#[poise::command(slash_command, rename = "edit")]
async fn gap_edit(
    ctx: Context<'_>,
    #[description = "The gap's key"]
    #[max_length = 64]
    key: String,
    #[description = "The new topic"]
    #[max_length = 100]
    topic: Option<String>,
    #[description = "The new note"]
    #[max_length = 1024]
    note: Option<String>,
    #[description = "Replace all its questions: questions separated by |"] questions: Option<
        String,
    >,
    #[description = "Why (kept in the history)"]
    #[max_length = 512]
    reason: Option<String>,
) -> Result<(), Error> {
    let who = moderator(ctx);
    let changes = GapChanges {
        topic,
        note,
        questions: questions.as_deref().map(split_phrasings),
    };
    if changes == GapChanges::default() {
        return Err(user_error("Say what to change: topic, note or questions."));
    }
    let g = change(ctx.data(), "editing a gap", move |store| {
        store.edit_gap(&key, &changes, &who, reason.as_deref())
    })
    .await?;
    say(ctx, &gap_title("Edited", &g), &gap_text(&g)).await
}

/// Retire a gap (say, once a fact answers its topic): kept and restorable
#[poise::command(slash_command, rename = "remove")]
async fn gap_remove(
    ctx: Context<'_>,
    #[description = "The gap's key"]
    #[max_length = 64]
    key: String,
    #[description = "Why (kept in the history)"]
    #[max_length = 512]
    reason: String,
) -> Result<(), Error> {
    let who = moderator(ctx);
    let g = change(ctx.data(), "retiring a gap", move |store| {
        store.retire_gap(&key, &who, &reason)
    })
    .await?;
    tracing::info!(gap = %g.gap.key, "moderator retired a gap");
    say(
        ctx,
        &gap_title("Retired", &g),
        &format!(
            "Its questions are weighed against the facts alone now. `/fact gap restore key:{}` \
             brings it back.",
            g.gap.key
        ),
    )
    .await
}

/// Bring back a retired gap
#[poise::command(slash_command, rename = "restore")]
async fn gap_restore(
    ctx: Context<'_>,
    #[description = "The gap's key"]
    #[max_length = 64]
    key: String,
    #[description = "Why (kept in the history)"]
    #[max_length = 512]
    reason: Option<String>,
) -> Result<(), Error> {
    let who = moderator(ctx);
    let g = change(ctx.data(), "restoring a gap", move |store| {
        store.restore_gap(&key, &who, reason.as_deref())
    })
    .await?;
    say(ctx, &gap_title("Restored", &g), &gap_text(&g)).await
}

/// Every version of a gap: who, when, why, what changed
#[poise::command(slash_command, rename = "history")]
async fn gap_history(
    ctx: Context<'_>,
    #[description = "The gap's key"]
    #[max_length = 64]
    key: String,
) -> Result<(), Error> {
    let title = format!("History of gap {key}");
    let history = look(ctx.data(), "loading a gap's history", move |store| {
        store.gap_history(&key)
    })
    .await?;
    say(ctx, &title, &history_text(&history)).await
}

/// Newest first: when the list is cut, the oldest versions go.
fn history_text(history: &[GapRevision]) -> String {
    history
        .iter()
        .rev()
        .map(|v| {
            version_text(
                v.version,
                &v.action,
                &v.by_name,
                &v.at,
                v.reason.as_deref(),
                &v.changes,
            )
        })
        .collect()
}

fn gap_title(done: &str, g: &StoredGap) -> String {
    format!("{done}: gap {} · version {}", g.gap.key, g.version)
}

/// A gap, for a moderator to read.
fn gap_text(g: &StoredGap) -> String {
    let mut out = format!(
        "**Topic:** {}\n**Note:** {}\n**Questions:**",
        escape(&g.gap.topic),
        escape(&g.gap.note)
    );
    for q in &g.gap.questions {
        out.push_str(&format!("\n• {}", escape(q)));
    }
    out
}
