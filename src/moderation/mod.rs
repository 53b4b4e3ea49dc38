//! Moderation, the pure part: what a moderator may write (lengths that fit
//! Discord, a quote that is really in its paragraph), how a phrasing is
//! compared with the others, which sentence to cite when no quote is given,
//! how the question log's misses are grouped, and what changed between two
//! versions of a fact.
//!
//! No SQL, no Discord, no terminal: the store runs these checks inside its
//! transactions. What the moderators' read commands show is computed once,
//! in [`review`], for both edges (the CLI's `facts` and the bot's `/fact`),
//! which only format it.

pub mod gap;
pub mod review;
pub mod teach;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::fact::{AnswerKind, ArticleId, ArticleMeta, Fact, FactId};
use crate::normalize::{self, Stemmer};

/// A phrasing is offered back as an autocomplete choice, whose name Discord
/// caps at 100 characters.
pub const MAX_PHRASING: usize = 100;
/// An answer is shown in an embed field, capped at 1024 characters.
pub const MAX_ANSWER: usize = 1024;
/// A quote is shown in an embed field too.
pub const MAX_QUOTE: usize = 1024;
/// An outside source (URL or note) is shown as an embed title: 256.
pub const MAX_NOTE: usize = 256;
/// A reason is one line of history; Discord's own audit-log reasons stop at 512.
pub const MAX_REASON: usize = 512;
/// Below this confidence an answered question still counts as one the bot
/// was unsure of, for `unanswered`: where the Discord reply starts hedging
/// (`bot::reply::FAIR_CONFIDENCE`).
pub const UNSURE_BELOW: f64 = 0.6;
/// More phrasings than this is a list no one reviews.
pub const MAX_PHRASINGS: usize = 20;
/// An unknown article's error names at most this many known ones: all of a
/// small store's, the closest titles of a large one's.
pub const ARTICLES_NAMED: usize = 10;

/// Who made a change: a Discord user (id and name) or an operator at the
/// command line (a name only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moderator {
    pub id: Option<u64>,
    pub name: String,
}

/// Where a new fact's answer comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A paragraph of the article, and the words in it the answer rests on
    /// (None: the sentence that shares most words with the answer).
    Paragraph { number: u32, quote: Option<String> },
    /// Outside the article: a URL or a note, and optionally the words quoted
    /// from it (None: the answer itself).
    Outside { note: String, quote: Option<String> },
}

/// A fact a moderator adds.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// None: the first article in the store.
    pub article: Option<ArticleId>,
    /// The main phrasing first; at least one.
    pub questions: Vec<String>,
    pub answer: String,
    pub source: Source,
    /// None: guessed from the question (see [`guess_kind`]).
    pub kind: Option<AnswerKind>,
}

/// What an edit changes; None leaves a field as it is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Changes {
    /// Move the fact to this article; a fact citing a paragraph then needs
    /// a `paragraph` of it.
    pub article: Option<ArticleId>,
    pub answer: Option<String>,
    /// Cite this paragraph (drops an outside source).
    pub paragraph: Option<u32>,
    pub quote: Option<String>,
    /// Cite this URL or note instead of a paragraph.
    pub note: Option<String>,
    /// Replaces all the phrasings.
    pub questions: Option<Vec<String>>,
    pub kind: Option<AnswerKind>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }
}

/// Input a moderator must fix; the message says how.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("the {field} is empty")]
    Empty { field: &'static str },
    #[error("the {field} is {len} characters long; the limit is {max}")]
    TooLong {
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("a fact needs at least one phrasing (a question it answers)")]
    NoPhrasing,
    #[error("a fact has at most {MAX_PHRASINGS} phrasings")]
    TooManyPhrasings,
    #[error("give either a paragraph or an outside source, not both")]
    TwoSources,
    #[error("there is no paragraph {number}: the article has paragraphs 1 to {count}")]
    ParagraphOutOfRange { number: u32, count: u32 },
    #[error("paragraph {number} does not contain that quote word for word; it reads: {text}")]
    QuoteNotInParagraph { number: u32, text: String },
    #[error(
        "no paragraph of the article holds that quote word for word; copy the words from \
         the article (`/source` shows a paragraph)"
    )]
    QuoteNotInArticle,
    #[error("that quote is in more than one paragraph ({places}): say which one")]
    QuoteInSeveral { places: String },
    #[error("paragraph {number} has no sentence to quote")]
    NoSentence { number: u32 },
    #[error("there is no article {wanted:?} (give its id or its title); {known}")]
    UnknownArticle { wanted: String, known: String },
    #[error("moving a fact to another article: say which of its paragraphs it cites")]
    ArticleWithoutParagraph,
    #[error("the gap key {key:?} is not one word of lowercase letters, digits and -")]
    BadGapKey { key: String },
    #[error("{key:?} is the learned gap, built in: it cannot be stored or edited")]
    ReservedGapKey { key: String },
}

