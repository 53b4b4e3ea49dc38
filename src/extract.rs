//! Extraction: turns an article into facts. Every sentence becomes a fact
//! (the sentence is its own answer), and the curated facts in
//! `data/facts.toml` add short direct answers with the phrasings people use.
//! Pure: parsing and validation only, no store.

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::fact::{AnswerKind, Origin};
use crate::moderation::phrasing_key;

/// The curated facts shipped in `data/`.
pub const BUILTIN_FACTS: &str = include_str!("../data/facts.toml");
/// Phrasings learned from the project's own labelled training questions
/// (`scripts/learn_phrasings.py`): each question a curated fact answers.
pub const LEARNED_PHRASINGS: &str = include_str!("../data/learned.toml");
/// Topics the shipped article does not cover, shipped in `data/`: what a
/// new database's `gaps` table is seeded with.
pub const BUILTIN_GAPS: &str = include_str!("../data/gaps.toml");

/// A fact before it has an id: what extraction produces and the store keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct NewFact {
    /// Unique within its article; how re-ingesting recognises a fact it
    /// already stored (`s3.1` for a sentence, the curated slug otherwise).
    pub key: Option<String>,
    pub paragraph: Option<u32>,
    pub quote: String,
    pub answer: String,
    pub kind: AnswerKind,
    pub speaker: Option<String>,
    pub questions: Vec<String>,
    pub source_note: Option<String>,
    pub origin: Origin,
}

