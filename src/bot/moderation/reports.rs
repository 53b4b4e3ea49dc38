//! `/fact history`, `unanswered` and `feedback`: the reports both edges
//! take from [`review`], as embeds; and `/fact export` and `import`.

use anyhow::Context as _;
use poise::serenity_prelude as serenity;

use super::super::reply::{cut, escape, MAX_CONTENT};
use super::super::{defer, no_mentions, user_error, Context, Error};
use super::{change, look, moderator, say, sentence};
use crate::fact::FactId;
use crate::moderation::review::{self, History};
use crate::store::ImportReport;

/// An import file bigger than this is refused before it is downloaded: an
/// export of 100k facts is about 40 MB, far past any hand-curated set.
const MAX_IMPORT_BYTES: u32 = 8 << 20;

/// Every version of a fact: who, when, why, what changed
#[poise::command(slash_command)]
pub(super) async fn history(
    ctx: Context<'_>,
    #[description = "The fact's id"] id: i64,
) -> Result<(), Error> {
    let id = FactId(id);
    let history = look(ctx.data(), "loading a fact's history", move |store| {
        review::history(store, id)
    })
    .await?;
    say(
        ctx,
        &format!("History of fact {id}"),
        &history_text(&history),
    )
    .await
}

fn history_text(history: &History) -> String {
    // Newest first: when the list is cut, the oldest versions go.
    history
        .versions
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

/// One version of a fact's or a gap's history, for a moderator to read:
/// what, by whom, when (in the reader's own time zone), why, what changed.
pub(super) fn version_text(
    version: i64,
    action: &dyn std::fmt::Display,
    by: &str,
    at: &str,
    reason: Option<&str>,
    changes: &[String],
) -> String {
    let mut body = format!(
        "**v{version}** {action} by **{}** at {}",
        escape(by),
        crate::when::unix(at).map_or_else(|| at.to_string(), |t| format!("<t:{t}:f>"))
    );
    if let Some(reason) = reason {
        body.push_str(&format!(" — “{}”", escape(reason)));
    }
    for c in changes {
        body.push_str(&format!("\n  {}", escape(c)));
    }
    body.push('\n');
    body
}

/// Questions the bot declined or was unsure of, grouped, most asked first
#[poise::command(slash_command)]
pub(super) async fn unanswered(
    ctx: Context<'_>,
    #[description = "How many days back to look (default 7)"]
    #[min = 1]
    #[max = 3650]
    days: Option<u32>,
) -> Result<(), Error> {
    let days = days.unwrap_or(review::DEFAULT_DAYS);
    let missed = look(ctx.data(), "reading the question log", move |store| {
        review::unanswered(store, days)
    })
    .await?;
    if missed.groups.is_empty() {
        return say(
            ctx,
            "Nothing unanswered",
            &format!("No declined or unsure questions in the last {days} days."),
        )
        .await;
    }
    let mut body = String::new();
    for g in &missed.groups {
        let mut wordings = g.wordings.iter();
        let first = wordings.next().map(String::as_str).unwrap_or("");
        body.push_str(&format!("**{}×** {}", g.asked, escape(first)));
        let others: Vec<String> = wordings.take(2).map(|w| escape(w)).collect();
        if !others.is_empty() {
            body.push_str(&format!(" (also: {})", others.join("; ")));
        }
        body.push('\n');
    }
    body.push_str("\nTurn one into a fact with `/fact add`.");
    let title = format!(
        "Unanswered in the last {days} days: {} questions",
        missed.total
    );
    say(ctx, &title, &body).await
}

/// The facts with the worst 👍/👎 record
#[poise::command(slash_command)]
pub(super) async fn feedback(ctx: Context<'_>) -> Result<(), Error> {
    let tallies = look(ctx.data(), "tallying feedback", |store| {
        review::feedback(store, None)
    })
    .await?;
    if tallies.is_empty() {
        return say(ctx, "No feedback yet", "Nobody has voted 👍 or 👎 yet.").await;
    }
    let mut body = String::new();
    for t in tallies {
        body.push_str(&format!(
            "{} 👎 {} 👍 {} — {}\n",
            t.fact_id,
            t.unhelpful,
            t.helpful,
            escape(&cut(&t.answer, 80))
        ));
    }
    say(ctx, "Worst-rated facts", &body).await
}

/// Download every fact, retired ones included, as a JSON file
#[poise::command(slash_command)]
pub(super) async fn export(ctx: Context<'_>) -> Result<(), Error> {
    let facts = look(ctx.data(), "exporting facts", |store| store.export_facts()).await?;
    let json = serde_json::to_vec_pretty(&facts).context("writing the export")?;
    let message = serenity::CreateInteractionResponseMessage::new()
        .content(format!(
            "{} facts. `/fact import` reads this file back.",
            facts.len()
        ))
        .ephemeral(true)
        .allowed_mentions(no_mentions());
    let poise::Context::Application(app) = ctx else {
        return Ok(());
    };
    ctx.data()
        .rest
        .respond_with_file(
            app.interaction.id,
            &app.interaction.token,
            &serenity::CreateInteractionResponse::Message(message),
            "summit-bot-facts.json",
            &json,
        )
        .await?;
    app.has_sent_initial_response
        .store(true, std::sync::atomic::Ordering::SeqCst);
    Ok(())
}

/// Import facts from an export file: checked whole first; says what it would change
#[poise::command(slash_command)]
pub(super) async fn import(
    ctx: Context<'_>,
    #[description = "A JSON file from /fact export"] file: serenity::Attachment,
    #[description = "Write the changes (default: only say what would change)"] apply: Option<bool>,
) -> Result<(), Error> {
    let who = moderator(ctx);
    if file.size > MAX_IMPORT_BYTES {
        return Err(user_error(format!(
            "That file is {} bytes; an import can be at most {MAX_IMPORT_BYTES}.",
            file.size
        )));
    }
    defer(ctx, true).await?;
    let bytes = file
        .download()
        .await
        .context("downloading the import file")?;
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(user_error(
            "That file is not UTF-8 text: it is not an export.",
        ));
    };
    let apply = apply.unwrap_or(false);
    let report = if apply {
        change(ctx.data(), "importing facts", move |store| {
            review::import(store, &text, &who, true)
        })
        .await?
    } else {
        look(ctx.data(), "checking an import", move |store| {
            review::import(store, &text, &who, false)
        })
        .await?
    };
    let title = if apply {
        "Imported"
    } else {
        "Dry run: nothing written (add apply:True to import)"
    };
    say(ctx, title, &escape(&import_text(&report))).await
}

/// How many of an import's per-fact lines Discord is shown; the CLI, and
/// the export file itself, have them all.
const IMPORT_LINES: usize = 20;

fn import_text(report: &ImportReport) -> String {
    let mut text = sentence(&review::import_summary(report));
    for line in review::import_lines(report).iter().take(IMPORT_LINES) {
        text.push_str(&format!("\n{line}"));
    }
    cut(&text, MAX_CONTENT * 2)
}