/// The article `wanted` names: its id (`2` or `#2`), else its title
/// exactly, else its title in any case.
pub fn find_article<'a>(
    articles: &'a [ArticleMeta],
    wanted: &str,
) -> Result<&'a ArticleMeta, Invalid> {
    let text = wanted.trim();
    let id = text.trim_start_matches('#').parse::<i64>().ok();
    let lower = text.to_lowercase();
    let found = id
        .and_then(|id| articles.iter().find(|a| a.id.0 == id))
        .or_else(|| articles.iter().find(|a| a.title == text))
        .or_else(|| {
            let mut same = articles.iter().filter(|a| a.title.to_lowercase() == lower);
            // Two titles that differ only in case: neither is meant.
            same.next().filter(|_| same.next().is_none())
        });
    found.ok_or_else(|| Invalid::UnknownArticle {
        wanted: text.to_string(),
        known: known_articles(articles, text),
    })
}

/// The articles an unknown one's error names, with their ids: every one
/// when there are few, else the titles closest to `wanted`.
fn known_articles(articles: &[ArticleMeta], wanted: &str) -> String {
    let named = |list: Vec<&ArticleMeta>| {
        let names: Vec<String> = list
            .iter()
            .map(|a| format!("{} “{}”", a.id.0, a.title))
            .collect();
        names.join(", ")
    };
    if articles.is_empty() {
        return "the store has no articles: ingest one first".to_string();
    }
    if articles.len() <= ARTICLES_NAMED {
        return format!("the store has {}", named(articles.iter().collect()));
    }
    let wanted = wanted.to_lowercase();
    let mut closest: Vec<(f64, &ArticleMeta)> = articles
        .iter()
        .map(|a| {
            (
                strsim::normalized_levenshtein(&wanted, &a.title.to_lowercase()),
                a,
            )
        })
        .collect();
    closest.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.id.cmp(&y.1.id)));
    let list = closest.into_iter().take(ARTICLES_NAMED).map(|(_, a)| a);
    format!(
        "the closest of its {} articles are {}",
        articles.len(),
        named(list.collect())
    )
}

/// `text` trimmed, refused when empty or longer than `max` characters.
pub fn check_text(field: &'static str, text: &str, max: usize) -> Result<String, Invalid> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Invalid::Empty { field });
    }
    let len = text.chars().count();
    if len > max {
        return Err(Invalid::TooLong { field, len, max });
    }
    Ok(text.to_string())
}

/// The phrasings checked one by one, without repeats (compared as
/// [`phrasing_key`] compares them), main one first.
pub fn check_phrasings(questions: &[String]) -> Result<Vec<String>, Invalid> {
    let mut out: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for q in questions {
        let q = check_text("phrasing", q, MAX_PHRASING)?;
        let key = phrasing_key(&q);
        if key.is_empty() {
            return Err(Invalid::Empty { field: "phrasing" });
        }
        if !seen.contains(&key) {
            seen.push(key);
            out.push(q);
        }
    }
    if out.is_empty() {
        return Err(Invalid::NoPhrasing);
    }
    if out.len() > MAX_PHRASINGS {
        return Err(Invalid::TooManyPhrasings);
    }
    Ok(out)
}

