//! What a reply says: the answer as shown (a yes/no verdict only when the
//! question earns it), the decline, the other questions offered, the
//! source. The engine has decided by then; nothing here changes what it
//! chose.

use crate::answer::{Alternative, Reply, SourceRef};
use crate::extract::Gap;
use crate::fact::{AnswerKind, Fact};
use crate::matcher::{Factors, Query, Scored, Target, Want};

use super::{Considered, Engine, Reading};

/// How many alternatives a reply offers.
pub(super) const ALTERNATIVES: usize = 3;

impl Engine {
    /// The reply answering `question` with `fact`, the candidate `c` of
    /// `reading`; `read` is how the index read the question, for `why`.
    pub(super) fn answer(
        &self,
        question: &str,
        reading: &Reading,
        c: &Considered,
        fact: &Fact,
        read: &str,
    ) -> Reply {
        let found = &reading.found;
        let s = &found.ranked[c.rank];
        Reply {
            taking: None,
            question: question.to_string(),
            answered: true,
            answer: Some(compose(fact, &found.query, &s.factors)),
            confidence: round(c.probability),
            fact_id: Some(c.fact_id),
            sources: vec![self.source(fact)],
            alternatives: self.alternatives(&found.ranked, Some(fact)),
            error: None,
            note: None,
            why: Some(format!(
                "read: {read}; chose {} (ranked {}): p {:.2} from {}{}",
                c.fact_id,
                c.rank + 1,
                c.probability,
                c.explain(),
                // Only the best-ranked candidate's ranking is spelled out.
                if s.why.is_empty() {
                    String::new()
                } else {
                    format!("; ranked on {}", s.why)
                }
            )),
        }
    }

    /// The reply declining `question`, naming `gap` when the article is
    /// known not to say.
    pub(super) fn decline(
        &self,
        question: &str,
        reading: &Reading,
        gap: Option<&Gap>,
        read: &str,
    ) -> Reply {
        let ranked = &reading.found.ranked;
        // The confidence shown is the best candidate's probability of being
        // right: below the threshold, or the bot would have answered.
        let best = reading
            .considered
            .iter()
            .map(|c| c.probability)
            .fold(0.0, f32::max);
        // With several articles, "the article" would not say which.
        let none = match self.articles.len() {
            0 | 1 => "The article doesn't say.".to_string(),
            n => format!("None of the {n} articles covers that."),
        };
        let note = match gap {
            Some(g) => format!("{none} {}", g.note),
            None => none,
        };
        Reply {
            taking: None,
            question: question.to_string(),
            answered: false,
            answer: None,
            confidence: round(best),
            fact_id: None,
            sources: Vec::new(),
            alternatives: self.alternatives(ranked, None),
            error: None,
            note: Some(note),
            why: Some(format!(
                "read: {read}; best {}",
                ranked
                    .first()
                    .map(|s| s.why.as_str())
                    .unwrap_or("nothing shares a word")
            )),
        }
    }

    /// Up to three other facts, each with a question it answers; never the
    /// chosen fact again, nor one giving the same answer.
    pub(super) fn alternatives(
        &self,
        ranked: &[Scored],
        chosen: Option<&Fact>,
    ) -> Vec<Alternative> {
        let mut out: Vec<Alternative> = Vec::new();
        let mut answers: Vec<&str> = chosen.map(|f| f.answer.as_str()).into_iter().collect();
        for s in ranked {
            let Target::Fact(id) = s.target else { continue };
            let Some(f) = self.facts.get(id) else {
                continue;
            };
            if answers.contains(&f.answer.as_str()) {
                continue;
            }
            answers.push(&f.answer);
            out.push(Alternative {
                fact_id: id,
                question: self.label(f),
                confidence: round(s.confidence),
            });
            if out.len() >= ALTERNATIVES {
                break;
            }
        }
        out
    }

    /// A question a fact answers, to offer as a suggestion.
    pub(super) fn label(&self, fact: &Fact) -> String {
        match fact.questions.first() {
            Some(q) => q.clone(),
            None => {
                let mut q: String = fact.quote.chars().take(90).collect();
                if fact.quote.chars().count() > 90 {
                    q.push('…');
                }
                q
            }
        }
    }

    fn source(&self, fact: &Fact) -> SourceRef {
        SourceRef::of(fact, self.articles.get(&fact.article))
    }
}

/// A yes/no fact says "Yes." or "No." only when the question asks yes or
/// no in nearly the words of one of its phrasings: anything looser ("did
/// the truces last" against "were the ceasefires broken") may ask the
/// opposite, so the evidence is given without a verdict.
const VERDICT_SIMILARITY: f32 = 0.9;

/// The answer to show for `fact` to a question read as `query`.
fn compose(fact: &Fact, query: &Query, factors: &Factors) -> String {
    if fact.kind != AnswerKind::YesNo {
        return fact.answer.clone();
    }
    let settled = query.want == Some(Want::YesNo) && factors.similarity >= VERDICT_SIMILARITY;
    match ["Yes. ", "No. "]
        .iter()
        .find_map(|v| fact.answer.strip_prefix(v))
    {
        Some(evidence) if !settled => evidence.to_string(),
        _ => fact.answer.clone(),
    }
}

/// Confidence to three places, so output is stable and readable.
fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}
