//! The answering engine: the facts in force, the index over them, and the
//! one call every edge makes, `ask`. Pure: built from values the store
//! loaded, rebuilt (cheaply) when facts change.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::answer::{Alternative, Reply, SourceRef};
use crate::extract::Gap;
use crate::fact::{AnswerKind, ArticleId, ArticleMeta, Fact, FactId};
use crate::lexicon::Lexicon;
use crate::matcher::decide::{self, Candidate, Model};
use crate::matcher::focus;
use crate::matcher::social::{self, Social};
use crate::matcher::{DocInput, Factors, Found, Index, Query, Scored, Target, Want};

/// Tunables the config file sets.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Below this confidence the bot declines (0..1).
    pub threshold: f64,
    /// Longer questions are refused as input errors.
    pub max_question_chars: usize,
}

/// The threshold `scripts/fit_decision.py` chose for precision, as
/// `data/decision.json` and `config/default.toml` give it (a test keeps the
/// three equal).
pub const FITTED_THRESHOLD: f64 = 0.72;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            threshold: FITTED_THRESHOLD,
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
    /// The article the gaps were written for.
    gap_article: ArticleId,
    /// Articles with at least one fact people's phrasings point to.
    curated: HashSet<ArticleId>,
    index: Index,
    model: Model,
    settings: Settings,
}

/// How many alternatives a reply offers.
const ALTERNATIVES: usize = 3;
/// How far past the answer to look for distinct alternatives.
const SEARCH_DEPTH: usize = 12;
/// How many of the best-ranked facts the decision weighs: the right fact
/// is nearly always among them, and each costs a feature vector.
const DECIDE_DEPTH: usize = 6;
/// A known gap is named in a decline when it matches at least this well.
const GAP_NOTE: f32 = 0.5;

/// One reading of a message: what the matcher found and how the decision
/// weighed each candidate fact.
#[derive(Debug, Clone)]
pub struct Reading {
    pub found: Found,
    pub considered: Vec<Considered>,
}

/// A candidate fact as the decision saw it.
#[derive(Debug, Clone)]
pub struct Considered {
    pub fact_id: FactId,
    /// Its place in the matcher's ranking.
    pub rank: usize,
    pub features: [f32; decide::FEATURES.len()],
    pub phrased: bool,
    /// That answering with it is right.
    pub probability: f32,
}

