//! The engine over the shipped article, with no store: for tests,
//! benchmarks, fitting and the fuzzer.

use std::sync::Arc;

use crate::fact::{ArticleId, ArticleMeta, Fact, FactId};
use crate::lexicon::Lexicon;
use crate::matcher::decide::{self, Model};

use super::{Engine, Settings};

#[derive(Debug, thiserror::Error)]
pub enum BuiltinError {
    #[error(transparent)]
    Article(#[from] crate::article::ArticleError),
    #[error(transparent)]
    Extract(#[from] crate::extract::ExtractError),
    #[error(transparent)]
    Lexicon(#[from] crate::lexicon::LexiconError),
    #[error(transparent)]
    Decision(#[from] decide::DecisionError),
}

/// New facts of one article numbered from 1 as a fresh store numbers them,
/// for tests, benchmarks and fitting that need no store.
pub fn numbered(article: ArticleId, facts: Vec<crate::extract::NewFact>) -> Vec<Fact> {
    facts
        .into_iter()
        .enumerate()
        .map(|(i, f)| Fact {
            id: FactId(i as i64 + 1),
            key: f.key,
            article,
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
        .collect()
}

/// The shipped article's facts numbered from 1 as a fresh store numbers
/// them, for [`builtin`].
fn builtin_facts() -> Result<(ArticleMeta, Vec<Fact>), BuiltinError> {
    let article = crate::article::Article::builtin()?;
    let meta = ArticleMeta {
        id: ArticleId(1),
        title: article.meta.title.clone(),
        date: article.meta.date.clone(),
    };
    let facts = numbered(ArticleId(1), crate::extract::builtin_facts(&article)?);
    Ok((meta, facts))
}

/// An engine over the shipped article, with no store.
pub fn builtin(settings: Settings) -> Result<Engine, BuiltinError> {
    let (meta, facts) = builtin_facts()?;
    let gaps = crate::extract::builtin_gaps()?;
    let lexicon = Arc::new(Lexicon::builtin()?);
    let model = Model::builtin()?;
    Ok(Engine::new(
        vec![meta],
        facts,
        gaps,
        lexicon,
        model,
        settings,
    ))
}
