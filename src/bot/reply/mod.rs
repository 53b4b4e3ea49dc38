//! Rendering a [`Reply`] for Discord: an embed and its buttons, escaped and
//! cut to Discord's limits. Pure: no I/O, no serenity calls; [`Card`] turns
//! into serenity builders only at the very end, so the rules here are unit
//! tested on plain strings.
//!
//! Here: the card and how a reply becomes one. The buttons under it (their
//! actions, `custom_id`s and rows) are in `action`; escaping and cutting
//! text in `text`.

mod action;
#[cfg(test)]
mod tests;
mod text;

use poise::serenity_prelude as serenity;

use crate::answer::Reply;
use crate::fact::FactId;

use action::{feedback_buttons, TEACH_LABEL};
use text::blockquote;

pub use action::{Action, Button, Owner};
pub use text::{cut, escape};

/// Discord's limits, in characters.
pub const MAX_CONTENT: usize = 2_000;
pub const MAX_TITLE: usize = 256;
pub const MAX_DESCRIPTION: usize = 4_096;
pub const MAX_FOOTER: usize = 2_048;
/// Title, description, fields, footer and author of all embeds together.
pub const MAX_EMBEDS_TOTAL: usize = 6_000;
pub const MAX_BUTTON_LABEL: usize = 80;
pub const MAX_CUSTOM_ID: usize = 100;
/// Autocomplete choice names and values.
pub const MAX_CHOICE: usize = 100;

/// At or above this confidence (the decision model's probability that the
/// answer is right) the reply says nothing about confidence: answers given
/// at 0.8 and above were right about 95% of the time in cross-validation.
pub const HIGH_CONFIDENCE: f64 = 0.8;
/// Between this and [`HIGH_CONFIDENCE`] the reply says "fairly sure"; below
/// it (but above the decline threshold) it says the match is a guess.
pub const FAIR_CONFIDENCE: f64 = 0.6;

/// How many suggestions a reply offers as buttons (Discord allows 5 a row).
pub const MAX_SUGGESTIONS: usize = 3;

/// The longest quote shown: a paragraph-long quote would bury the answer.
const MAX_QUOTE: usize = 1_000;

/// What a decline says when the engine gives no note of its own.
pub const NOT_COVERED: &str = "The article doesn't cover that.";

/// Embed colours: answered, declined, unusable input.
const COLOUR_ANSWER: u32 = 0x2e7d32;
const COLOUR_DECLINE: u32 = 0xf9a825;
const COLOUR_ERROR: u32 = 0x757575;

/// A rendered reply: what goes in one embed, and the buttons under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub title: String,
    pub description: String,
    pub footer: Option<String>,
    pub colour: u32,
    pub buttons: Vec<Button>,
    /// Whether only the asker should see it (unusable input).
    pub private: bool,
}

/// Renders one reply.
pub fn render(reply: &Reply) -> Card {
    let title = cut(&format!("“{}”", escape(reply.question.trim())), MAX_TITLE);
    if let Some(error) = &reply.error {
        return Card {
            title,
            description: cut(&escape(error), MAX_DESCRIPTION),
            footer: None,
            colour: COLOUR_ERROR,
            buttons: Vec::new(),
            private: true,
        };
    }
    match (&reply.answer, reply.fact_id) {
        (Some(answer), Some(fact)) if reply.answered => answer_card(reply, title, answer, fact),
        _ => decline_card(reply, title),
    }
}

/// The reply's other questions as buttons, at most [`MAX_SUGGESTIONS`].
fn suggestions(reply: &Reply) -> impl Iterator<Item = Button> + '_ {
    reply
        .alternatives
        .iter()
        .take(MAX_SUGGESTIONS)
        .map(|a| Button {
            action: Action::ask(a.fact_id),
            label: cut(a.question.trim(), MAX_BUTTON_LABEL),
        })
}