impl Considered {
    /// The features that moved the probability, for `why`.
    fn explain(&self) -> String {
        decide::FEATURES
            .iter()
            .zip(&self.features)
            .filter(|(_, &x)| x != 0.0)
            .map(|(n, x)| format!("{n} {x:.2}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Engine {
    /// Builds the engine over the facts in force (retired facts are skipped).
    pub fn new(
        articles: Vec<ArticleMeta>,
        facts: Vec<Fact>,
        gaps: Vec<Gap>,
        lexicon: Arc<Lexicon>,
        model: Model,
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
        let curated = facts
            .values()
            .filter(|f| !f.questions.is_empty())
            .map(|f| f.article)
            .collect();
        Engine {
            articles: articles.into_iter().map(|a| (a.id, a)).collect(),
            facts,
            gaps,
            gap_article: first_article,
            curated,
            index,
            model,
            settings,
        }
    }

    /// Answers one question (or declines, with the nearest topics).
    pub fn ask(&self, question: &str) -> Reply {
        if let Some(refused) = Reply::unusable(question, self.settings.max_question_chars) {
            return refused;
        }
        if let Some(kind) = social::read(question) {
            return self.small_talk(question, kind);
        }
        let readings = self.read(question);
        // The reading whose best candidate the decision trusts most.
        let top = |r: &Reading| {
            r.considered
                .iter()
                .map(|c| c.probability)
                .fold(f32::NEG_INFINITY, f32::max)
        };
        let Some(reading) = readings
            .iter()
            .reduce(|a, b| if top(b) > top(a) { b } else { a })
        else {
            return Reply::invalid(question, "The question is empty.");
        };
        let found = &reading.found;
        let read = self.index.explain(&found.query);
        let best_gap = found
            .ranked
            .iter()
            .find(|s| matches!(s.target, Target::Gap(_)));
        let best = reading
            .considered
            .iter()
            .max_by(|a, b| a.probability.total_cmp(&b.probability));
        let threshold = self.settings.threshold as f32;
        // An article nobody curated answers from bare sentences only, whose
        // evidence is weaker: it must clear the model's stricter threshold.
        let needed = |c: &Considered| {
            let curated = self
                .facts
                .get(&c.fact_id)
                .is_some_and(|f| self.curated.contains(&f.article));
            if curated {
                threshold
            } else {
                self.model.sentence_threshold(threshold)
            }
        };
        match best.filter(|c| c.probability >= needed(c)) {
            Some(c) => {
                let s = &found.ranked[c.rank];
                let Some(fact) = self.facts.get(&c.fact_id) else {
                    return self.decline(question, reading, None, &read);
                };
                Reply {
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
            None => {
                let best_fact = found
                    .ranked
                    .iter()
                    .find(|s| matches!(s.target, Target::Fact(_)));
                let gap = best_gap
                    .filter(|g| {
                        g.confidence >= GAP_NOTE
                            && best_fact.is_none_or(|f| g.confidence > f.confidence)
                    })
                    .and_then(|g| match g.target {
                        Target::Gap(i) => self.gaps.get(i),
                        Target::Fact(_) => None,
                    });
                self.decline(question, reading, gap, &read)
            }
        }
    }

    /// The ways of reading a message: whole, and (when it holds more than
    /// its question) by its question clause; each searched and weighed.
    pub fn read(&self, question: &str) -> Vec<Reading> {
        std::iter::once(question.to_string())
            .chain(focus::focus(question))
            .enumerate()
            .map(|(i, text)| {
                let found = self.index.search(&text, SEARCH_DEPTH);
                let considered = self.consider(&found, i > 0);
                Reading { found, considered }
            })
            .collect()
    }

    /// Every fact among the best-ranked, with its features and the
    /// probability that answering with it is right.
    fn consider(&self, found: &Found, focused: bool) -> Vec<Considered> {
        // Each article's candidates are weighed among themselves (runners-up,
        // known gaps), so other articles' facts change nothing about how one
        // article's facts are judged.
        let mut groups: Vec<(ArticleId, Vec<(usize, Candidate)>)> = Vec::new();
        for (rank, s) in found.ranked.iter().enumerate() {
            let Target::Fact(id) = s.target else { continue };
            let Some(fact) = self.facts.get(&id) else {
                continue;
            };
            let i = match groups.iter().position(|(a, _)| *a == fact.article) {
                Some(i) => i,
                None => {
                    groups.push((fact.article, Vec::new()));
                    groups.len() - 1
                }
            };
            if groups[i].1.len() < DECIDE_DEPTH {
                groups[i].1.push((
                    rank,
                    Candidate {
                        scored: s,
                        factors: self.index.evidence(&found.query, s),
                        paragraph: fact.paragraph,
                    },
                ));
            }
        }
        let gap = found
            .ranked
            .iter()
            .find(|s| matches!(s.target, Target::Gap(_)))
            .map_or(0.0, |g| g.confidence);
        let mut out = Vec::new();
        for (article, facts) in &groups {
            let gap = if *article == self.gap_article {
                gap
            } else {
                0.0
            };
            let cands: Vec<Candidate> = facts.iter().map(|(_, c)| *c).collect();
            for (i, (rank, c)) in facts.iter().enumerate() {
                let Target::Fact(fact_id) = c.scored.target else {
                    continue;
                };
                let features = decide::features(&found.query, &cands, i, gap, focused);
                // "What did X say" is answered only from X's own words.
                let probability = if c.scored.factors.speaker_wrong {
                    0.0
                } else {
                    self.model.probability(&features)
                };
                out.push(Considered {
                    fact_id,
                    rank: *rank,
                    probability,
                    features,
                    phrased: c.factors.phrased,
                });
            }
        }
        out
    }

    /// The reply to a greeting, thanks, goodbye or request for help: what
    /// the bot does, and questions to try. Never a fact.
    fn small_talk(&self, question: &str, kind: Social) -> Reply {
        let mut titles: Vec<&ArticleMeta> = self.articles.values().collect();
        titles.sort_by_key(|a| a.id);
        let about = match titles.as_slice() {
            [one] => format!("the article “{}”", one.title),
            many => format!("{} articles", many.len()),
        };
        let note = match kind {
            Social::Greeting => format!(
                "Hi! I answer questions about {about}, with the quote and paragraph each \
                 answer rests on. Ask in your own words, or try one of these."
            ),
            Social::Thanks => format!("You're welcome! Ask me anything else about {about}."),
            Social::Goodbye => format!("Bye! Come back with more questions about {about}."),
            Social::Help => format!(
                "I answer questions about {about}: a short answer, the quote it rests on and \
                 its paragraph. When the article has no answer, I say so and show what it \
                 does cover. Ask in your own words, or try one of these."
            ),
        };
        // A spread of phrased facts, the same every time.
        let mut phrased: Vec<&Fact> = self
            .facts
            .values()
            .filter(|f| !f.questions.is_empty())
            .collect();
        phrased.sort_by_key(|f| f.id);
        let step = (phrased.len() / ALTERNATIVES).max(1);
        let suggest = matches!(kind, Social::Greeting | Social::Help);
        let alternatives = phrased
            .iter()
            .step_by(step)
            .take(if suggest { ALTERNATIVES } else { 0 })
            .map(|f| Alternative {
                fact_id: f.id,
                question: self.label(f),
                confidence: 0.0,
            })
            .collect();
        Reply {
            question: question.to_string(),
            answered: false,
            answer: None,
            confidence: 0.0,
            fact_id: None,
            sources: Vec::new(),
            alternatives,
            error: None,
            note: Some(note),
            why: Some(format!("small talk: {kind:?}")),
        }
    }

    fn decline(&self, question: &str, reading: &Reading, gap: Option<&Gap>, read: &str) -> Reply {
        let ranked = &reading.found.ranked;
        // The confidence shown is the best candidate's probability of being
        // right: below the threshold, or the bot would have answered.
        let best = reading
            .considered
            .iter()
            .map(|c| c.probability)
            .fold(0.0, f32::max);
        let note = match gap {
            Some(g) => format!("The article doesn't say. {}", g.note),
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
        SourceRef::of(fact, self.articles.get(&fact.article))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        builtin(Settings::default()).expect("builtin engine")
    }

    /// The answer (or None when declined) and the cited paragraph.
    fn ask(e: &Engine, q: &str) -> (Option<String>, Option<u32>) {
        let r = e.ask(q);
        (
            r.answer.clone(),
            r.sources.first().and_then(|s| s.paragraph),
        )
    }

    #[test]
    fn typos_and_name_variants_still_find_the_fact() {
        let e = engine();
        // (question, a word the answer must hold, the paragraph it cites)
        let cases = [
            ("how many obsevation posts has turky got in idlib", "12", 16),
            ("how many syrian refugess does turkey host", "3.5", 16),
            (
                "wot did erdgoan warn would happen if idleb gets shelled",
                "massacre",
                14,
            ),
            ("who did rouhanni meet ahead of the summit", "Erdogan", 3),
            ("what did de mistoura warn about", "civilians", 13),
            ("how many al-qaida linked fightrs in idlib", "10,000", 13),
            ("who is the UN envoy", "de Mistura", 13),
            (
                "what's the kremlin want the talks to focus on",
                "stabili",
                19,
            ),
            (
                "what does Erdoğan say washington and moscow did",
                "evaded",
                17,
            ),
        ];
        for (q, want, para) in cases {
            let (answer, cited) = ask(&e, q);
            let answer = answer.unwrap_or_else(|| panic!("declined {q:?}"));
            assert!(
                answer.to_lowercase().contains(&want.to_lowercase()),
                "{q:?}: {answer:?} lacks {want:?}"
            );
            assert_eq!(cited, Some(para), "{q:?}: {answer:?}");
        }
    }

    #[test]
    fn declines_what_the_article_does_not_say() {
        let e = engine();
        let cases = [
            "what did angela merkel say about the summit",
            "macron's view on idlib?",
            "what was decided at the end of the tehran talks",
            "how many people have died in idlib",
            "what is the population of tehran",
            "how many refugees does russia host",
            "what did putin say to the press afterwards",
            "best pizza in rome?",
            "how do i center a div",
            "",
        ];
        for q in cases {
            let r = e.ask(q);
            assert!(
                !r.answered,
                "{q:?} answered: {:?} ({})",
                r.answer, r.confidence
            );
            assert!(r.sources.is_empty());
        }
    }

    #[test]
    fn declines_name_the_nearest_topics() {
        let e = engine();
        let r = e.ask("what did putin say about turkish refugees");
        assert!(!r.answered, "{:?}", r.answer);
        assert!(!r.alternatives.is_empty() && r.alternatives.len() <= 3);
        assert!(r.note.is_some());
    }

    #[test]
    fn an_answer_always_carries_its_source() {
        let e = engine();
        let article = crate::article::Article::builtin().expect("article");
        let r = e.ask("where is the summit held");
        assert!(r.answered);
        assert_eq!(
            r.answer.as_deref().map(|a| a.contains("Tehran")),
            Some(true)
        );
        let s = r.sources.first().expect("a source");
        let p = s
            .paragraph
            .and_then(|n| article.paragraph(n))
            .expect("paragraph");
        assert!(p.text.contains(&s.quote));
        assert_eq!(s.title, article.meta.title);
        assert!(r.confidence > 0.0 && r.confidence <= 1.0);
    }

    #[test]
    fn input_errors_are_plain_replies() {
        let e = engine();
        for q in ["", "   \n\t", &"x".repeat(5000)] {
            let r = e.ask(q);
            assert!(!r.answered);
            assert!(r.error.is_some(), "{q:?}");
        }
    }

    #[test]
    fn the_default_threshold_is_the_fitted_one() {
        let model = Model::builtin().expect("the shipped model loads");
        assert!((f64::from(model.threshold()) - FITTED_THRESHOLD).abs() < 1e-6);
    }

    #[test]
    fn autocomplete_offers_known_phrasings() {
        let e = engine();
        let s = e.suggest("observ", 25);
        assert!(!s.is_empty() && s.len() <= 25);
        assert!(
            s.iter()
                .any(|s| s.question.to_lowercase().contains("observation")),
            "{s:?}"
        );
        assert!(e.suggest("", 25).len() <= 25);
        let typo = e.suggest("refugess turkey", 25);
        assert!(
            typo.iter()
                .any(|s| s.question.to_lowercase().contains("refugee")),
            "{typo:?}"
        );
    }
}
