//! "Ask summit-bot": a message context-menu command (Apps → Ask summit-bot
//! on any message) that answers the chosen message's text, privately by
//! default, for everyone when `discord.ask_menu_public` is on. The message
//! is someone else's question, so it is read alone, never as a follow-up.

use poise::serenity_prelude as serenity;

use super::ask::{deferring, DEFER_AFTER};
use super::reply;
use super::{asker, defer, no_mentions, question_text, respond, user_error, Context, Error};

/// Answer this message's question about the 2018 Tehran summit on Idlib
#[poise::command(context_menu_command = "Ask summit-bot")]
pub async fn ask_menu(
    ctx: Context<'_>,
    #[description = "The message whose text to answer"] message: serenity::Message,
) -> Result<(), Error> {
    let data = ctx.data();
    data.check_rate(ctx.author().id)?;
    let question = question_text(&message.content);
    if question.is_empty() {
        return Err(user_error(
            "That message has no text to answer: Ask summit-bot answers a message's words.",
        ));
    }
    let private = !data.ask_menu_public;
    let reply = deferring(data.answer(question), DEFER_AFTER, async {
        tracing::warn!("answering is slow: deferring the response");
        defer(ctx, private).await
    })
    .await?;
    tracing::info!(
        answered = reply.answered,
        fact = ?reply.fact_id.map(|f| f.0),
        confidence = reply.confidence,
        "message asked from the menu"
    );
    let card = reply::render(&reply).asked_by(ctx.author().id.get(), data.suggestions_until());
    respond(
        ctx,
        poise::CreateReply::default()
            .embed(card.embed())
            .components(card.components())
            .ephemeral(private || card.private)
            .allowed_mentions(no_mentions()),
    )
    .await?;
    data.log(reply, asker(ctx.author().id, ctx.guild_id()))
        .await;
    Ok(())
}
