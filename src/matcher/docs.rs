//! The index's docs by slot, each decoded from its saved bytes only when
//! first wanted.
//!
//! A question reads the docs its words find, a few hundred at most, while
//! a large store holds hundreds of thousands: decoding all of them (a
//! dozen allocations each) was more than half of a 100,000-fact start.
//! Read back, the docs stay as the bytes they were saved as; what scans
//! over every doc ask of them (what each stands for, its article, whether
//! it was taken out) is kept decoded beside them. A doc decoded once stays
//! decoded ([`Lazy`]).

use serde::{Deserialize, Serialize};

use super::bigrams::Bigrams;
use super::meaning::Meanings;
use super::{Doc, Measures, Phrasing, Target};
use crate::fact::{AnswerKind, ArticleId};
use crate::lazy::{Bytes, Lazy};

#[derive(Default)]
pub(super) struct Docs {
    /// Per slot: what the doc stands for, and its article.
    targets: Vec<Target>,
    articles: Vec<ArticleId>,
    /// Per slot: the kinds of answer the doc's answer gives ([`Doc::gives`]),
    /// to tell apart candidates a question's words cover equally.
    gives: Vec<u8>,
    /// Per slot: taken out by a change (`update`): no postings, never a
    /// candidate; its slot stays so the docs after it keep their numbers.
    dead: Vec<bool>,
    /// Per slot: the doc.
    docs: Lazy<Doc>,
}

impl Docs {
    pub(super) fn len(&self) -> usize {
        self.targets.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// Adds `doc` in the next slot.
    pub(super) fn push(&mut self, doc: Doc) {
        self.targets.push(doc.target);
        self.articles.push(doc.article);
        self.gives.push(doc.gives());
        self.dead.push(false);
        self.docs.push(doc);
    }

    /// Puts `doc` in slot `i` (in force), in place of what was there, or
    /// in the next slot when `i` is the count.
    pub(super) fn put(&mut self, i: usize, doc: Doc) {
        if i == self.len() {
            self.push(doc);
            return;
        }
        self.targets[i] = doc.target;
        self.articles[i] = doc.article;
        self.gives[i] = doc.gives();
        self.dead[i] = false;
        self.docs.set(i, doc);
    }

    /// Takes slot `i` out; it keeps its doc.
    pub(super) fn kill(&mut self, i: usize) {
        self.dead[i] = true;
    }

    /// Whether slot `i` was taken out (false for a slot there is not).
    pub(super) fn dead(&self, i: usize) -> bool {
        self.dead.get(i).copied().unwrap_or(false)
    }

    /// What slot `i`'s doc stands for, without decoding it.
    pub(super) fn target(&self, i: usize) -> Target {
        self.targets[i]
    }

    /// The kinds of answer slot `i`'s doc gives, without decoding it.
    pub(super) fn gives(&self, i: usize) -> u8 {
        self.gives[i]
    }

    /// Every slot's target, in slot order.
    pub(super) fn targets(&self) -> &[Target] {
        &self.targets
    }

    /// Every slot's article, in slot order.
    pub(super) fn articles(&self) -> &[ArticleId] {
        &self.articles
    }

    /// Whether a saved doc did not decode ([`Lazy::damaged`]).
    pub(super) fn damaged(&self) -> bool {
        self.docs.damaged()
    }

    /// Slot `i`'s doc, decoded if need be. A doc whose saved bytes do not
    /// decode (never expected: the file's checksum held and the same build
    /// wrote it) is said in the log and stands as a doc with no words,
    /// which no question finds.
    pub(super) fn get(&self, i: usize) -> &Doc {
        let (target, article) = (self.targets[i], self.articles[i]);
        self.docs.get_or(
            i,
            |d| d.target == target && d.article == article,
            || wordless(target, article),
        )
    }

    /// Slot `i`'s doc to change (its phrasings' weights), decoded if need
    /// be. What it stands for and its article stay as they are.
    pub(super) fn get_mut(&mut self, i: usize) -> &mut Doc {
        let (target, article) = (self.targets[i], self.articles[i]);
        self.docs.get_mut_or(
            i,
            |d| d.target == target && d.article == article,
            || wordless(target, article),
        )
    }
}

/// A doc holding no words: what a doc stands as when it does not decode.
fn wordless(target: Target, article: ArticleId) -> Doc {
    let nothing = || Phrasing {
        terms: Vec::new(),
        weight: 0.0,
        want: None,
        bigrams: Bigrams::default(),
    };
    Doc {
        target,
        article,
        kind: AnswerKind::Thing,
        has_number: false,
        has_time: false,
        time_ahead: false,
        states: Measures::default(),
        speakers: Vec::new(),
        entities: Vec::new(),
        related: Vec::new(),
        phrasings: Vec::new(),
        holders: None,
        body: nothing(),
        meanings: Meanings::default(),
        words: Vec::new(),
        clues: Vec::new(),
    }
}

/// How docs are saved: what scans ask of them as arrays, each doc as its
/// own postcard bytes.
#[derive(Serialize, Deserialize)]
struct SavedDocs {
    targets: Vec<Target>,
    #[serde(with = "crate::packed::vec")]
    articles: Vec<i64>,
    #[serde(with = "crate::packed::vec")]
    gives: Vec<u8>,
    #[serde(with = "crate::packed::vec")]
    dead: Vec<u8>,
    #[serde(with = "crate::packed::vec")]
    ends: Vec<u64>,
    encoded: Bytes,
}

impl Serialize for Docs {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (ends, encoded) = self.docs.encode().map_err(serde::ser::Error::custom)?;
        SavedDocs {
            targets: self.targets.clone(),
            articles: self.articles.iter().map(|a| a.0).collect(),
            gives: self.gives.clone(),
            dead: self.dead.iter().map(|&d| u8::from(d)).collect(),
            ends,
            encoded: Bytes::Owned(encoded),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Docs {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let saved = SavedDocs::deserialize(deserializer)?;
        let n = saved.targets.len();
        match Lazy::decoded_later(&saved.ends, saved.encoded) {
            Some(docs)
                if saved.articles.len() == n
                    && saved.gives.len() == n
                    && saved.dead.len() == n
                    && docs.len() == n =>
            {
                Ok(Docs {
                    targets: saved.targets,
                    articles: saved.articles.into_iter().map(ArticleId).collect(),
                    gives: saved.gives,
                    dead: saved.dead.into_iter().map(|d| d != 0).collect(),
                    docs,
                })
            }
            _ => Err(serde::de::Error::custom(
                "the saved docs do not fit together",
            )),
        }
    }
}
