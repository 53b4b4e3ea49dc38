//! Writes the decision stage's training rows: for every question of a
//! labelled set, the candidate facts the engine weighs, each with its
//! features and whether answering with it would be graded right (the rule
//! of `../shared/eval/grade.py`, as `summit_bot::eval::judge`).
//! `scripts/fit_decision.py` fits `data/decision.toml` from these rows.
//!
//!     decision_features SET.jsonl [ARTICLE.txt] > rows.jsonl
//!
//! Without ARTICLE the questions are asked of the shipped article with its
//! curated facts and gaps (the phrasings learned from SET itself left
//! out); with it, of that article alone, uncurated (one
//! fact per sentence), as `ingest` would store it.

use std::sync::Arc;

use anyhow::Context;
use summit_bot::answer::{Reply, SourceRef};
use summit_bot::article::{Article, Meta};
use summit_bot::engine::{self, Engine, Settings};
use summit_bot::fact::{ArticleId, ArticleMeta};
use summit_bot::lexicon::Lexicon;
use summit_bot::matcher::decide::Model;

fn uncurated(path: &str) -> anyhow::Result<Engine> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    let meta = Meta {
        title: path.to_string(),
        date: None,
        publisher: None,
    };
    let article = Article::parse(meta, &text)?;
    let facts = engine::numbered(ArticleId(1), summit_bot::extract::sentence_facts(&article));
    let meta = ArticleMeta {
        id: ArticleId(1),
        title: path.to_string(),
        date: None,
    };
    Ok(Engine::new(
        vec![meta],
        facts,
        Vec::new(),
        Arc::new(Lexicon::builtin()?),
        Model::builtin()?,
        Settings::default(),
    ))
}

/// The shipped article with its curated facts and gaps, the phrasings
/// learned from the set `set` left out: its questions are asked as unseen.
fn curated(set: &str) -> anyhow::Result<Engine> {
    let article = Article::builtin()?;
    let meta = ArticleMeta {
        id: ArticleId(1),
        title: article.meta.title.clone(),
        date: article.meta.date.clone(),
    };
    let facts = summit_bot::extract::builtin_facts_learned_except(&article, Some(set))?;
    Ok(Engine::new(
        vec![meta],
        engine::numbered(ArticleId(1), facts),
        summit_bot::extract::builtin_gaps_learned_except(Some(set))?,
        Arc::new(Lexicon::builtin()?),
        Model::builtin()?,
        Settings::default(),
    ))
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(set) = args.first() else {
        anyhow::bail!("usage: decision_features SET.jsonl [ARTICLE.txt]");
    };
    let text = std::fs::read_to_string(set).with_context(|| format!("reading {set}"))?;
    let questions = summit_bot::eval::parse_questions(&text)?;
    let engine = match args.get(1) {
        Some(article) => uncurated(article)?,
        None => {
            let name = std::path::Path::new(set)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            curated(name)?
        }
    };
    for q in &questions {
        let readings = engine.read(&q.question);
        let cands: Vec<serde_json::Value> = readings
            .iter()
            .flat_map(|r| &r.considered)
            .filter_map(|c| {
                let fact = engine.fact(c.fact_id)?;
                let reply = Reply {
                    taking: None,
                    question: q.question.clone(),
                    answered: true,
                    answer: Some(fact.answer.clone()),
                    confidence: 1.0,
                    fact_id: Some(fact.id),
                    sources: vec![SourceRef {
                        paragraph: fact.paragraph,
                        quote: fact.quote.clone(),
                        title: String::new(),
                    }],
                    alternatives: Vec::new(),
                    error: None,
                    note: None,
                    why: None,
                };
                let right = summit_bot::eval::judge(q, &reply).is_ok();
                Some(serde_json::json!({
                    "fact": fact.id.0,
                    "key": fact.key,
                    "kind": fact.kind.as_str(),
                    "origin": fact.origin.as_str(),
                    "rank": c.rank,
                    "phrased": c.phrased,
                    "ruled_out": c.ruled_out,
                    "right": right,
                    "x": c.features.to_vec(),
                }))
            })
            .collect();
        let row = serde_json::json!({
            "id": q.id,
            "kind": q.kind,
            "answerable": q.answerable,
            "question": q.question,
            "cands": cands,
        });
        println!("{row}");
    }
    Ok(())
}
