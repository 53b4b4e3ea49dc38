//! The answering engine: the facts in force, the index over them, and the
//! one call every edge makes, `ask`. Pure: built from values the store
//! loaded, rebuilt (cheaply) when facts change.

use std::collections::HashMap;
use std::sync::Arc;

use crate::answer::{Alternative, Reply, SourceRef};
use crate::extract::Gap;
use crate::fact::{AnswerKind, ArticleId, ArticleMeta, Fact, FactId};
use crate::lexicon::Lexicon;
use crate::matcher::{DocInput, Index, Scored, Target};

/// Tunables the config file sets.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Below this confidence the bot declines (0..1).
    pub threshold: f64,
    /// Longer questions are refused as input errors.
    pub max_question_chars: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            threshold: 0.5,
            max_question_chars: 1000,
        }
    }
}

/// One autocomplete suggestion: a phrasing and the fact it answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub fact_id: FactId,
    pub question: String,
}

pub struct Engine {
    articles: HashMap<ArticleId, ArticleMeta>,
    facts: HashMap<FactId, Fact>,
    gaps: Vec<Gap>,
    index: Index,
    settings: Settings,
}

/// How many alternatives a reply offers.
const ALTERNATIVES: usize = 3;
/// How far past the answer to look for distinct alternatives.
const SEARCH_DEPTH: usize = 12;

impl Engine {
    /// Builds the engine over the facts in force (retired facts are skipped).
    pub fn new(
        articles: Vec<ArticleMeta>,
        facts: Vec<Fact>,
        gaps: Vec<Gap>,
        lexicon: Arc<Lexicon>,
        settings: Settings,
    ) -> Self {
        let facts: HashMap<FactId, Fact> = facts
            .into_iter()
            .filter(|f| !f.retired)
            .map(|f| (f.id, f))
            .collect();
        let mut ordered: Vec<&Fact> = facts.values().collect();
        ordered.sort_by_key(|f| f.id);
        // Gaps belong to the first article (the one they were written for).
        let first_article = articles.iter().map(|a| a.id).min().unwrap_or(ArticleId(1));
        let docs = ordered
            .iter()
            .map(|f| DocInput {
                target: Target::Fact(f.id),
                article: f.article,
                questions: &f.questions,
                answer: &f.answer,
                quote: &f.quote,
                kind: f.kind,
                speaker: f.speaker.as_deref(),
            })
            .chain(gaps.iter().enumerate().map(|(i, g)| DocInput {
                target: Target::Gap(i),
                article: first_article,
                questions: &g.questions,
                answer: "",
                quote: "",
                kind: AnswerKind::Thing,
                speaker: None,
            }));
        let index = Index::build(lexicon, docs);
        Engine {
            articles: articles.into_iter().map(|a| (a.id, a)).collect(),
            facts,
            gaps,
            index,
            settings,
        }
    }

    /// Answers one question (or declines, with the nearest topics).
    pub fn ask(&self, question: &str) -> Reply {
        if question.trim().is_empty() {
            return Reply::invalid(
                question,
                "The question is empty: ask something about the Tehran summit.",
            );
        }
        let chars = question.chars().count();
        if chars > self.settings.max_question_chars {
            return Reply::invalid(
                question,
                format!(
                    "The question is too long ({chars} characters; the limit is {}).",
                    self.settings.max_question_chars
                ),
            );
        }
        let found = self.index.search(question, SEARCH_DEPTH);
        let read = self.index.explain(&found.query);
        let best_fact = found
            .ranked
            .iter()
            .find(|s| matches!(s.target, Target::Fact(_)));
        let best_gap = found
            .ranked
            .iter()
            .find(|s| matches!(s.target, Target::Gap(_)));
        let threshold = self.settings.threshold as f32;
        let chosen = best_fact.filter(|f| {
            f.confidence >= threshold && best_gap.is_none_or(|g| g.confidence <= f.confidence)
        });
        match chosen {
            Some(s) => {
                let Target::Fact(id) = s.target else {
                    unreachable_fact()
                };
                let Some(fact) = self.facts.get(&id) else {
                    return self.decline(question, &found.ranked, None, &read);
                };
                Reply {
                    question: question.to_string(),
                    answered: true,
                    answer: Some(fact.answer.clone()),
                    confidence: round(s.confidence),
                    fact_id: Some(id),
                    sources: vec![self.source(fact)],
                    alternatives: self.alternatives(&found.ranked, Some(fact)),
                    error: None,
                    note: None,
                    why: Some(format!("read: {read}; chose {id}: {}", s.why)),
                }
            }
            None => {
                let gap = best_gap
                    .filter(|g| {
                        g.confidence >= threshold
                            && best_fact.is_none_or(|f| g.confidence > f.confidence)
                    })
                    .and_then(|g| match g.target {
                        Target::Gap(i) => self.gaps.get(i),
                        Target::Fact(_) => None,
                    });
                self.decline(question, &found.ranked, gap, &read)
            }
        }
    }

