//! Changing an index in place: a fact added, edited, retired or restored
//! costs its own doc and its article's weights, not a build of every doc
//! (seconds at 100,000 facts).
//!
//! Exact: the index after a change answers as one built from the docs now
//! in force would (tested over random edits). What makes that hold:
//! - every weight is worked out within one article (`LocalIdf`), so a
//!   change touches only its article's idfs, phrasing weights, unknown-word
//!   weight and background names, which `settle` works out again;
//! - a doc taken out keeps its slot (dead, with no postings), so the docs
//!   after it keep their numbers, and ties between docs, broken by number,
//!   fall as in a build; facts' docs come after the gaps', by fact id, so a
//!   new fact (the newest id) goes last, as a build would put it;
//! - what only dead docs used is forgotten as a build would never have
//!   known it: a term without postings, a surface without users
//!   (`surface_refs`), a term no answer or quote holds any more
//!   (`in_text`).
//!
//! A fact that would go anywhere but a slot of its own or the end (one
//! restored after it was retired before the index was built), or of an
//! article the index has never seen, cannot be placed: the caller builds.

use super::{
    entity_term, DocInput, HashMap, HashSet, Index, Target, TermId, BACKGROUND_SHARE, UNKNOWN_SCALE,
};
use crate::fact::{ArticleId, FactId};

/// Why a change could not be made in place: the caller builds the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Unplaced {
    #[error("the fact would go between two others")]
    Between,
    #[error("the index has no doc of the fact's article")]
    NewArticle,
}

impl Index {
    /// Fact `id`'s slot (`Ok`: in force or taken out), or where its doc
    /// would go (`Err`). Facts' docs follow the gaps', by id.
    pub fn fact_slot(&self, id: FactId) -> Result<u32, u32> {
        let first = self.gap_docs as usize;
        self.docs.targets()[first..]
            .binary_search_by_key(&id, |t| match *t {
                Target::Fact(f) => f,
                Target::Gap(_) => FactId(i64::MIN),
            })
            .map(|i| (first + i) as u32)
            .map_err(|i| (first + i) as u32)
    }

    /// Whether doc `slot` is in force.
    pub fn in_force(&self, slot: u32) -> bool {
        (slot as usize) < self.docs.len() && !self.docs.dead(slot as usize)
    }

    /// Whether the index has a doc (in force or not) of `article`: a doc
    /// of an article it has none of cannot be put in place.
    pub fn knows_article(&self, article: ArticleId) -> bool {
        self.dense(article).is_some()
    }

    /// The article's dense number, when the index has a doc of it.
    fn dense(&self, article: ArticleId) -> Option<u32> {
        self.docs
            .articles()
            .iter()
            .position(|&a| a == article)
            .map(|i| self.article_of[i])
    }

    /// Takes doc `slot` (made from `was`) out. Call [`Index::settle`]
    /// after the last change.
    pub fn take_out(&mut self, slot: u32, was: &DocInput) {
        let i = slot as usize;
        if self.docs.dead(i) {
            return;
        }
        let terms = self.doc_terms(i);
        for &t in &terms {
            let list = &mut self.postings[t as usize].0;
            if let Ok(at) = list.binary_search_by_key(&slot, |p| p.0) {
                list.remove(at);
            }
        }
        let body = self.docs.get(i).body.terms.clone();
        self.count_words(was, &body, -1);
        self.docs.kill(i);
        self.dirty
            .entry(self.article_of[i])
            .or_default()
            .extend(terms);
    }

    /// Puts the doc of `input` in `slot`: a dead doc's, or the one after
    /// the last. Call [`Index::settle`] after the last change.
    pub fn put(&mut self, slot: u32, input: &DocInput) -> Result<(), Unplaced> {
        let i = slot as usize;
        if i > self.docs.len() || (i < self.docs.len() && !self.docs.dead(i)) {
            return Err(Unplaced::Between);
        }
        let a = self.dense(input.article).ok_or(Unplaced::NewArticle)?;
        let (doc, strength) = self.make_doc(input);
        for (t, s) in strength {
            let list = &mut self.postings[t as usize].0;
            let at = list.partition_point(|p| p.0 < slot);
            list.insert(at, (slot, s, 0.0));
        }
        self.count_words(input, &doc.body.terms, 1);
        if i == self.docs.len() {
            self.article_of.push(a);
        } else {
            self.article_of[i] = a;
        }
        self.docs.put(i, doc);
        self.dirty.entry(a).or_default();
        Ok(())
    }

