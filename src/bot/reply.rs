//! Rendering a [`Reply`] for Discord: an embed and its buttons, escaped and
//! cut to Discord's limits. Pure: no I/O, no serenity calls; [`Card`] turns
//! into serenity builders only at the very end, so the rules here are unit
//! tested on plain strings.

use poise::serenity_prelude as serenity;

use crate::answer::Reply;
use crate::fact::FactId;

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

#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    pub action: Action,
    pub label: String,
}

/// What a button does when clicked; its `custom_id` encodes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Answer the fact this suggestion stands for. Its `owner` is who asked
    /// and until when it answers; None until [`Card::asked_by`] says, and on
    /// buttons made before suggestions had owners.
    Ask { fact: FactId, owner: Option<Owner> },
    /// Record whether this fact's answer helped.
    Feedback { fact: FactId, helpful: bool },
}

/// Who a suggestion button belongs to: a click by them replaces the reply;
/// anyone else's gets a private answer. After `until` it answers no one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owner {
    /// The asker's Discord user id.
    pub user: u64,
    /// Unix time, in seconds.
    pub until: u64,
}

impl Action {
    /// A suggestion of `fact`, not yet stamped with its asker.
    pub fn ask(fact: FactId) -> Action {
        Action::Ask { fact, owner: None }
    }

    pub fn custom_id(self) -> String {
        match self {
            Action::Ask { fact, owner: None } => format!("ask:{}", fact.0),
            Action::Ask {
                fact,
                owner: Some(owner),
            } => format!("ask:{}:{}:{}", fact.0, owner.user, owner.until),
            Action::Feedback { fact, helpful } => {
                format!(
                    "feedback:{}:{}",
                    fact.0,
                    if helpful { "up" } else { "down" }
                )
            }
        }
    }

