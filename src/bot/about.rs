//! `/about`: which article the bot knows, how many facts, which version.

use poise::serenity_prelude as serenity;

use super::reply::escape;
use super::{no_mentions, Context, Error};

/// What this bot knows: the article, its date, how many facts
#[poise::command(slash_command)]
pub async fn about(ctx: Context<'_>) -> Result<(), Error> {
    let engine = ctx.data().engine();
    let mut articles: Vec<_> = engine.articles().cloned().collect();
    articles.sort_by_key(|a| a.id);
    let mut lines: Vec<String> = articles
        .iter()
        .map(|a| match &a.date {
            Some(date) => format!("**{}** ({date})", escape(&a.title)),
            None => format!("**{}**", escape(&a.title)),
        })
        .collect();
    if lines.is_empty() {
        lines.push("No article is loaded yet.".to_string());
    }
    lines.push(String::new());
    lines.push(format!(
        "I answer from {} facts taken from it, and say which paragraph each answer rests on.",
        engine.fact_count()
    ));
    let embed = serenity::CreateEmbed::new()
        .title("About summit-bot")
        .description(lines.join("\n"))
        .footer(serenity::CreateEmbedFooter::new(format!(
            "summit-bot {}",
            env!("CARGO_PKG_VERSION")
        )));
    super::respond(
        ctx,
        poise::CreateReply::default()
            .embed(embed)
            .allowed_mentions(no_mentions()),
    )
    .await?;
    Ok(())
}
