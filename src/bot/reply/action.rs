//! The buttons under a card: what each does, the `custom_id` that carries
//! it through Discord and back, who a suggestion belongs to, and how the
//! buttons are laid out in rows.

use poise::serenity_prelude as serenity;

use crate::fact::FactId;

use super::Card;

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
    /// A moderator answers the declined question this is under (see
    /// `bot::teach`); anyone else is refused.
    Teach,
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
            Action::Teach => "teach".to_string(),
        }
    }

    /// Reads a `custom_id` back; None for anything this bot did not make.
    pub fn parse(custom_id: &str) -> Option<Action> {
        let parts: Vec<&str> = custom_id.split(':').collect();
        let action = match parts.as_slice() {
            ["teach"] => Action::Teach,
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

/// What the Teach button under a decline says.
pub(super) const TEACH_LABEL: &str = "Teach an answer (moderators)";

/// The 👍 and 👎 under an answer from `fact`.
pub(super) fn feedback_buttons(fact: FactId) -> Vec<Button> {
    [(true, "👍"), (false, "👎")]
        .into_iter()
        .map(|(helpful, label)| Button {
            action: Action::Feedback { fact, helpful },
            label: label.to_string(),
        })
        .collect()
}

impl Card {
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

    /// The card without its Teach button: for a DM, where no moderator
    /// of a server sees it.
    pub fn without_teach(mut self) -> Card {
        self.buttons.retain(|b| b.action != Action::Teach);
        self
    }

    /// Feedback buttons on one row, suggestions (and Teach, last) on the
    /// next.
    pub fn components(&self) -> Vec<serenity::CreateActionRow> {
        let make = |b: &Button| {
            let style = match b.action {
                Action::Ask { .. } => serenity::ButtonStyle::Primary,
                Action::Feedback { .. } | Action::Teach => serenity::ButtonStyle::Secondary,
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
            Action::Teach,
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
            "teach:1",
        ] {
            assert_eq!(Action::parse(stranger), None, "{stranger}");
        }
    }
}
