//! Plain messages: any direct message is a question; in a server, a message
//! that mentions the bot is, and gets the answer as a reply. Messages from
//! bots (this one included) are ignored.

use std::time::Duration;

use poise::serenity_prelude as serenity;

use super::help::HELP;
use super::reply::{self, MAX_CONTENT};
use super::{asker, no_mentions, question_text, Data, Error, UserError, APOLOGY};

pub async fn on_message(
    ctx: &serenity::Context,
    data: &Data,
    bot_id: serenity::UserId,
    msg: &serenity::Message,
) -> Result<(), Error> {
    if msg.author.bot || msg.author.id == bot_id {
        return Ok(());
    }
    let question = match msg.guild_id {
        None => question_text(&msg.content),
        Some(_) if msg.mentions.iter().any(|u| u.id == bot_id) => question_text(&msg.content),
        Some(_) => return Ok(()),
    };
    if question.is_empty() {
        return send(ctx, msg, Answer::Text(HELP)).await;
    }
    if let Err(error) = data.check_rate(msg.author.id) {
        let text = error
            .downcast_ref::<UserError>()
            .map_or(APOLOGY.to_string(), |e| e.0.clone());
        return send(ctx, msg, Answer::Text(&text)).await;
    }
    let reply = data.answer(question).await?;
    tracing::info!(
        answered = reply.answered,
        fact = ?reply.fact_id.map(|f| f.0),
        confidence = reply.confidence,
        "message answered"
    );
    send(ctx, msg, Answer::Card(&reply::render(&reply))).await?;
    data.log(reply, asker(msg.author.id, msg.guild_id)).await;
    Ok(())
}

enum Answer<'a> {
    Card(&'a reply::Card),
    Text(&'a str),
}

/// Sends `answer` where `msg` was: as a reply in a server (pinging no one,
/// not even its author), as a plain message in a DM.
async fn send(
    ctx: &serenity::Context,
    msg: &serenity::Message,
    answer: Answer<'_>,
) -> Result<(), Error> {
    let mut out = serenity::CreateMessage::new().allowed_mentions(no_mentions());
    out = match answer {
        Answer::Card(card) => out.embed(card.embed()).components(card.components()),
        Answer::Text(text) => out.content(reply::cut(text, MAX_CONTENT)),
    };
    if msg.guild_id.is_some() {
        out = out.reference_message(msg);
    }
    send_retrying(ctx, msg.channel_id, out).await?;
    Ok(())
}

/// How long to wait before each retry of a send Discord refused with 429
/// Too Many Requests. Serenity's error does not keep Discord's
/// `retry_after`, so these are fixed: a per-route limit on sending clears
/// in about a second, and a reply later than a few seconds is no reply.
const RETRY_429_AFTER: [Duration; 2] = [Duration::from_millis(1_000), Duration::from_millis(2_000)];

/// Sends `out` to `channel`, retrying at most twice when Discord answers
/// 429. Serenity retries a 429 itself only when its own rate limiter is on,
/// and it is off when REST goes through a proxy (`discord.api_base`). Any
/// other failure is returned at once: after a 500 the message may exist
/// already, and a retry could post it twice; a 429 means it was not made.
async fn send_retrying(
    ctx: &serenity::Context,
    channel: serenity::ChannelId,
    out: serenity::CreateMessage,
) -> Result<serenity::Message, serenity::Error> {
    let mut waits = RETRY_429_AFTER.iter();
    loop {
        let error = match channel.send_message(ctx, out.clone()).await {
            Ok(sent) => return Ok(sent),
            Err(error) => error,
        };
        let limited = matches!(
            &error,
            serenity::Error::Http(e) if e.status_code().is_some_and(|s| s.as_u16() == 429)
        );
        match waits.next() {
            Some(wait) if limited => {
                tracing::warn!(
                    wait_ms = wait.as_millis() as u64,
                    "Discord rate-limited a reply: retrying"
                );
                tokio::time::sleep(*wait).await;
            }
            _ => return Err(error),
        }
    }
}
