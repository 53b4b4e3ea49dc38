//! Plain messages: any direct message is a question; in a server, a message
//! that mentions the bot is, and gets the answer as a reply. A question that
//! leans on the asker's last exchange in the same DM, channel or thread
//! ("what did he say?") is read with it. In a help channel
//! (`discord.help_channel_ids`, or a thread of one: a forum post) every
//! message is a question, answered only when the bot is sure. Messages from
//! bots (this one included) are ignored.

use poise::serenity_prelude as serenity;

use super::help::HELP;
use super::reply::{self, MAX_CONTENT};
use super::{asker, no_mentions, question_text, Data, Error, UserError, APOLOGY};

pub async fn on_message(
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
        Some(_) if data.is_help_channel(msg.channel_id).await => {
            return help_channel(data, msg).await;
        }
        Some(_) => return Ok(()),
    };
    if question.is_empty() {
        return send(data, msg, Answer::Text(HELP)).await;
    }
    if let Err(error) = data.check_rate(msg.author.id) {
        let text = error
            .downcast_ref::<UserError>()
            .map_or(APOLOGY.to_string(), |e| e.0.clone());
        return send(data, msg, Answer::Text(&text)).await;
    }
    let reply = data
        .answer_in(msg.author.id, msg.channel_id, question)
        .await?;
    tracing::info!(
        answered = reply.answered,
        fact = ?reply.fact_id.map(|f| f.0),
        confidence = reply.confidence,
        "message answered"
    );
    let mut card = reply::render(&reply).asked_by(msg.author.id.get(), data.suggestions_until());
    if msg.guild_id.is_none() {
        card = card.without_teach();
    }
    send(data, msg, Answer::Card(&card)).await?;
    data.log(reply, asker(msg.author.id, msg.guild_id)).await;
    Ok(())
}

/// A message in a help channel (or a post in a help forum), which did not
/// mention the bot: answered only when the bot is at least
/// `discord.help_channel_threshold` sure. Otherwise nothing is said — the
/// channel is for people too — and the question is logged as unanswered, so
/// moderators find it in `/fact unanswered`. Never a help text, never a
/// rate-limit notice.
async fn help_channel(data: &Data, msg: &serenity::Message) -> Result<(), Error> {
    let question = question_text(&msg.content);
    if question.is_empty() || data.check_rate(msg.author.id).is_err() {
        return Ok(());
    }
    let mut reply = data
        .answer_in(msg.author.id, msg.channel_id, question)
        .await?;
    let sure = reply.answered && reply.confidence >= data.help_threshold;
    tracing::info!(
        answered = sure,
        fact = ?reply.fact_id.map(|f| f.0),
        confidence = reply.confidence,
        "help channel message"
    );
    if sure {
        let card = reply::render(&reply).asked_by(msg.author.id.get(), data.suggestions_until());
        send(data, msg, Answer::Card(&card)).await?;
    } else {
        reply.answered = false;
        reply.answer = None;
        reply.fact_id = None;
    }
    data.log(reply, asker(msg.author.id, msg.guild_id)).await;
    Ok(())
}

enum Answer<'a> {
    Card(&'a reply::Card),
    Text(&'a str),
}

/// Sends `answer` where `msg` was: as a reply in a server (pinging no one,
/// not even its author), as a plain message in a DM. A 429 is retried after
/// Discord's `retry_after` (see [`super::rest`]); any other failure is not:
/// after a 500 the message may exist already, and a retry could post it
/// twice.
async fn send(data: &Data, msg: &serenity::Message, answer: Answer<'_>) -> Result<(), Error> {
    let mut out = serenity::CreateMessage::new().allowed_mentions(no_mentions());
    out = match answer {
        Answer::Card(card) => out.embed(card.embed()).components(card.components()),
        Answer::Text(text) => out.content(reply::cut(text, MAX_CONTENT)),
    };
    if msg.guild_id.is_some() {
        out = out.reference_message(msg);
    }
    data.rest.send_message(msg.channel_id, &out).await?;
    Ok(())
}
