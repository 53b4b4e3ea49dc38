//! The buttons under replies: a suggested question answers that fact when
//! clicked: for the asker the reply turns into the answer; for anyone else
//! the answer comes privately and the asker's reply stays as it was. After
//! `discord.suggestion_minutes` the buttons answer no one. 👍 / 👎 record
//! feedback against the fact in the store. Custom ids are made and read in
//! [`super::reply::Action`]; clicks on anything else are not ours.

use poise::serenity_prelude as serenity;

use super::errors::told;
use super::reply::{self, Action, Owner};
use super::{asker, no_mentions, unix_now, user_error, Data, Error};
use crate::answer::{Reply, SourceRef};
use crate::engine::Engine;
use crate::fact::FactId;

/// What a click on an answer that has since been retired gets.
const GONE: &str = "That answer is no longer in the fact store. Try `/ask` again.";

/// What a click on a suggestion past its time gets.
const EXPIRED: &str =
    "Those suggestions have expired. Ask again with `/ask`, or mention me with your question.";

pub async fn on_click(data: &Data, click: &serenity::ComponentInteraction) -> Result<(), Error> {
    let Some(action) = Action::parse(&click.data.custom_id) else {
        return Ok(());
    };
    let done = match action {
        Action::Ask { fact, owner } => answer_suggestion(data, click, fact, owner).await,
        Action::Feedback { fact, helpful } => feedback(data, click, fact, helpful).await,
        Action::Teach => super::teach::open_form(data, click).await,
    };
    let Err(error) = done else {
        return Ok(());
    };
    let shown = told(&error, &format!("the button {:?}", click.data.custom_id));
    respond_privately(data, click.id, &click.token, &shown).await
}

/// Answers the suggested fact: for its asker by replacing the message the
/// button was on, for anyone else privately, leaving the asker's reply as
/// it was. A button without an owner (made before buttons had one) answers
/// privately.
async fn answer_suggestion(
    data: &Data,
    click: &serenity::ComponentInteraction,
    fact: FactId,
    owner: Option<Owner>,
) -> Result<(), Error> {
    if owner.is_some_and(|o| unix_now() > o.until) {
        return Err(user_error(EXPIRED));
    }
    data.check_rate(click.user.id)?;
    let engine = data.engine();
    let question = label_of(&click.message, &click.data.custom_id)
        .or_else(|| engine.fact(fact).and_then(|f| f.questions.first().cloned()))
        .unwrap_or_default();
    let Some(reply) = reply_for_fact(
        &engine,
        fact,
        question,
        "picked by the user from suggestions",
    ) else {
        return Err(user_error(GONE));
    };
    let by_asker = owner.is_some_and(|o| o.user == click.user.id.get());
    tracing::info!(fact = fact.0, by_asker, "suggestion clicked");
    let card = reply::render(&reply);
    let message = serenity::CreateInteractionResponseMessage::new()
        .embed(card.embed())
        .components(card.components())
        .allowed_mentions(no_mentions());
    let response = if by_asker {
        serenity::CreateInteractionResponse::UpdateMessage(message)
    } else {
        serenity::CreateInteractionResponse::Message(message.ephemeral(true))
    };
    data.rest.respond(click.id, &click.token, &response).await?;
    data.log(reply, asker(click.user.id, click.guild_id)).await;
    Ok(())
}

async fn feedback(
    data: &Data,
    click: &serenity::ComponentInteraction,
    fact: FactId,
    helpful: bool,
) -> Result<(), Error> {
    if data.engine().fact(fact).is_none() {
        return Err(user_error(GONE));
    }
    data.record_feedback(fact, click.user.id, helpful).await?;
    tracing::info!(fact = fact.0, helpful, "feedback");
    let thanks = if helpful {
        "Thanks! Noted that this answer helped."
    } else {
        "Thanks! Noted that this answer did not help; the fact will be reviewed."
    };
    respond_privately(data, click.id, &click.token, thanks).await
}

/// Answers the interaction `id` with `text`, which only its user sees.
pub(super) async fn respond_privately(
    data: &Data,
    id: serenity::InteractionId,
    token: &str,
    text: &str,
) -> Result<(), Error> {
    let response = serenity::CreateInteractionResponse::Message(
        serenity::CreateInteractionResponseMessage::new()
            .content(reply::cut(text, reply::MAX_CONTENT))
            .ephemeral(true)
            .allowed_mentions(no_mentions()),
    );
    data.rest.respond(id, token, &response).await?;
    Ok(())
}

/// The label of the button `custom_id` on `message`: the question the
/// user saw and clicked.
fn label_of(message: &serenity::Message, custom_id: &str) -> Option<String> {
    message
        .components
        .iter()
        .flat_map(|row| &row.components)
        .find_map(|c| match c {
            serenity::ActionRowComponent::Button(b) => match &b.data {
                serenity::ButtonKind::NonLink { custom_id: id, .. } if id == custom_id => {
                    b.label.clone()
                }
                _ => None,
            },
            _ => None,
        })
}

/// The reply for a fact the user picked themselves: answered, with full
/// confidence (they chose it), resting on the fact's quote.
pub(super) fn reply_for_fact(
    engine: &Engine,
    id: FactId,
    question: String,
    why: &str,
) -> Option<Reply> {
    let fact = engine.fact(id)?;
    Some(Reply {
        taking: None,
        question,
        answered: true,
        answer: Some(fact.answer.clone()),
        confidence: 1.0,
        fact_id: Some(id),
        sources: vec![SourceRef::of(fact, engine.article(fact.article))],
        alternatives: Vec::new(),
        error: None,
        note: None,
        why: Some(why.to_string()),
    })
}
