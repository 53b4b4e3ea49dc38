//! Teach: a moderator answers, in place, a question the bot declined. The
//! "Teach an answer" button under a decline in a server opens a form (a
//! Discord modal) holding the question; the moderator gives either the id
//! of a fact that already answers it, or a short answer and the words of
//! the article it rests on (the paragraph is found from them, or given).
//! On submit the question becomes a phrasing of that fact, or a new fact
//! citing the article, with a revision naming who taught it; the logged
//! question leaves `/fact unanswered`; and the decline turns into the
//! answer, for everyone who saw it.
//!
//! Who may: the same check as `/fact` ([`moderation::permitted`]), made
//! from the click and again from the form's submission, since Discord
//! shows the button to everyone. Anyone else is told so privately and
//! nothing is written. Discord's forms cannot autocomplete, so a quote is
//! found in the article whatever its spacing; a quote that is nowhere, or
//! in several paragraphs, is refused with what to do, and the reply repeats
//! what was typed so nothing is lost.

use poise::serenity_prelude as serenity;

use super::buttons::{reply_for_fact, respond_privately};
use super::errors::told;
use super::moderation::{self, change, moderator_of, Refused};
use super::reply::{self, cut, escape, MAX_DESCRIPTION};
use super::{no_mentions, user_error, Data, Error};
use crate::moderation::teach::Form;
use crate::moderation::{MAX_ANSWER, MAX_PHRASING, MAX_QUOTE};

/// The form's `custom_id`, and its fields'.
const FORM: &str = "teach";
const PHRASING: &str = "phrasing";
const ANSWER: &str = "answer";
const QUOTE: &str = "quote";
const PARAGRAPH: &str = "paragraph";
const FACT: &str = "fact";

/// What someone who may not moderate is told.
const REFUSED: &str = "Only moderators can teach me answers: it needs the Manage Messages \
                       permission in this server, or a moderator role. Nothing was changed.";
/// What a click is told when the message has no question to teach.
const NO_QUESTION: &str = "I can't find the question on that message to teach. Nothing was \
                           changed.";

/// A click on Teach: a moderator gets the form; anyone else is refused.
pub async fn open_form(data: &Data, click: &serenity::ComponentInteraction) -> Result<(), Error> {
    check(
        data,
        click.user.id,
        click.guild_id.is_some(),
        click.member.as_ref(),
    )?;
    let asked = asked_on(&click.message).ok_or_else(|| user_error(NO_QUESTION))?;
    tracing::info!(user = click.user.id.get(), "teach form opened");
    let field = |id: &str, label: &str, style, max: usize| {
        serenity::CreateInputText::new(style, label, id)
            .max_length(u16::try_from(max).unwrap_or(u16::MAX))
            .required(false)
    };
    let short = serenity::InputTextStyle::Short;
    let long = serenity::InputTextStyle::Paragraph;
    let fields = [
        field(
            PHRASING,
            "The question, as it will be matched",
            short,
            MAX_PHRASING,
        )
        .value(cut(&asked, MAX_PHRASING))
        .required(true),
        field(ANSWER, "Short answer (for a new fact)", long, MAX_ANSWER)
            .placeholder("e.g. Hossein Jaberi Ansari, Iran's deputy foreign minister"),
        field(
            QUOTE,
            "Its words in the article (for a new fact)",
            long,
            MAX_QUOTE,
        )
        .placeholder("Copied from the article; the paragraph is found from them"),
        field(
            PARAGRAPH,
            "Paragraph ¶ (when the words are in several)",
            short,
            4,
        ),
        field(FACT, "Or: id of a fact that already answers it", short, 20)
            .placeholder("e.g. 12: the question becomes one of its phrasings"),
    ];
    let modal = serenity::CreateModal::new(FORM, "Teach an answer").components(
        fields
            .into_iter()
            .map(serenity::CreateActionRow::InputText)
            .collect(),
    );
    let response = serenity::CreateInteractionResponse::Modal(modal);
    data.rest.respond(click.id, &click.token, &response).await?;
    Ok(())
}

/// A submitted form: taught, and the decline it was opened from becomes
/// the answer; or the moderator is told privately what to fix.
pub async fn on_submit(data: &Data, form: &serenity::ModalInteraction) -> Result<(), Error> {
    if form.data.custom_id != FORM {
        return Ok(());
    }
    let Err(error) = submit(data, form).await else {
        return Ok(());
    };
    let mut shown = told(&error, "teaching an answer");
    let typed = typed(&read_fields(form));
    if !typed.is_empty() {
        shown = format!("{shown}\n\nWhat you wrote, to try again:\n{typed}");
    }
    respond_privately(data, form.id, &form.token, &cut(&shown, reply::MAX_CONTENT)).await
}

