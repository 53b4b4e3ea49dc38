//! Plain messages: any direct message is a question; in a server, a message
//! that mentions the bot is, and gets the answer as a reply. A question that
//! leans on the asker's last exchange in the same DM, channel or thread
//! ("what did he say?") is read with it. Messages from
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
    let card = reply::render(&reply).asked_by(msg.author.id.get(), data.suggestions_until());
    send(data, msg, Answer::Card(&card)).await?;
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