    /// Puts the doc of `input` in `slot` in place of the one made from
    /// `was`: as [`Index::take_out`] then [`Index::put`], but a term both
    /// hold keeps its posting (changed in place: a common word's postings
    /// are long, and the shipped article's docs come first in them).
    pub fn replace(&mut self, slot: u32, was: &DocInput, input: &DocInput) -> Result<(), Unplaced> {
        let i = slot as usize;
        if i >= self.docs.len() || self.docs.dead(i) {
            return Err(Unplaced::Between);
        }
        let a = self.dense(input.article).ok_or(Unplaced::NewArticle)?;
        let old_terms = self.doc_terms(i);
        let old_body = self.docs.get(i).body.terms.clone();
        self.count_words(was, &old_body, -1);
        let (doc, strength) = self.make_doc(input);
        for &(t, s) in &strength {
            let list = &mut self.postings[t as usize].0;
            match list.binary_search_by_key(&slot, |p| p.0) {
                Ok(at) => list[at].1 = s,
                Err(at) => list.insert(at, (slot, s, 0.0)),
            }
        }
        // A doc moved to another article takes every term from the old.
        let moved = self.article_of[i] != a;
        let mut gone = Vec::new();
        for t in old_terms {
            let kept = strength.binary_search_by_key(&t, |&(t, _)| t).is_ok();
            if moved {
                gone.push(t);
            }
            if !kept {
                let list = &mut self.postings[t as usize].0;
                if let Ok(at) = list.binary_search_by_key(&slot, |p| p.0) {
                    list.remove(at);
                }
                if !moved {
                    gone.push(t);
                }
            }
        }
        self.count_words(input, &doc.body.terms, 1);
        self.dirty
            .entry(self.article_of[i])
            .or_default()
            .extend(gone);
        self.docs.put(i, doc);
        self.article_of[i] = a;
        self.dirty.entry(a).or_default();
        Ok(())
    }

    /// Works out again, for each article changed since the last call,
    /// what hangs on its docs as a whole: its terms' idfs (in the postings
    /// too), its phrasing weights, what a word it lacks weighs, and the
    /// names in its background.
    pub fn settle(&mut self) {
        for (a, gone) in std::mem::take(&mut self.dirty) {
            self.reweigh(a, gone);
        }
    }

    fn reweigh(&mut self, a: u32, gone: HashSet<TermId>) {
        let docs: Vec<usize> = (0..self.docs.len())
            .filter(|&d| self.article_of[d] == a && !self.docs.dead(d))
            .collect();
        let n = docs.len() as f32;
        self.article_unknown[a as usize] = UNKNOWN_SCALE * (1.0 + (n + 0.5) / 0.5).ln();
        let terms: Vec<Vec<TermId>> = docs.iter().map(|&d| self.doc_terms(d)).collect();
        let mut df: HashMap<TermId, f32> = HashMap::default();
        for &t in terms.iter().flatten() {
            *df.entry(t).or_insert(0.0) += 1.0;
        }
        let idf: HashMap<TermId, f32> = df
            .iter()
            .map(|(&t, &df)| (t, (1.0 + (n - df + 0.5) / (df + 0.5)).ln()))
            .collect();
        for (&t, &v) in &idf {
            self.local_idf.set(t, a, Some(v));
        }
        for t in gone {
            if !idf.contains_key(&t) {
                self.local_idf.set(t, a, None);
            }
        }
        for (&d, terms) in docs.iter().zip(&terms) {
            for &t in terms {
                let list = &mut self.postings[t as usize].0;
                if let Ok(at) = list.binary_search_by_key(&(d as u32), |p| p.0) {
                    list[at].2 = idf[&t];
                }
            }
        }
        for &d in &docs {
            self.weigh_phrasings(d);
        }
        // Background names: those at least half its docs mention.
        let Some(article) = (0..self.docs.len())
            .find(|&d| self.article_of[d] == a)
            .map(|d| self.docs.articles()[d])
        else {
            return;
        };
        let mut mentions: HashMap<usize, usize> = HashMap::default();
        for &d in &docs {
            for &e in &self.docs.get(d).entities {
                *mentions.entry(e).or_default() += 1;
            }
        }
        let set = mentions
            .into_iter()
            .filter(|&(_, c)| c as f32 >= BACKGROUND_SHARE * docs.len() as f32)
            .map(|(e, _)| e)
            .collect();
        self.background.insert(article, set);
    }

    /// The terms doc `i` has postings for: its phrasings', its answer's
    /// and quote's, and the names its names stand for; ascending.
    fn doc_terms(&self, i: usize) -> Vec<TermId> {
        let d = self.docs.get(i);
        let mut terms: Vec<TermId> = d
            .phrasings
            .iter()
            .chain(std::iter::once(&d.body))
            .flat_map(|p| p.terms.iter().copied())
            .chain(
                d.related
                    .iter()
                    .filter_map(|&r| self.terms.get(&entity_term(&self.lexicon, r)).copied()),
            )
            .collect();
        terms.sort_unstable();
        terms.dedup();
        terms
    }
}