    fn decline(&self, question: &str, ranked: &[Scored], gap: Option<&Gap>, read: &str) -> Reply {
        let best = ranked.first().map(|s| s.confidence).unwrap_or(0.0);
        let note = match gap {
            Some(g) => g.note.clone(),
            None => "The article doesn't say.".to_string(),
        };
        Reply {
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
    fn alternatives(&self, ranked: &[Scored], chosen: Option<&Fact>) -> Vec<Alternative> {
        let mut out: Vec<Alternative> = Vec::new();
        let mut answers: Vec<&str> = chosen.map(|f| f.answer.as_str()).into_iter().collect();
        for s in ranked {
            let Target::Fact(id) = s.target else { continue };
            let Some(f) = self.facts.get(&id) else {
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
    fn label(&self, fact: &Fact) -> String {
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
        let title = match (&fact.source_note, fact.paragraph) {
            (Some(note), None) => note.clone(),
            _ => self
                .articles
                .get(&fact.article)
                .map(|a| a.title.clone())
                .unwrap_or_else(|| "unknown article".to_string()),
        };
        SourceRef {
            paragraph: fact.paragraph,
            quote: fact.quote.clone(),
            title,
        }
    }

    /// Up to `limit` known phrasings matching what was typed so far.
    pub fn suggest(&self, partial: &str, limit: usize) -> Vec<Suggestion> {
        let mut out: Vec<Suggestion> = Vec::new();
        for (target, i) in self.index.complete(partial, limit) {
            let Target::Fact(id) = target else { continue };
            let Some(q) = self.facts.get(&id).and_then(|f| f.questions.get(i)) else {
                continue;
            };
            if out.iter().any(|s| s.question == *q) {
                continue;
            }
            out.push(Suggestion {
                fact_id: id,
                question: q.clone(),
            });
        }
        out
    }

    pub fn fact(&self, id: FactId) -> Option<&Fact> {
        self.facts.get(&id)
    }

    /// How many facts are in force.
    pub fn fact_count(&self) -> usize {
        self.facts.len()
    }

    pub fn article(&self, id: ArticleId) -> Option<&ArticleMeta> {
        self.articles.get(&id)
    }

    pub fn articles(&self) -> impl Iterator<Item = &ArticleMeta> {
        self.articles.values()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }
}

fn unreachable_fact() -> ! {
    unreachable!("chosen is filtered to facts")
}

/// Confidence to three places, so output is stable and readable.
fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

#[derive(Debug, thiserror::Error)]
pub enum BuiltinError {
    #[error(transparent)]
    Article(#[from] crate::article::ArticleError),
    #[error(transparent)]
    Extract(#[from] crate::extract::ExtractError),
    #[error(transparent)]
    Lexicon(#[from] crate::lexicon::LexiconError),
}

/// The shipped article's facts numbered from 1 as a fresh store numbers
/// them, for tests and benchmarks that need no store.
pub fn builtin_facts() -> Result<(ArticleMeta, Vec<Fact>), BuiltinError> {
    let article = crate::article::Article::builtin()?;
    let meta = ArticleMeta {
        id: ArticleId(1),
        title: article.meta.title.clone(),
        date: article.meta.date.clone(),
    };
    let facts = crate::extract::builtin_facts(&article)?
        .into_iter()
        .enumerate()
        .map(|(i, f)| Fact {
            id: FactId(i as i64 + 1),
            key: f.key,
            article: ArticleId(1),
            paragraph: f.paragraph,
            quote: f.quote,
            answer: f.answer,
            kind: f.kind,
            speaker: f.speaker,
            questions: f.questions,
            source_note: f.source_note,
            origin: f.origin,
            version: 1,
            retired: false,
        })
        .collect();
    Ok((meta, facts))
}

/// An engine over the shipped article, with no store.
pub fn builtin(settings: Settings) -> Result<Engine, BuiltinError> {
    let (meta, facts) = builtin_facts()?;
    let gaps = crate::extract::builtin_gaps()?;
    let lexicon = Arc::new(Lexicon::builtin()?);
    Ok(Engine::new(vec![meta], facts, gaps, lexicon, settings))
}
