//! `/ask question:<text>`, with autocomplete over the phrasings the fact
//! store knows.

use std::time::Duration;

use poise::serenity_prelude as serenity;

use super::reply::{self, MAX_CHOICE};
use super::{asker, no_mentions, question_text, Context, Error};

/// Discord shows at most this many autocomplete choices.
const MAX_CHOICES: usize = 25;

/// If answering takes longer than this, the bot defers (Discord then shows
/// "thinking…" and allows 15 minutes) instead of risking the 3 s window.
/// Well under 3 s, as the response itself still has to travel.
pub const DEFER_AFTER: Duration = Duration::from_millis(1_200);

/// Offers known phrasings matching what has been typed so far (typos too).
async fn complete_question(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let choices = ctx
        .data()
        .engine()
        .suggest(partial, MAX_CHOICES)
        .into_iter()
        .take(MAX_CHOICES)
        .map(|s| {
            let question = reply::cut(&s.question, MAX_CHOICE);
            serenity::AutocompleteChoice::new(question.clone(), question)
        })
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Ask a question about the 2018 Tehran summit on Idlib
#[poise::command(slash_command)]
pub async fn ask(
    ctx: Context<'_>,
    #[description = "Your question, e.g. \"Where is the summit being held?\""]
    #[autocomplete = "complete_question"]
    question: String,
) -> Result<(), Error> {
    let data = ctx.data();
    data.check_rate(ctx.author().id)?;

    let answering = data.answer(question_text(&question));
    tokio::pin!(answering);
    let reply = tokio::select! {
        reply = &mut answering => reply?,
        () = tokio::time::sleep(DEFER_AFTER) => {
            tracing::warn!("answering is slow: deferring the response");
            ctx.defer().await?;
            answering.await?
        }
    };
    tracing::info!(
        answered = reply.answered,
        fact = ?reply.fact_id.map(|f| f.0),
        confidence = reply.confidence,
        "asked"
    );
    let card = reply::render(&reply);
    ctx.send(
        poise::CreateReply::default()
            .embed(card.embed())
            .components(card.components())
            .ephemeral(card.private)
            .allowed_mentions(no_mentions()),
    )
    .await?;
    data.log(reply, asker(ctx.author().id, ctx.guild_id()))
        .await;
    Ok(())
}
