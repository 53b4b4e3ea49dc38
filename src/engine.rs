//! The answering engine: the facts in force, the index over them, and the
//! one call every edge makes, `ask`. Pure: built from values the store
//! loaded, rebuilt (cheaply) when facts change.

use std::collections::HashMap;
use std::sync::Arc;

use crate::answer::Reply;
use crate::extract::Gap;
use crate::fact::{ArticleId, ArticleMeta, Fact, FactId};
use crate::lexicon::Lexicon;

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
    lexicon: Arc<Lexicon>,
    settings: Settings,
}

impl Engine {
    /// Builds the engine over the facts in force (retired facts are skipped).
    pub fn new(
        articles: Vec<ArticleMeta>,
        facts: Vec<Fact>,
        gaps: Vec<Gap>,
        lexicon: Arc<Lexicon>,
        settings: Settings,
    ) -> Self {
        Engine {
            articles: articles.into_iter().map(|a| (a.id, a)).collect(),
            facts: facts.into_iter().filter(|f| !f.retired).map(|f| (f.id, f)).collect(),
            gaps,
            lexicon,
            settings,
        }
    }

    /// Answers one question (or declines, with the nearest topics).
    pub fn ask(&self, question: &str) -> Reply {
        let _ = (&self.gaps, &self.lexicon, &self.settings);
        Reply::invalid(question, "the matcher is not built yet")
    }

    /// Up to `limit` known phrasings matching what was typed so far.
    pub fn suggest(&self, partial: &str, limit: usize) -> Vec<Suggestion> {
        let _ = (partial, limit);
        Vec::new()
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

    pub fn settings(&self) -> &Settings {
        &self.settings
    }
}