    /// Reads a `custom_id` back; None for anything this bot did not make.
    pub fn parse(custom_id: &str) -> Option<Action> {
        let parts: Vec<&str> = custom_id.split(':').collect();
        let action = match parts.as_slice() {
            ["ask", id] => Action::ask(FactId(id.parse().ok()?)),
            ["ask", id, user, until] => Action::Ask {
                fact: FactId(id.parse().ok()?),
                owner: Some(Owner {
                    user: user.parse().ok()?,
                    until: until.parse().ok()?,
                }),
            },
            ["feedback", id, vote] => Action::Feedback {
                fact: FactId(id.parse().ok()?),
                helpful: match *vote {
                    "up" => true,
                    "down" => false,
                    _ => return None,
                },
            },
            _ => return None,
        };
        Some(action)
    }
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
    let suggestions = reply
        .alternatives
        .iter()
        .take(MAX_SUGGESTIONS)
        .map(|a| Button {
            action: Action::ask(a.fact_id),
            label: cut(a.question.trim(), MAX_BUTTON_LABEL),
        });
    match (&reply.answer, reply.fact_id) {
        (Some(answer), Some(fact)) if reply.answered => {
            let source = reply.sources.first();
            let mut parts = Vec::new();
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
            let mut buttons = vec![
                Button {
                    action: Action::Feedback {
                        fact,
                        helpful: true,
                    },
                    label: "👍".to_string(),
                },
                Button {
                    action: Action::Feedback {
                        fact,
                        helpful: false,
                    },
                    label: "👎".to_string(),
                },
            ];
            // Runners-up only when the answer is uncertain; a sure answer
            // with three other questions under it reads as noise.
            if reply.confidence < HIGH_CONFIDENCE {
                buttons.extend(suggestions);
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
        _ => {
            let note = reply
                .note
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .unwrap_or(NOT_COVERED);
            let buttons: Vec<Button> = suggestions.collect();
            let mut description = escape(note);
            // Small talk's note already offers its suggestions.
            if !buttons.is_empty() && note.starts_with("The article doesn't") {
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
    }
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

/// `text` cut to at most `max` characters, ending in "…" when cut.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    // Don't leave a dangling escape backslash before the ellipsis.
    while out.ends_with('\\') {
        out.pop();
    }
    out.push('…');
    out
}

/// Markdown quote: every line starts with "> ".
fn blockquote(text: &str) -> String {
    text.lines()
        .map(|l| format!("> {}", escape(l)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Makes text safe to show back: Markdown is escaped, so it shows as typed,
/// and mentions are broken, so `@everyone`, `<@id>`, `<@&role>` and
/// `<#channel>` neither ping nor render as mentions.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '<' | '#' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            // A zero-width space after "@" keeps the text readable and
            // stops Discord from reading a mention.
            '@' => out.push_str("@\u{200B}"),
            _ => out.push(c),
        }
    }
    out
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

    /// The card with its suggestions belonging to `user`, answering clicks
    /// until `until` (Unix seconds).
    pub fn asked_by(mut self, user: u64, until: u64) -> Card {
        for b in &mut self.buttons {
            if let Action::Ask { owner, .. } = &mut b.action {
                *owner = Some(Owner { user, until });
            }
        }
        self
    }

    /// Feedback buttons on one row, suggestions on the next.
    pub fn components(&self) -> Vec<serenity::CreateActionRow> {
        let make = |b: &Button| {
            let style = match b.action {
                Action::Ask { .. } => serenity::ButtonStyle::Primary,
                Action::Feedback { .. } => serenity::ButtonStyle::Secondary,
            };
            serenity::CreateButton::new(b.action.custom_id())
                .label(&b.label)
                .style(style)
        };
        let (feedback, ask): (Vec<&Button>, Vec<&Button>) = self
            .buttons
            .iter()
            .partition(|b| matches!(b.action, Action::Feedback { .. }));
        [feedback, ask]
            .into_iter()
            .filter(|row| !row.is_empty())
            .map(|row| serenity::CreateActionRow::Buttons(row.into_iter().map(make).collect()))
            .collect()
    }

    /// Characters counted against Discord's 6,000 for all embeds.
    pub fn embed_chars(&self) -> usize {
        self.title.chars().count()
            + self.description.chars().count()
            + self.footer.as_deref().map_or(0, |f| f.chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Alternative, SourceRef};

    fn answered(question: &str, answer: &str, quote: &str, confidence: f64) -> Reply {
        Reply {
            question: question.to_string(),
            answered: true,
            answer: Some(answer.to_string()),
            confidence,
            fact_id: Some(FactId(7)),
            sources: vec![SourceRef {
                paragraph: Some(18),
                quote: quote.to_string(),
                title: "Iran, Russia and Turkey meet in Tehran over Idlib".to_string(),
            }],
            alternatives: vec![alternative(8, "Who is Trump?")],
            error: None,
            note: None,
            why: None,
        }
    }

    fn declined(question: &str, alternatives: Vec<Alternative>) -> Reply {
        Reply {
            question: question.to_string(),
            answered: false,
            answer: None,
            confidence: 0.2,
            fact_id: None,
            sources: Vec::new(),
            alternatives,
            error: None,
            note: Some("The article doesn't say.".to_string()),
            why: None,
        }
    }

    fn alternative(id: i64, question: &str) -> Alternative {
        Alternative {
            fact_id: FactId(id),
            question: question.to_string(),
            confidence: 0.3,
        }
    }

    fn within_limits(card: &Card) {
        assert!(
            card.title.chars().count() <= MAX_TITLE,
            "title: {}",
            card.title
        );
        assert!(card.description.chars().count() <= MAX_DESCRIPTION);
        assert!(card.embed_chars() <= MAX_EMBEDS_TOTAL);
        assert!(card.buttons.len() <= 5);
        for b in &card.buttons {
            assert!(!b.label.is_empty() && b.label.chars().count() <= MAX_BUTTON_LABEL);
            assert!(b.action.custom_id().len() <= MAX_CUSTOM_ID);
        }
        // With the longest owner stamp, too.
        for b in &card.clone().asked_by(u64::MAX, u64::MAX).buttons {
            assert!(b.action.custom_id().len() <= MAX_CUSTOM_ID);
        }
    }

    #[test]
    fn an_answer_shows_answer_quote_and_source() {
        let card = render(&answered(
            "what did trump say",
            "He warned against a “slaughter”.",
            "US President Donald Trump warned the Syrian government against committing a “slaughter” in Idlib.",
            0.9,
        ));
        assert!(card
            .description
            .starts_with("He warned against a “slaughter”."));
        assert!(card
            .description
            .contains("\n> US President Donald Trump warned"));
        assert_eq!(
            card.footer.as_deref(),
            Some("Source: Iran, Russia and Turkey meet in Tehran over Idlib, ¶18")
        );
        assert!(!card.private);
        within_limits(&card);
    }

    #[test]
    fn an_answer_that_is_its_quote_is_shown_once_as_the_quote() {
        let quote = "US\u{a0}President Donald Trump warned the Syrian government.";
        let card = render(&answered(
            "what did trump say",
            "US President Donald Trump warned the Syrian government.",
            quote,
            0.9,
        ));
        assert_eq!(card.description, format!("> {quote}"));
    }

    #[test]
    fn a_sure_answer_has_feedback_buttons_and_no_confidence_words() {
        let card = render(&answered("q", "a", "quote", 0.9));
        let actions: Vec<Action> = card.buttons.iter().map(|b| b.action).collect();
        assert_eq!(
            actions,
            [
                Action::Feedback {
                    fact: FactId(7),
                    helpful: true
                },
                Action::Feedback {
                    fact: FactId(7),
                    helpful: false
                },
            ]
        );
        assert!(!card.description.contains("sure"));
    }

    #[test]
    fn confidence_is_put_in_words_only_when_not_high() {
        let cases = [
            (1.0, None),
            (HIGH_CONFIDENCE, None),
            (0.7, Some("Fairly sure")),
            (FAIR_CONFIDENCE, Some("Fairly sure")),
            (0.55, Some("Not sure")),
        ];
        for (confidence, words) in cases {
            let card = render(&answered("q", "a", "quote", confidence));
            match words {
                None => assert!(!card.description.contains("sure"), "{confidence}"),
                Some(w) => assert!(
                    card.description.contains(w),
                    "{confidence}: {}",
                    card.description
                ),
            }
        }
    }

    #[test]
    fn an_unsure_answer_also_offers_the_runners_up() {
        let card = render(&answered("q", "a", "quote", 0.55));
        assert!(card
            .buttons
            .iter()
            .any(|b| b.action == Action::ask(FactId(8))));
    }

    #[test]
    fn a_decline_says_so_and_offers_up_to_three_questions() {
        let alternatives = (1..=5)
            .map(|i| alternative(i, &format!("question {i}?")))
            .collect();
        let card = render(&declined("what is the capital of peru", alternatives));
        assert!(card.description.starts_with("The article doesn't say."));
        let asks: Vec<&str> = card.buttons.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(asks, ["question 1?", "question 2?", "question 3?"]);
        assert!(card
            .buttons
            .iter()
            .all(|b| matches!(b.action, Action::Ask { owner: None, .. })));
        within_limits(&card);
    }

    #[test]
    fn a_decline_without_suggestions_has_no_buttons() {
        let mut reply = declined("zzz", Vec::new());
        reply.note = None;
        let card = render(&reply);
        assert_eq!(card.description, NOT_COVERED);
        assert!(card.buttons.is_empty());
        assert!(card.components().is_empty());
    }

    #[test]
    fn unusable_input_is_shown_privately() {
        let card = render(&Reply::invalid("", "The question is empty."));
        assert!(card.private);
        assert_eq!(card.description, "The question is empty.");
        assert!(card.buttons.is_empty());
    }

    #[test]
    fn user_text_cannot_ping_or_format() {
        let cases = [
            (
                "@everyone what did trump say",
                "@\u{200B}everyone what did trump say",
            ),
            ("@here hi", "@\u{200B}here hi"),
            ("<@123> hi", "\\<@\u{200B}123\\> hi"),
            ("<@&456> hi", "\\<@\u{200B}&456\\> hi"),
            ("<#789> hi", "\\<\\#789\\> hi"),
            (
                "**bold** _it_ `code` ||spoiler||",
                "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\|\\|spoiler\\|\\|",
            ),
            ("Эрдоган сказал «нет»", "Эрдоган сказал «нет»"),
            ("", ""),
        ];
        for (input, shown) in cases {
            assert_eq!(escape(input), shown, "{input}");
        }
        let card = render(&declined("@everyone <@123> where?", Vec::new()));
        assert!(!card.title.contains("@everyone"));
        assert!(!card.title.contains("<@123>"));
    }

    #[test]
    fn long_text_is_cut_to_discords_limits() {
        let huge = "ы".repeat(10_000);
        let quote = "ж".repeat(10_000);
        let mut reply = answered(&huge, &huge, &quote, 0.6);
        reply.sources[0].title = huge.clone();
        reply.alternatives = vec![alternative(9, &huge)];
        let card = render(&reply);
        within_limits(&card);
        assert!(card.title.ends_with('…'));
        assert!(card.description.ends_with('…'));

        let card = render(&declined(&huge, vec![alternative(9, &huge)]));
        within_limits(&card);
    }

    #[test]
    fn cutting_counts_characters_not_bytes() {
        let cases = [
            ("", 5, ""),
            ("abc", 3, "abc"),
            ("abcd", 3, "ab…"),
            ("¶¶¶¶", 3, "¶¶…"),
            ("ab\\*cd", 4, "ab…"),
        ];
        for (text, max, want) in cases {
            assert_eq!(cut(text, max), want, "{text} {max}");
        }
    }

    #[test]
    fn custom_ids_round_trip_and_reject_strangers() {
        for action in [
            Action::ask(FactId(42)),
            Action::Ask {
                fact: FactId(42),
                owner: Some(Owner {
                    user: u64::MAX,
                    until: u64::MAX,
                }),
            },
            Action::Feedback {
                fact: FactId(42),
                helpful: true,
            },
            Action::Feedback {
                fact: FactId(1),
                helpful: false,
            },
        ] {
            assert_eq!(Action::parse(&action.custom_id()), Some(action));
        }
        for stranger in [
            "",
            "ask",
            "ask:",
            "ask:x",
            "ask:1:2",
            "ask:1:2:x",
            "ask:1:2:3:4",
            "feedback:1",
            "feedback:1:maybe",
            "other:1",
        ] {
            assert_eq!(Action::parse(stranger), None, "{stranger}");
        }
    }
}