/// How two phrasings are compared: their words, folded (case, accents,
/// punctuation and spacing do not make a new phrasing).
pub fn phrasing_key(text: &str) -> String {
    normalize::tokens(text)
        .into_iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A quote with the quotation marks people paste around it removed.
pub fn bare_quote(quote: &str) -> &str {
    quote.trim().trim_matches(['“', '”', '"', '«', '»']).trim()
}

/// Checks that `quote` is word for word in paragraph `number`.
pub fn check_quote(number: u32, paragraph: &str, quote: &str) -> Result<String, Invalid> {
    let quote = check_text("quote", bare_quote(quote), MAX_QUOTE)?;
    if paragraph.contains(&quote) {
        Ok(quote)
    } else {
        Err(Invalid::QuoteNotInParagraph {
            number,
            text: paragraph.to_string(),
        })
    }
}

/// The index of the sentence sharing most words (stemmed, no stopwords)
/// with `answer` and `question`; the first on a tie, None when there are
/// no sentences.
pub fn pick_sentence(sentences: &[String], answer: &str, question: &str) -> Option<usize> {
    let stemmer = Stemmer::default();
    let wanted = content_words(&stemmer, &format!("{answer} {question}"));
    let mut best: Option<(usize, usize)> = None;
    for (i, s) in sentences.iter().enumerate() {
        let words = content_words(&stemmer, s);
        let shared = wanted.iter().filter(|w| words.contains(w)).count();
        if best.is_none_or(|(_, most)| shared > most) {
            best = Some((i, shared));
        }
    }
    best.map(|(i, _)| i)
}

fn content_words(stemmer: &Stemmer, text: &str) -> Vec<String> {
    let mut words: Vec<String> = normalize::tokens(text)
        .into_iter()
        .filter(|t| !normalize::is_stopword(&t.text))
        .map(|t| stemmer.stem(&t.text).into_owned())
        .collect();
    words.sort();
    words.dedup();
    words
}

/// The kind of answer a question asks for, from its first words; what the
/// matcher weighs a fact's kind against. A moderator can say otherwise.
pub fn guess_kind(question: &str, answer: &str) -> AnswerKind {
    let folded = normalize::fold(question);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let starts = |prefix: &[&str]| words.starts_with(prefix);
    if starts(&["how", "many"]) || starts(&["how", "much"]) {
        return AnswerKind::Number;
    }
    if starts(&["who"]) || starts(&["whom"]) || starts(&["whose"]) {
        return AnswerKind::Person;
    }
    if starts(&["where"]) {
        return AnswerKind::Place;
    }
    if starts(&["when"]) || starts(&["what", "time"]) || starts(&["what", "year"]) {
        return AnswerKind::Time;
    }
    if starts(&["why"]) {
        return AnswerKind::Reason;
    }
    let yes_no = [
        "is", "are", "was", "were", "did", "does", "do", "will", "can", "has", "have",
    ];
    if words.first().is_some_and(|w| yes_no.contains(w)) {
        return AnswerKind::YesNo;
    }
    let answer = answer.trim();
    if !answer.is_empty()
        && answer
            .chars()
            .all(|c| c.is_ascii_digit() || " .,%-".contains(c))
    {
        return AnswerKind::Number;
    }
    AnswerKind::Thing
}

/// One entry of the question log, as `unanswered` reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedQuestion {
    pub question: String,
    pub answered: bool,
    pub confidence: f64,
    /// UTC, ISO 8601.
    pub at: String,
}

/// Questions that ask the same thing, grouped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionGroup {
    /// How many times it was asked.
    pub asked: usize,
    /// The distinct wordings, most asked first.
    pub wordings: Vec<String>,
    /// The highest confidence any of them got.
    pub best_confidence: f64,
    /// When it was last asked.
    pub last_at: String,
}

/// The words a question asks with: folded, stemmed, without stopwords,
/// sorted. Questions with the same key ask the same thing ("Who is
/// Merkel?", "who's merkel").
pub fn question_key(stemmer: &Stemmer, question: &str) -> String {
    content_words(stemmer, question).join(" ")
}

