//! `/help`: what the bot can do, briefly, with examples.

use poise::serenity_prelude as serenity;

use super::{no_mentions, Context, Error};

/// The help text; also what a mention with no question gets.
pub const HELP: &str = "\
I answer questions about one news article: the September 2018 Tehran summit \
of Iran, Russia and Turkey on Idlib. Each answer quotes the article and names \
its paragraph (¶).

**Ask**
• `/ask question: Where is the summit being held?` (suggestions appear as you type)
• In a direct message, just write: `what did trump say?`
• In a channel, mention me: `@summit-bot how many civilians live in idlib?`

**Check**
• `/source paragraph: 12` shows that paragraph of the article.
• `/about` shows the article, its date and how many facts I know.

If the article doesn't cover something, I say so and suggest questions it \
does answer. Use 👍 / 👎 under an answer to say whether it helped.";

/// What this bot can do, with examples
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    super::respond(
        ctx,
        poise::CreateReply::default()
            .embed(
                serenity::CreateEmbed::new()
                    .title("summit-bot")
                    .description(HELP),
            )
            .ephemeral(true)
            .allowed_mentions(no_mentions()),
    )
    .await?;
    Ok(())
}