/// An answer: the answer, its quote and source, the confidence in words
/// when it is not high; feedback buttons, and the runners-up when unsure.
fn answer_card(reply: &Reply, title: String, answer: &str, fact: FactId) -> Card {
    let source = reply.sources.first();
    let mut parts = Vec::new();
    // A follow-up says what it took the question to mean, before the
    // answer, so a wrong reading is seen at once.
    if let Some(t) = &reply.taking {
        parts.push(taking_line(t));
    }
    // A sentence fact answers with its own quote: show it once, as
    // the quote.
    if source.is_none_or(|s| !same_words(&s.quote, answer)) {
        parts.push(escape(answer.trim()));
    }
    if let Some(source) = source {
        parts.push(blockquote(&cut(source.quote.trim(), MAX_QUOTE)));
    }
    if let Some(words) = confidence_words(reply.confidence) {
        parts.push(format!("*{words}*"));
    }
    let mut buttons = feedback_buttons(fact);
    // Runners-up only when the answer is uncertain; a sure answer
    // with three other questions under it reads as noise.
    if reply.confidence < HIGH_CONFIDENCE {
        buttons.extend(suggestions(reply));
    }
    let footer = source.map(|s| match s.paragraph {
        Some(n) => format!("Source: {}, ¶{n}", s.title.trim()),
        None => format!("Source: {}", s.title.trim()),
    });
    fit(Card {
        title,
        description: parts.join("\n\n"),
        footer: footer.map(|f| cut(&f, MAX_FOOTER)),
        colour: COLOUR_ANSWER,
        buttons,
        private: false,
    })
}

/// A decline (or small talk): its note, and the questions the article
/// does answer.
fn decline_card(reply: &Reply, title: String) -> Card {
    let note = reply
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or(NOT_COVERED);
    let mut buttons: Vec<Button> = suggestions(reply).collect();
    // A question the article was not found to cover can be taught by a
    // moderator; not small talk, and not a follow-up, whose words lean on
    // the turn before and make a poor phrasing.
    if crate::answer::is_not_covered(note) && reply.taking.is_none() {
        buttons.push(Button {
            action: Action::Teach,
            label: TEACH_LABEL.to_string(),
        });
    }
    // A follow-up declined says how it was read too: the reading may be
    // what failed, and the asker can then say it in full.
    let mut description = match &reply.taking {
        Some(t) => format!("{} {}", taking_line(t), escape(note)),
        None => escape(note),
    };
    // Small talk's note already offers its suggestions.
    if buttons
        .iter()
        .any(|b| matches!(b.action, Action::Ask { .. }))
        && crate::answer::is_not_covered(note)
    {
        description.push_str("\n\nIt does answer these; click one:");
    }
    fit(Card {
        title,
        description,
        footer: None,
        colour: COLOUR_DECLINE,
        buttons,
        private: false,
    })
}

/// "Taking *he* as Hossein Jaberi Ansari:", escaped.
fn taking_line(t: &crate::answer::Taking) -> String {
    format!(
        "Taking *{}* as {}:",
        escape(t.took.trim()),
        escape(t.as_.trim())
    )
}

/// The confidence in words, when it is not high.
pub fn confidence_words(confidence: f64) -> Option<&'static str> {
    if confidence >= HIGH_CONFIDENCE {
        None
    } else if confidence >= FAIR_CONFIDENCE {
        Some("Fairly sure: check the quote.")
    } else {
        Some("Not sure this is what you asked: check the quote.")
    }
}

/// Whether two texts are the same words, whatever the white space between
/// them (the article has non-breaking spaces; answers may not).
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// Cuts `card` so all of it fits one message's embed limits.
fn fit(mut card: Card) -> Card {
    card.title = cut(&card.title, MAX_TITLE);
    card.footer = card.footer.map(|f| cut(&f, MAX_FOOTER));
    let others =
        card.title.chars().count() + card.footer.as_deref().map_or(0, |f| f.chars().count());
    let room = MAX_DESCRIPTION.min(MAX_EMBEDS_TOTAL.saturating_sub(others));
    card.description = cut(&card.description, room);
    card
}

impl Card {
    pub fn embed(&self) -> serenity::CreateEmbed {
        let mut embed = serenity::CreateEmbed::new()
            .title(&self.title)
            .description(&self.description)
            .colour(self.colour);
        if let Some(footer) = &self.footer {
            embed = embed.footer(serenity::CreateEmbedFooter::new(footer));
        }
        embed
    }

    /// Characters counted against Discord's 6,000 for all embeds.
    pub fn embed_chars(&self) -> usize {
        self.title.chars().count()
            + self.description.chars().count()
            + self.footer.as_deref().map_or(0, |f| f.chars().count())
    }
}