/// Groups `rows` by `key` (see [`question_key`]), most asked first, then
/// most recently asked. Blank questions are left out.
pub fn group_questions(
    rows: &[LoggedQuestion],
    key: impl Fn(&str) -> String,
) -> Vec<QuestionGroup> {
    let mut groups: Vec<(QuestionGroup, HashMap<String, usize>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let question = row
            .question
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if question.is_empty() {
            continue;
        }
        let mut k = key(&question);
        if k.is_empty() {
            // Only stopwords ("what is it"): group by the words themselves.
            k = phrasing_key(&question);
        }
        let i = *index.entry(k).or_insert_with(|| {
            groups.push((
                QuestionGroup {
                    asked: 0,
                    wordings: Vec::new(),
                    best_confidence: 0.0,
                    last_at: String::new(),
                },
                HashMap::new(),
            ));
            groups.len() - 1
        });
        let (group, wordings) = &mut groups[i];
        group.asked += 1;
        group.best_confidence = group.best_confidence.max(row.confidence);
        if row.at > group.last_at {
            group.last_at = row.at.clone();
        }
        *wordings.entry(question).or_default() += 1;
    }
    let mut out: Vec<QuestionGroup> = groups
        .into_iter()
        .map(|(mut group, wordings)| {
            let mut wordings: Vec<(String, usize)> = wordings.into_iter().collect();
            wordings.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            group.wordings = wordings.into_iter().map(|(w, _)| w).collect();
            group
        })
        .collect();
    out.sort_by(|a, b| {
        b.asked
            .cmp(&a.asked)
            .then_with(|| b.last_at.cmp(&a.last_at))
    });
    out
}

/// One fact's 👍 and 👎 count, with its answer to show beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeedbackTally {
    pub fact_id: FactId,
    pub helpful: u32,
    pub unhelpful: u32,
    /// Empty if the fact is gone.
    pub answer: String,
}

/// A fact as a revision's `before` or `after` holds it. Lenient: revisions
/// written by the ingest lack the id, and every field a later summit-bot
/// adds must still read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The article it belongs to (every revision records it; None only in
    /// a hand-made file).
    #[serde(default)]
    pub article: Option<ArticleId>,
    #[serde(default)]
    pub paragraph: Option<u32>,
    pub quote: String,
    pub answer: String,
    #[serde(default)]
    pub kind: AnswerKind,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub source_note: Option<String>,
    #[serde(default)]
    pub retired: bool,
}

impl Snapshot {
    pub fn of(fact: &Fact) -> Snapshot {
        Snapshot {
            article: Some(fact.article),
            paragraph: fact.paragraph,
            quote: fact.quote.clone(),
            answer: fact.answer.clone(),
            kind: fact.kind,
            speaker: fact.speaker.clone(),
            questions: fact.questions.clone(),
            source_note: fact.source_note.clone(),
            retired: fact.retired,
        }
    }

    /// `fact` with this snapshot's content and article (id, key, origin
    /// and version stay).
    pub fn apply_to(&self, fact: &mut Fact) {
        if let Some(article) = self.article {
            fact.article = article;
        }
        fact.paragraph = self.paragraph;
        fact.quote = self.quote.clone();
        fact.answer = self.answer.clone();
        fact.kind = self.kind;
        fact.speaker = self.speaker.clone();
        fact.questions = self.questions.clone();
        fact.source_note = self.source_note.clone();
        fact.retired = self.retired;
    }
}

