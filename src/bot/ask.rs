//! `/ask question:<text>`, with autocomplete over the phrasings the fact
//! store knows.

use std::future::Future;
use std::time::Duration;

use poise::serenity_prelude as serenity;

use super::reply::{self, MAX_CHOICE};
use super::{asker, defer, no_mentions, question_text, respond, Context, Error};
use crate::answer::Reply;

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

    let asked = data.answer_in(ctx.author().id, ctx.channel_id(), question_text(&question));
    answer_command(ctx, asked, false, "asked").await
}

/// Replies to the command in `ctx` with the answer `asked` will give:
/// deferring if it is slow, as a card (`private`: only the asker sees it),
/// then logs it. `what` names the command in the log.
pub(super) async fn answer_command(
    ctx: Context<'_>,
    asked: impl Future<Output = Result<Reply, Error>>,
    private: bool,
    what: &'static str,
) -> Result<(), Error> {
    let data = ctx.data();
    let reply = deferring(asked, DEFER_AFTER, async {
        tracing::warn!("answering is slow: deferring the response");
        defer(ctx, private).await
    })
    .await?;
    tracing::info!(
        answered = reply.answered,
        fact = ?reply.fact_id.map(|f| f.0),
        confidence = reply.confidence,
        command = what,
        "answered"
    );
    let mut card = reply::render(&reply).asked_by(ctx.author().id.get(), data.suggestions_until());
    if ctx.guild_id().is_none() {
        card = card.without_teach();
    }
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

/// Awaits `answer`; if it is not ready within `after`, runs `defer` first
/// (and still waits for the answer).
pub(super) async fn deferring<T, E>(
    answer: impl Future<Output = Result<T, E>>,
    after: Duration,
    defer: impl Future<Output = Result<(), E>>,
) -> Result<T, E> {
    tokio::pin!(answer);
    tokio::select! {
        done = &mut answer => done,
        () = tokio::time::sleep(after) => {
            defer.await?;
            answer.await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    async fn run(takes: Duration) -> (Result<&'static str, String>, bool) {
        let deferred = AtomicBool::new(false);
        let answer = async {
            tokio::time::sleep(takes).await;
            Ok("answer")
        };
        let defer = async {
            deferred.store(true, Ordering::SeqCst);
            Ok(())
        };
        let got = deferring(answer, Duration::from_millis(50), defer).await;
        (got, deferred.load(Ordering::SeqCst))
    }

    #[tokio::test]
    async fn a_quick_answer_is_not_deferred() {
        assert_eq!(run(Duration::ZERO).await, (Ok("answer"), false));
    }

    #[tokio::test]
    async fn a_slow_answer_is_deferred_then_sent() {
        assert_eq!(run(Duration::from_millis(300)).await, (Ok("answer"), true));
    }

    #[tokio::test]
    async fn a_failed_deferral_is_an_error() {
        let answer = async {
            tokio::time::sleep(Duration::from_millis(300)).await;
            Ok::<_, String>("answer")
        };
        let got = deferring(answer, Duration::from_millis(10), async {
            Err("gone".to_string())
        })
        .await;
        assert_eq!(got, Err("gone".to_string()));
    }
}