async fn submit(data: &Data, form: &serenity::ModalInteraction) -> Result<(), Error> {
    // Checked again: a form's submission is an interaction of its own.
    check(
        data,
        form.user.id,
        form.guild_id.is_some(),
        form.member.as_ref(),
    )?;
    let message = form
        .message
        .as_deref()
        .ok_or_else(|| user_error(NO_QUESTION))?;
    let asked = asked_on(message).ok_or_else(|| user_error(NO_QUESTION))?;
    let teaching = read_fields(form)
        .read(&asked)
        .map_err(|e| user_error(moderation::sentence(&e.to_string())))?;
    let who = moderator_of(&form.user);
    let name = who.name.clone();
    let taught = change(data, "teaching an answer", move |store| {
        store.teach(&teaching, &who)
    })
    .await?;
    let fact = &taught.fact;
    tracing::info!(
        fact = fact.id.0,
        new = taught.new,
        resolved = taught.resolved,
        "a moderator taught an answer"
    );
    let engine = data.engine();
    let reply = reply_for_fact(&engine, fact.id, asked, "taught by a moderator")
        .ok_or_else(|| anyhow::anyhow!("fact {} is not in the rebuilt engine", fact.id.0))?;
    let mut card = reply::render(&reply);
    card.description = cut(
        &format!(
            "{}\n\n*Answer taught by {} (fact {}, version {}).*",
            card.description,
            escape(&name),
            fact.id,
            fact.version
        ),
        MAX_DESCRIPTION,
    );
    let response = serenity::CreateInteractionResponse::UpdateMessage(
        serenity::CreateInteractionResponseMessage::new()
            .embed(card.embed())
            .components(card.components())
            .allowed_mentions(no_mentions()),
    );
    data.rest.respond(form.id, &form.token, &response).await?;
    Ok(())
}

/// Refuses, as a user error, anyone who may not moderate here.
fn check(
    data: &Data,
    user: serenity::UserId,
    in_guild: bool,
    member: Option<&serenity::Member>,
) -> Result<(), Error> {
    let allowed = moderation::permitted(&data.app().config.discord, user, in_guild, member);
    match allowed {
        Ok(()) => Ok(()),
        Err(refused) => {
            tracing::info!(user = user.get(), ?refused, "refused teaching an answer");
            Err(user_error(match refused {
                Refused::ServerOnly | Refused::NotNamedForDms | Refused::NotModerator => REFUSED,
            }))
        }
    }
}

/// The question a decline card shows: its title, without the quotation
/// marks and Markdown escapes the card added.
fn asked_on(message: &serenity::Message) -> Option<String> {
    let title = message.embeds.first()?.title.as_deref()?;
    let inner = title.trim().strip_prefix('“')?.strip_suffix('”')?;
    let asked = unescape(inner).trim().to_string();
    (!asked.is_empty()).then_some(asked)
}

/// Undoes [`escape`]: the backslashes before Markdown characters and the
/// zero-width spaces that kept mentions from pinging.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '\u{200B}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The form's fields as typed.
fn read_fields(form: &serenity::ModalInteraction) -> Form {
    let mut out = Form::default();
    let inputs = form
        .data
        .components
        .iter()
        .flat_map(|row| &row.components)
        .filter_map(|c| match c {
            serenity::ActionRowComponent::InputText(input) => Some(input),
            _ => None,
        });
    for input in inputs {
        let value = input.value.clone().unwrap_or_default();
        match input.custom_id.as_str() {
            PHRASING => out.phrasing = value,
            ANSWER => out.answer = value,
            QUOTE => out.quote = value,
            PARAGRAPH => out.paragraph = value,
            FACT => out.fact = value,
            _ => {}
        }
    }
    out
}

/// What the moderator typed, to copy back after a refusal.
fn typed(form: &Form) -> String {
    [
        ("Question", &form.phrasing),
        ("Answer", &form.answer),
        ("Quote", &form.quote),
        ("Paragraph", &form.paragraph),
        ("Fact", &form.fact),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| format!("**{k}:** {}", escape(v.trim())))
    .collect::<Vec<_>>()
    .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_is_undone_for_the_question() {
        for text in [
            "who is **he** <@123> @everyone_x `q`?",
            "plain question",
            "back\\slash",
        ] {
            assert_eq!(unescape(&escape(text)), text, "{text}");
        }
    }

    #[test]
    fn what_was_typed_comes_back_escaped_without_blanks() {
        let form = Form {
            phrasing: "who *met*?".into(),
            answer: " ".into(),
            quote: "the three".into(),
            ..Form::default()
        };
        assert_eq!(
            typed(&form),
            "**Question:** who \\*met\\*?\n**Quote:** the three"
        );
    }
}