/// What changed between two versions, one line per field, for history.
pub fn describe_changes(before: Option<&Snapshot>, after: &Snapshot) -> Vec<String> {
    let Some(before) = before else {
        return vec![format!("created: “{}”", after.answer)];
    };
    let mut out = Vec::new();
    let mut text = |name: &str, a: &str, b: &str| {
        if a != b {
            out.push(format!("{name}: “{a}” → “{b}”"));
        }
    };
    if let (Some(a), Some(b)) = (before.article, after.article) {
        text("article", &a.0.to_string(), &b.0.to_string());
    }
    text("answer", &before.answer, &after.answer);
    text("quote", &before.quote, &after.quote);
    let source = |s: &Snapshot| match (s.paragraph, &s.source_note) {
        (Some(p), _) => format!("¶{p}"),
        (None, Some(note)) => note.clone(),
        (None, None) => "-".to_string(),
    };
    text("source", &source(before), &source(after));
    text("kind", before.kind.as_str(), after.kind.as_str());
    for q in &after.questions {
        if !before.questions.contains(q) {
            out.push(format!("+ phrasing “{q}”"));
        }
    }
    for q in &before.questions {
        if !after.questions.contains(q) {
            out.push(format!("− phrasing “{q}”"));
        }
    }
    match (before.retired, after.retired) {
        (false, true) => out.push("retired".to_string()),
        (true, false) => out.push("back in force".to_string()),
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: i64, title: &str) -> ArticleMeta {
        ArticleMeta::undated(id, title)
    }

    #[test]
    fn an_article_is_found_by_id_or_title() {
        let articles = [
            article(1, "Iran, Russia and Turkey meet in Tehran over Idlib"),
            article(2, "Cork harbour reopens"),
            article(3, "1"),
            article(4, "Talks"),
            article(5, "TALKS"),
        ];
        let cases: &[(&str, Option<i64>)] = &[
            ("2", Some(2)),
            ("#2", Some(2)),
            (" 2 ", Some(2)),
            ("Cork harbour reopens", Some(2)),
            ("cork HARBOUR reopens", Some(2)),
            // An id wins over a title that is a number.
            ("1", Some(1)),
            ("Talks", Some(4)),
            ("TALKS", Some(5)),
            ("talks", None),
            ("9", None),
            ("Cork", None),
            ("", None),
        ];
        for (wanted, want) in cases {
            let got = find_article(&articles, wanted).ok().map(|a| a.id.0);
            assert_eq!(got, *want, "{wanted:?}");
        }
        let error = find_article(&articles, "Cork")
            .expect_err("unknown")
            .to_string();
        assert!(
            error.contains("no article \"Cork\"")
                && error.contains("1 “Iran, Russia and Turkey meet in Tehran over Idlib”")
                && error.contains("2 “Cork harbour reopens”"),
            "{error}"
        );
        let none = find_article(&[], "Cork").expect_err("none").to_string();
        assert!(none.contains("no articles"), "{none}");
    }

    #[test]
    fn a_large_store_names_the_closest_titles() {
        let articles: Vec<ArticleMeta> = (1..=500)
            .map(|i| article(i, &format!("Story number {i}")))
            .chain([article(501, "Cork harbour reopens")])
            .collect();
        let error = find_article(&articles, "cork harbor reopened")
            .expect_err("unknown")
            .to_string();
        assert!(
            error.contains("the closest of its 501 articles are 501 “Cork harbour reopens”"),
            "{error}"
        );
        assert_eq!(error.matches('“').count(), ARTICLES_NAMED, "{error}");
    }

    #[test]
    fn text_is_trimmed_and_checked_against_its_limit() {
        let cases: &[(&str, usize, Result<&str, Invalid>)] = &[
            ("  hello ", 10, Ok("hello")),
            ("", 10, Err(Invalid::Empty { field: "answer" })),
            (" \n\t ", 10, Err(Invalid::Empty { field: "answer" })),
            // Characters, not bytes: five Cyrillic letters are ten bytes.
            ("Путин", 5, Ok("Путин")),
            (
                "Путины",
                5,
                Err(Invalid::TooLong {
                    field: "answer",
                    len: 6,
                    max: 5,
                }),
            ),
        ];
        for (text, max, want) in cases {
            let got = check_text("answer", text, *max);
            assert_eq!(got, want.clone().map(str::to_string), "{text:?}");
        }
    }

    #[test]
    fn phrasings_compare_by_their_words() {
        assert_eq!(phrasing_key("Where is the summit?"), "where is the summit");
        assert_eq!(
            phrasing_key("  WHERE is   the Summit "),
            phrasing_key("where is the summit?!")
        );
        assert_eq!(phrasing_key("Erdoğan’s view"), phrasing_key("erdogan view"));
        assert_ne!(phrasing_key("who hosts"), phrasing_key("who hosted"));
        let kept = check_phrasings(&[
            "Where is it?".to_string(),
            "where is it".to_string(),
            "Where's it held?".to_string(),
        ])
        .expect("valid");
        assert_eq!(kept, ["Where is it?", "Where's it held?"]);
        assert_eq!(check_phrasings(&[]), Err(Invalid::NoPhrasing));
        assert_eq!(
            check_phrasings(&["?!".to_string()]),
            Err(Invalid::Empty { field: "phrasing" })
        );
        let long = "q".repeat(MAX_PHRASING + 1);
        assert!(matches!(
            check_phrasings(&[long]),
            Err(Invalid::TooLong { .. })
        ));
    }

    #[test]
    fn a_quote_must_be_word_for_word_in_its_paragraph() {
        let p = "Turkey already hosts 3.5 million Syrian refugees. It fears more.";
        assert_eq!(
            check_quote(16, p, "“hosts 3.5 million Syrian refugees”"),
            Ok("hosts 3.5 million Syrian refugees".to_string())
        );
        assert!(matches!(
            check_quote(16, p, "hosts 4 million"),
            Err(Invalid::QuoteNotInParagraph { number: 16, .. })
        ));
        assert_eq!(
            check_quote(16, p, "  "),
            Err(Invalid::Empty { field: "quote" })
        );
    }

    #[test]
    fn without_a_quote_the_sentence_sharing_most_words_is_cited() {
        let sentences = [
            "Russia and Iran back Assad.".to_string(),
            "Turkey hosts 3.5 million refugees.".to_string(),
            "Talks went on.".to_string(),
        ];
        assert_eq!(
            pick_sentence(
                &sentences,
                "3.5 million",
                "how many refugees does turkey host"
            ),
            Some(1)
        );
        assert_eq!(pick_sentence(&sentences, "xyz", "nothing shared"), Some(0));
        assert_eq!(pick_sentence(&[], "a", "b"), None);
    }

    #[test]
    fn kinds_are_guessed_from_the_question() {
        let cases = [
            ("How many posts?", "12", AnswerKind::Number),
            ("who hosted", "Rouhani", AnswerKind::Person),
            ("Where is it", "Tehran", AnswerKind::Place),
            ("when was it", "7 September", AnswerKind::Time),
            ("why did they meet", "Idlib", AnswerKind::Reason),
            ("Did Putin agree?", "No", AnswerKind::YesNo),
            ("what is the death toll", "1,200", AnswerKind::Number),
            ("what is hts", "A jihadist alliance", AnswerKind::Thing),
            ("", "", AnswerKind::Thing),
        ];
        for (q, a, want) in cases {
            assert_eq!(guess_kind(q, a), want, "{q:?}");
        }
    }

    fn logged(question: &str, at: &str) -> LoggedQuestion {
        LoggedQuestion {
            question: question.to_string(),
            answered: false,
            confidence: 0.1,
            at: at.to_string(),
        }
    }

    #[test]
    fn the_same_question_asked_differently_is_one_group_most_asked_first() {
        let rows = [
            logged("What did Merkel say?", "2024-01-01T00:00:01Z"),
            logged("pizza in rome", "2024-01-01T00:00:02Z"),
            logged("what did merkel say", "2024-01-01T00:00:03Z"),
            logged("What did  Merkel say?", "2024-01-01T00:00:04Z"),
            logged("Merkel: what did she say?", "2024-01-01T00:00:05Z"),
            logged("   ", "2024-01-01T00:00:06Z"),
        ];
        let stemmer = Stemmer::default();
        let groups = group_questions(&rows, |q| question_key(&stemmer, q));
        assert_eq!(groups.len(), 2, "{groups:#?}");
        assert_eq!(groups[0].asked, 4);
        assert_eq!(groups[0].wordings[0], "What did Merkel say?");
        assert_eq!(groups[0].last_at, "2024-01-01T00:00:05Z");
        assert_eq!(groups[1].wordings, ["pizza in rome"]);
        assert!(group_questions(&[], |q| q.to_string()).is_empty());
    }

    #[test]
    fn changes_are_described_field_by_field() {
        let before = Snapshot {
            article: Some(ArticleId(1)),
            paragraph: Some(3),
            quote: "q".into(),
            answer: "old".into(),
            kind: AnswerKind::Thing,
            speaker: None,
            questions: vec!["a?".into()],
            source_note: None,
            retired: false,
        };
        let mut after = before.clone();
        after.answer = "new".into();
        after.questions.push("b?".into());
        after.retired = true;
        assert_eq!(
            describe_changes(Some(&before), &after),
            ["answer: “old” → “new”", "+ phrasing “b?”", "retired"]
        );
        assert_eq!(describe_changes(None, &before), ["created: “old”"]);
        let mut moved = before.clone();
        moved.article = Some(ArticleId(2));
        assert_eq!(
            describe_changes(Some(&before), &moved),
            ["article: “1” → “2”"]
        );
        assert!(describe_changes(Some(&before), &before).is_empty());
    }
}