/// A topic the article does not cover, so questions about it are declined
/// with a note instead of a near-miss answer.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    pub key: String,
    pub topic: String,
    pub note: String,
    pub questions: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("facts file does not parse: {0}")]
    Parse(#[from] toml::de::Error),
    #[error("fact {key:?}: paragraph {paragraph} is not in the article (it has {count})")]
    NoSuchParagraph {
        key: String,
        paragraph: u32,
        count: usize,
    },
    #[error("fact {key:?}: its quote is not in paragraph {paragraph}: {quote:?}")]
    QuoteNotInParagraph {
        key: String,
        paragraph: u32,
        quote: String,
    },
    #[error("fact {key:?}: unknown kind {kind:?}")]
    UnknownKind { key: String, kind: String },
    #[error("fact {key:?}: {what} is empty")]
    Empty { key: String, what: &'static str },
    #[error("two facts share the key {0:?}")]
    DuplicateKey(String),
    #[error("learned phrasing {question:?}: no curated fact has the key {key:?}")]
    UnknownFact { key: String, question: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsFile {
    #[serde(default)]
    fact: Vec<CuratedFact>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CuratedFact {
    key: String,
    paragraph: u32,
    quote: String,
    answer: String,
    kind: String,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    questions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LearnedFile {
    #[serde(default)]
    learned: Vec<Learned>,
    #[serde(default)]
    declined: Vec<Declined>,
}

/// A labelled training question the article does not answer, though it
/// asks about what the article covers (a near miss).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Declined {
    set: String,
    question: String,
}

/// The key of the gap the learned near misses make: a decline never names
/// it (it has no topic of its own).
pub const NEAR_MISSES: &str = "near-misses";

/// A labelled training question and the curated fact that answers it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Learned {
    fact: String,
    /// The question set it comes from (`train-ta`).
    set: String,
    question: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GapsFile {
    #[serde(default)]
    gap: Vec<Gap>,
}

/// One fact per sentence: the sentence is the answer and the quote.
pub fn sentence_facts(article: &Article) -> Vec<NewFact> {
    let mut out = Vec::new();
    for p in &article.paragraphs {
        for (i, s) in p.sentences.iter().enumerate() {
            out.push(NewFact {
                key: Some(format!("s{}.{}", p.number, i + 1)),
                paragraph: Some(p.number),
                quote: s.clone(),
                answer: s.clone(),
                kind: AnswerKind::Statement,
                speaker: None,
                questions: Vec::new(),
                source_note: None,
                origin: Origin::Sentence,
            });
        }
    }
    out
}

/// Parses curated facts and checks each against `article`: the paragraph
/// exists and holds the quote verbatim, nothing is empty, keys are unique.
pub fn curated_facts(toml_text: &str, article: &Article) -> Result<Vec<NewFact>, ExtractError> {
    let file: FactsFile = toml::from_str(toml_text)?;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(file.fact.len());
    for f in file.fact {
        if !seen.insert(f.key.clone()) {
            return Err(ExtractError::DuplicateKey(f.key));
        }
        let para = article
            .paragraph(f.paragraph)
            .ok_or_else(|| ExtractError::NoSuchParagraph {
                key: f.key.clone(),
                paragraph: f.paragraph,
                count: article.paragraphs.len(),
            })?;
        if f.quote.trim().is_empty() {
            return Err(ExtractError::Empty {
                key: f.key,
                what: "quote",
            });
        }
        if f.answer.trim().is_empty() {
            return Err(ExtractError::Empty {
                key: f.key,
                what: "answer",
            });
        }
        if !para.text.contains(f.quote.as_str()) {
            return Err(ExtractError::QuoteNotInParagraph {
                key: f.key,
                paragraph: f.paragraph,
                quote: f.quote,
            });
        }
        let kind = AnswerKind::parse(&f.kind).ok_or_else(|| ExtractError::UnknownKind {
            key: f.key.clone(),
            kind: f.kind.clone(),
        })?;
        out.push(NewFact {
            key: Some(f.key),
            paragraph: Some(f.paragraph),
            quote: f.quote,
            answer: f.answer,
            kind,
            speaker: f.speaker.filter(|s| !s.trim().is_empty()),
            questions: f
                .questions
                .into_iter()
                .filter(|q| !q.trim().is_empty())
                .collect(),
            source_note: None,
            origin: Origin::Curated,
        });
    }
    Ok(out)
}

/// Every fact extraction makes of `article`: its sentences, then the
/// curated facts of `curated` (TOML, may be empty).
pub fn extract(article: &Article, curated: &str) -> Result<Vec<NewFact>, ExtractError> {
    let mut facts = sentence_facts(article);
    facts.extend(curated_facts(curated, article)?);
    Ok(facts)
}

/// The shipped article's facts, with the learned phrasings.
pub fn builtin_facts(article: &Article) -> Result<Vec<NewFact>, ExtractError> {
    builtin_facts_learned_except(article, None)
}

/// The shipped article's facts with the phrasings learned from every
/// question set but `except` (so a set can be asked without its own
/// questions among the phrasings, as unseen questions are).
pub fn builtin_facts_learned_except(
    article: &Article,
    except: Option<&str>,
) -> Result<Vec<NewFact>, ExtractError> {
    let mut facts = extract(article, BUILTIN_FACTS)?;
    learn(&mut facts, LEARNED_PHRASINGS, except)?;
    Ok(facts)
}

/// Adds each learned question of `toml_text` (except those from the set
/// `except`) to its curated fact's phrasings, unless some fact already has
/// it (as the store compares phrasings: no two facts share one).
pub fn learn(
    facts: &mut [NewFact],
    toml_text: &str,
    except: Option<&str>,
) -> Result<(), ExtractError> {
    let file: LearnedFile = toml::from_str(toml_text)?;
    let mut taken: std::collections::HashSet<String> = facts
        .iter()
        .flat_map(|f| &f.questions)
        .map(|q| phrasing_key(q))
        .collect();
    for l in file.learned {
        if except == Some(l.set.as_str()) {
            continue;
        }
        let fact = facts
            .iter_mut()
            .find(|f| f.origin == Origin::Curated && f.key.as_deref() == Some(l.fact.as_str()))
            .ok_or_else(|| ExtractError::UnknownFact {
                key: l.fact.clone(),
                question: l.question.clone(),
            })?;
        let q = l.question.trim();
        if !q.is_empty() && !garbled_do(q) && taken.insert(phrasing_key(q)) {
            fact.questions.push(q.to_string());
        }
    }
    Ok(())
}

/// Whether a learned question is a follow-up's rewrite that put another
/// question word in place of a "what" that was the object of "do": "why?"
/// after "what does damascus want to do with idlib", read as "why does
/// damascus want to do with idlib". Nobody asks that; as a phrasing of the
/// fact answering the "why" it matched the "what" question itself, word
/// for word but the first. A "do" with an object of its own stays ("when
/// will damascus decide what to do about idlib", "who had anything to do
/// with it").
fn garbled_do(question: &str) -> bool {
    let toks = crate::normalize::tokens(&crate::normalize::fold(question));
    let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    let opens = words
        .first()
        .is_some_and(|w| matches!(*w, "why" | "when" | "where" | "who" | "how"));
    opens
        && (1..words.len().saturating_sub(1)).any(|i| {
            words[i] == "do"
                && matches!(words[i + 1], "with" | "about")
                && !words[..i].iter().any(|w| {
                    matches!(
                        *w,
                        "what" | "anything" | "something" | "nothing" | "has" | "have" | "had"
                    )
                })
        })
}

/// Parses a gaps file.
pub fn gaps(toml_text: &str) -> Result<Vec<Gap>, ExtractError> {
    let file: GapsFile = toml::from_str(toml_text)?;
    Ok(file.gap)
}

/// The shipped article's gaps, with the learned near misses as one more.
pub fn builtin_gaps() -> Result<Vec<Gap>, ExtractError> {
    builtin_gaps_learned_except(None)
}

/// The shipped gaps, and the near misses learned from every question set
/// but `except` as the gap [`NEAR_MISSES`] (with no topic or note).
pub fn builtin_gaps_learned_except(except: Option<&str>) -> Result<Vec<Gap>, ExtractError> {
    let mut gaps = gaps(BUILTIN_GAPS)?;
    gaps.extend(learned_gap(except)?);
    Ok(gaps)
}

/// The near misses learned from every question set but `except`, as the
/// gap [`NEAR_MISSES`] (None when there are none). Part of the decision
/// model's training, so it is built in: never stored, never edited.
pub fn learned_gap(except: Option<&str>) -> Result<Option<Gap>, ExtractError> {
    let file: LearnedFile = toml::from_str(LEARNED_PHRASINGS)?;
    let questions: Vec<String> = file
        .declined
        .into_iter()
        .filter(|d| except != Some(d.set.as_str()))
        .map(|d| d.question)
        .collect();
    Ok((!questions.is_empty()).then(|| Gap {
        key: NEAR_MISSES.to_string(),
        topic: String::new(),
        note: String::new(),
        questions,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rewrite_asking_why_of_what_someone_wants_to_do_is_not_learned() {
        let article = Article::builtin().expect("article parses");
        let mut facts = curated_facts(BUILTIN_FACTS, &article).expect("curated facts validate");
        let learned = r#"learned = [
  { fact = "idlib-strategic", set = "train-x", question = "why does damascus want to do with idlib" },
  { fact = "idlib-strategic", set = "train-x", question = "Why is Damascus planning to do about Idlib?" },
  { fact = "idlib-strategic", set = "train-x", question = "why does damascus care what happens to idlib" },
  { fact = "damascus-intent", set = "train-x", question = "what is damascus going to do with idlib" },
  { fact = "damascus-intent", set = "train-x", question = "when will damascus decide what to do about idlib" },
]"#;
        learn(&mut facts, learned, None).expect("learned phrasings read");
        let phrasings = |key: &str| {
            facts
                .iter()
                .find(|f| f.key.as_deref() == Some(key))
                .expect("curated fact")
                .questions
                .clone()
        };
        let strategic = phrasings("idlib-strategic");
        assert!(
            !strategic.iter().any(|q| q.to_lowercase().contains("to do")),
            "{strategic:?}"
        );
        assert!(strategic.contains(&"why does damascus care what happens to idlib".to_string()));
        let intent = phrasings("damascus-intent");
        for q in [
            "what is damascus going to do with idlib",
            "when will damascus decide what to do about idlib",
        ] {
            assert!(intent.contains(&q.to_string()), "{q:?}: {intent:?}");
        }
    }

    #[test]
    fn every_curated_quote_is_verbatim_in_its_paragraph() {
        let article = Article::builtin().expect("article parses");
        let facts = curated_facts(BUILTIN_FACTS, &article).expect("curated facts validate");
        assert!(facts.len() >= 40, "only {} curated facts", facts.len());
        for f in &facts {
            let p = f
                .paragraph
                .and_then(|n| article.paragraph(n))
                .expect("paragraph exists");
            assert!(
                p.text.contains(&f.quote),
                "{:?}: quote not in ¶{}",
                f.key,
                p.number
            );
            assert!(
                article.text.contains(&f.quote),
                "{:?}: quote not in the article",
                f.key
            );
            assert!(!f.questions.is_empty(), "{:?} has no phrasings", f.key);
        }
    }

    #[test]
    fn learned_phrasings_join_their_fact_once_and_a_set_can_be_left_out() {
        let article = Article::builtin().expect("article parses");
        let learned = r#"learned = [
  { fact = "summit-location", set = "train-x", question = "which town hosts the talks" },
  { fact = "summit-location", set = "train-y", question = "Which town hosts the talks" },
  { fact = "summit-location", set = "train-y", question = "host city of the meeting" },
]"#;
        let phrasings = |except| {
            let mut facts = extract(&article, BUILTIN_FACTS).expect("facts");
            learn(&mut facts, learned, except).expect("learned phrasings apply");
            let f = facts
                .into_iter()
                .find(|f| f.key.as_deref() == Some("summit-location"));
            f.expect("fact").questions
        };
        let all = phrasings(None);
        assert_eq!(
            all.iter()
                .filter(|q| q.eq_ignore_ascii_case("which town hosts the talks"))
                .count(),
            1
        );
        assert!(all.iter().any(|q| q == "host city of the meeting"));
        let without_y = phrasings(Some("train-y"));
        assert!(!without_y.iter().any(|q| q == "host city of the meeting"));
        assert!(without_y.iter().any(|q| q == "which town hosts the talks"));

        let mut facts = extract(&article, BUILTIN_FACTS).expect("facts");
        let unknown = r#"learned = [{ fact = "no-such-fact", set = "t", question = "q" }]"#;
        assert!(matches!(
            learn(&mut facts, unknown, None),
            Err(ExtractError::UnknownFact { .. })
        ));
        // The shipped file applies, and no two facts share a phrasing.
        let facts = builtin_facts(&article).expect("data/learned.toml names curated facts");
        let mut seen = std::collections::HashMap::new();
        for f in &facts {
            for q in &f.questions {
                let owner = seen.entry(phrasing_key(q)).or_insert(&f.key);
                assert_eq!(*owner, &f.key, "{q:?} is a phrasing of two facts");
            }
        }
    }

    #[test]
    fn every_sentence_becomes_a_fact() {
        let article = Article::builtin().expect("article parses");
        let facts = sentence_facts(&article);
        let sentences: usize = article.paragraphs.iter().map(|p| p.sentences.len()).sum();
        assert_eq!(facts.len(), sentences);
        for f in &facts {
            assert_eq!(f.answer, f.quote);
            let p = f
                .paragraph
                .and_then(|n| article.paragraph(n))
                .expect("paragraph exists");
            assert!(p.text.contains(&f.quote));
        }
    }

    #[test]
    fn a_quote_outside_its_paragraph_is_refused() {
        let article = Article::builtin().expect("article parses");
        let bad = r#"
[[fact]]
key = "wrong-paragraph"
paragraph = 2
quote = "Turkey, which has 12 observation posts in Idlib, already hosts 3.5 million Syrian refugees."
answer = "12"
kind = "number"
"#;
        assert!(matches!(
            curated_facts(bad, &article),
            Err(ExtractError::QuoteNotInParagraph { .. })
        ));
        let out_of_range = bad.replace("paragraph = 2", "paragraph = 22");
        assert!(matches!(
            curated_facts(&out_of_range, &article),
            Err(ExtractError::NoSuchParagraph { .. })
        ));
        let bad_kind = bad
            .replace("paragraph = 2", "paragraph = 16")
            .replace("\"number\"", "\"colour\"");
        assert!(matches!(
            curated_facts(&bad_kind, &article),
            Err(ExtractError::UnknownKind { .. })
        ));
    }

    #[test]
    fn gaps_parse() {
        let gaps = builtin_gaps().expect("gaps parse");
        let (learned, written): (Vec<&Gap>, Vec<&Gap>) =
            gaps.iter().partition(|g| g.key == NEAR_MISSES);
        assert!(written
            .iter()
            .all(|g| !g.questions.is_empty() && !g.note.is_empty()));
        // The learned near misses: one gap with nothing a decline could name,
        // and a set can be left out of it.
        let [near] = learned.as_slice() else {
            panic!("one near-misses gap, got {}", learned.len())
        };
        assert!(near.note.is_empty() && near.topic.is_empty());
        let fewer = builtin_gaps_learned_except(Some("train-ta")).expect("gaps");
        let near_without = fewer.iter().find(|g| g.key == NEAR_MISSES).expect("gap");
        assert!(near_without.questions.len() < near.questions.len());
    }
}
