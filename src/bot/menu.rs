//! "Ask summit-bot": a message context-menu command (Apps → Ask summit-bot
//! on any message) that answers the chosen message's text, privately by
//! default, for everyone when `discord.ask_menu_public` is on. The message
//! is someone else's question, so it is read alone, never as a follow-up.

use poise::serenity_prelude as serenity;

use super::ask::answer_command;
use super::{question_text, user_error, Context, Error};

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
    answer_command(ctx, data.answer(question), !data.ask_menu_public, "menu").await
}
