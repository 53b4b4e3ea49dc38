//! What the bot says back: the reply to one question, in the shape the CLI's
//! `--json` contract, the console chat and Discord all render from.
//!
//! The JSON field names here are a contract other tools rely on: keep them.

use serde::{Deserialize, Serialize};

use crate::fact::{ArticleMeta, Fact, FactId};

/// Where an answer comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    /// 1-based paragraph of the article; None for an outside source.
    pub paragraph: Option<u32>,
    pub quote: String,
    /// The article's title (or, for an outside source, its note/URL).
    pub title: String,
}

impl SourceRef {
    /// Where `fact`'s answer comes from: its paragraph of `article` (the
    /// article it belongs to), or its outside source.
    pub fn of(fact: &Fact, article: Option<&ArticleMeta>) -> SourceRef {
        let title = match (&fact.source_note, fact.paragraph) {
            (Some(note), None) => note.clone(),
            _ => article.map_or_else(|| "the article".to_string(), |a| a.title.clone()),
        };
        SourceRef {
            paragraph: fact.paragraph,
            quote: fact.quote.clone(),
            title,
        }
    }
}

/// A runner-up the user may have meant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    pub fact_id: FactId,
    /// A question this fact answers, to offer the user.
    pub question: String,
    pub confidence: f64,
}

/// What a follow-up was taken to mean, for the reply to say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Taking {
    /// The words of the question that leaned on the last exchange ("he",
    /// or the whole fragment "and the kremlin?").
    pub took: String,
    /// What they were taken as: an entity's name ("Hossein Jaberi
    /// Ansari"), or the whole question read.
    #[serde(rename = "as")]
    pub as_: String,
    /// The question as asked of the facts.
    pub read_as: String,
}

impl Taking {
    /// "Taking *he* as Hossein Jaberi Ansari", as the reply says it.
    pub fn sentence(&self) -> String {
        format!("Taking *{}* as {}", self.took, self.as_)
    }
}

/// The reply to one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// The question as given.
    pub question: String,
    pub answered: bool,
    /// The short direct answer (only when answered).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// 0..1.
    pub confidence: f64,
    pub fact_id: Option<FactId>,
    /// At least one when answered.
    pub sources: Vec<SourceRef>,
    /// Up to 3: runners-up when answered, nearest topics when declined.
    pub alternatives: Vec<Alternative>,
    /// Why nothing was answered, when the input itself was unusable
    /// (empty, too long, not UTF-8).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// When declined: a sentence saying so, e.g. what the article does not cover.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How the matcher chose (matched tokens, cues, penalties), for tuning.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// When the question was read as a follow-up of the last exchange:
    /// what it was taken to mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taking: Option<Taking>,
}

impl Reply {
    /// The one check every question passes before it is matched, whichever
    /// edge it came from: the refusal when it is blank or longer than `max`
    /// characters, None when it may be asked. Counting stops just past the
    /// limit, so a huge line costs no more.
    pub fn unusable(question: &str, max: usize) -> Option<Reply> {
        if question.trim().is_empty() {
            return Some(Reply::invalid(question, "the question is empty"));
        }
        if question.chars().nth(max).is_some() {
            return Some(Reply::invalid(
                question,
                format!("the question is longer than {max} characters"),
            ));
        }
        None
    }

    /// A reply to input that could not be used as a question at all.
    pub fn invalid(question: impl Into<String>, error: impl Into<String>) -> Self {
        Reply {
            taking: None,
            question: question.into(),
            answered: false,
            answer: None,
            confidence: 0.0,
            fact_id: None,
            sources: Vec::new(),
            alternatives: Vec::new(),
            error: Some(error.into()),
            note: None,
            why: None,
        }
    }
}

/// Whether a decline's `note` says the articles do not cover the question
/// ("The article doesn't say. …", "None of the 3 articles covers that. …"),
/// as opposed to small talk's own words, which offer their suggestions.
pub fn is_not_covered(note: &str) -> bool {
    note.starts_with("The article doesn't") || note.starts_with("None of the ")
}
