//! The domain types every layer shares: facts, their sources, answer kinds.
//! Pure data: no SQL, no Discord, no I/O.

use serde::{Deserialize, Serialize};

/// A fact's id in the store (SQLite rowid).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FactId(pub i64);

impl std::fmt::Display for FactId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// An article's id in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub i64);

/// What sort of thing a fact's short answer is; matched against what a
/// question asks for ("how many" wants a number, "who" a person...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum AnswerKind {
    Person,
    Place,
    Number,
    Time,
    Org,
    Reason,
    YesNo,
    Statement,
    List,
    #[default]
    Thing,
}

impl AnswerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerKind::Person => "person",
            AnswerKind::Place => "place",
            AnswerKind::Number => "number",
            AnswerKind::Time => "time",
            AnswerKind::Org => "org",
            AnswerKind::Reason => "reason",
            AnswerKind::YesNo => "yesno",
            AnswerKind::Statement => "statement",
            AnswerKind::List => "list",
            AnswerKind::Thing => "thing",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "person" => AnswerKind::Person,
            "place" => AnswerKind::Place,
            "number" => AnswerKind::Number,
            "time" => AnswerKind::Time,
            "org" => AnswerKind::Org,
            "reason" => AnswerKind::Reason,
            "yesno" => AnswerKind::YesNo,
            "statement" => AnswerKind::Statement,
            "list" => AnswerKind::List,
            "thing" => AnswerKind::Thing,
            _ => return None,
        })
    }
}

/// Where a fact came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// One article sentence, stored as its own answer.
    Sentence,
    /// Written by hand in `data/facts.toml`.
    Curated,
    /// Added or last changed by a moderator.
    Moderator,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Sentence => "sentence",
            Origin::Curated => "curated",
            Origin::Moderator => "moderator",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "sentence" => Origin::Sentence,
            "curated" => Origin::Curated,
            "moderator" => Origin::Moderator,
            _ => return None,
        })
    }
}

/// A changed fact by its id, as it is now (none: no such fact).
pub type Changed = (FactId, Option<Fact>);

/// One answerable fact: a short answer resting on a quote from a paragraph
/// (or, for moderator facts from outside the article, on a note or URL).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub id: FactId,
    /// Stable slug for curated facts (`summit-location`); None for others.
    pub key: Option<String>,
    pub article: ArticleId,
    /// 1-based paragraph of the article the quote is in; None for an
    /// outside source.
    pub paragraph: Option<u32>,
    /// The exact text the answer rests on (a sentence or part of one).
    pub quote: String,
    /// The short direct answer.
    pub answer: String,
    pub kind: AnswerKind,
    /// Entity key of the person whose words the fact reports, if any.
    pub speaker: Option<String>,
    /// Ways people ask for this fact.
    pub questions: Vec<String>,
    /// For outside sources: a URL or note.
    pub source_note: Option<String>,
    pub origin: Origin,
    /// Starts at 1; each edit adds one.
    pub version: i64,
    pub retired: bool,
}

/// What the index needs to know about an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub id: ArticleId,
    pub title: String,
    pub date: Option<String>,
}

#[cfg(test)]
impl ArticleMeta {
    /// An undated article, for unit tests.
    pub fn undated(id: i64, title: &str) -> ArticleMeta {
        ArticleMeta {
            id: ArticleId(id),
            title: title.to_string(),
            date: None,
        }
    }
}

/// How many titles a greeting names before "and N more": enough to see
/// what the bot knows, few enough to read at a glance.
pub const TITLES_NAMED: usize = 5;

/// The titles of `articles`, in the order given, quoted, for a sentence:
/// "“A”", "“A” and “B”", "“A”, “B”, … and 3 more"; at most
/// [`TITLES_NAMED`] of them; "the stored articles" when there are none.
pub fn titles_named(articles: &[ArticleMeta]) -> String {
    let quoted: Vec<String> = articles
        .iter()
        .take(TITLES_NAMED)
        .map(|a| format!("“{}”", a.title))
        .collect();
    let more = articles.len().saturating_sub(TITLES_NAMED);
    match (quoted.as_slice(), more) {
        ([], _) => "the stored articles".to_string(),
        ([one], _) => one.clone(),
        ([first @ .., last], 0) => format!("{} and {last}", first.join(", ")),
        (all, more) => format!("{} and {more} more", all.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_named_up_to_a_handful() {
        let articles: Vec<ArticleMeta> = ["Tehran", "Cork", "Köln", "Oslo", "Lima", "Baku", "Pune"]
            .iter()
            .enumerate()
            .map(|(i, t)| ArticleMeta::undated(i as i64 + 1, t))
            .collect();
        let cases = [
            (0, "the stored articles"),
            (1, "“Tehran”"),
            (2, "“Tehran” and “Cork”"),
            (3, "“Tehran”, “Cork” and “Köln”"),
            (5, "“Tehran”, “Cork”, “Köln”, “Oslo” and “Lima”"),
            (6, "“Tehran”, “Cork”, “Köln”, “Oslo”, “Lima” and 1 more"),
            (7, "“Tehran”, “Cork”, “Köln”, “Oslo”, “Lima” and 2 more"),
        ];
        for (count, named) in cases {
            assert_eq!(titles_named(&articles[..count]), named, "{count}");
        }
    }
}
