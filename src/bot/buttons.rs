//! The buttons under replies: a suggested question answers that fact when
//! clicked (the decline turns into the answer); 👍 / 👎 record feedback
//! against the fact in the store. Custom ids are made and read in
//! [`super::reply::Action`]; clicks on anything else are not ours.

use poise::serenity_prelude as serenity;

use super::reply::{self, Action};
use super::{asker, no_mentions, user_error, Data, Error, UserError, APOLOGY};
use crate::answer::{Reply, SourceRef};
use crate::engine::Engine;
use crate::fact::FactId;

/// What a click on an answer that has since been retired gets.
const GONE: &str = "That answer is no longer in the fact store. Try `/ask` again.";

pub async fn on_click(
    ctx: &serenity::Context,
    data: &Data,
    click: &serenity::ComponentInteraction,
) -> Result<(), Error> {
    let Some(action) = Action::parse(&click.data.custom_id) else {
        return Ok(());
    };
    let done = match action {
        Action::Ask(fact) => answer_suggestion(ctx, data, click, fact).await,
        Action::Feedback { fact, helpful } => feedback(ctx, data, click, fact, helpful).await,
    };
    let Err(error) = done else {
        return Ok(());
    };
    let shown = match error.downcast_ref::<UserError>() {
        Some(user) => user.0.clone(),
        None => {
            tracing::error!(
                custom_id = %click.data.custom_id,
                error = %format!("{error:#}"),
                "handling a button failed"
            );
            APOLOGY.to_string()
        }
    };
    respond_privately(ctx, click, &shown).await
}

/// Answers the suggested fact, replacing the message the button was on.
async fn answer_suggestion(
    ctx: &serenity::Context,
    data: &Data,
    click: &serenity::ComponentInteraction,
    fact: FactId,
) -> Result<(), Error> {
    data.check_rate(click.user.id)?;
    let engine = data.engine();
    let question = label_of(&click.message, &click.data.custom_id)
        .or_else(|| engine.fact(fact).and_then(|f| f.questions.first().cloned()))
        .unwrap_or_default();
    let Some(reply) = reply_for_fact(&engine, fact, question) else {
        return Err(user_error(GONE));
    };
    tracing::info!(fact = fact.0, "suggestion clicked");
    let card = reply::render(&reply);
    let response = serenity::CreateInteractionResponse::UpdateMessage(
        serenity::CreateInteractionResponseMessage::new()
            .embed(card.embed())
            .components(card.components())
            .allowed_mentions(no_mentions()),
    );
    click.create_response(ctx, response).await?;
    data.log(reply, asker(click.user.id, click.guild_id)).await;
    Ok(())
}

async fn feedback(
    ctx: &serenity::Context,
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
    respond_privately(ctx, click, thanks).await
}

async fn respond_privately(
    ctx: &serenity::Context,
    click: &serenity::ComponentInteraction,
    text: &str,
) -> Result<(), Error> {
    let response = serenity::CreateInteractionResponse::Message(
        serenity::CreateInteractionResponseMessage::new()
            .content(reply::cut(text, reply::MAX_CONTENT))
            .ephemeral(true)
            .allowed_mentions(no_mentions()),
    );
    click.create_response(ctx, response).await?;
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
fn reply_for_fact(engine: &Engine, id: FactId, question: String) -> Option<Reply> {
    let fact = engine.fact(id)?;
    Some(Reply {
        question,
        answered: true,
        answer: Some(fact.answer.clone()),
        confidence: 1.0,
        fact_id: Some(id),
        sources: vec![SourceRef::of(fact, engine.article(fact.article))],
        alternatives: Vec::new(),
        error: None,
        note: None,
        why: Some("picked by the user from suggestions".to_string()),
    })
}
