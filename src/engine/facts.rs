//! The facts in force, by id: what a reply quotes.
//!
//! Read back from a saved engine, each fact stays as the bytes it was
//! saved as until it is first wanted ([`Lazy`]): a question reads a
//! handful of facts, while a large store holds hundreds of thousands.
//! Which article a fact belongs to, and whether people's phrasings point
//! to it, are kept decoded: choosing among candidates asks them of many
//! facts.

use serde::{Deserialize, Serialize};

use crate::fact::{ArticleId, Fact, FactId};
use crate::lazy::{Bytes, Lazy};

pub(super) struct FactTable {
    /// Ascending.
    ids: Vec<FactId>,
    /// Per fact: its article.
    articles: Vec<ArticleId>,
    /// Per fact: whether it has phrasings.
    phrased: Vec<bool>,
    /// Per fact: the fact.
    facts: Lazy<Fact>,
}

impl FactTable {
    /// The table of `facts` (any order, ids distinct).
    pub(super) fn new(mut facts: Vec<Fact>) -> Self {
        facts.sort_by_key(|f| f.id);
        let mut table = FactTable {
            ids: facts.iter().map(|f| f.id).collect(),
            articles: facts.iter().map(|f| f.article).collect(),
            phrased: facts.iter().map(|f| !f.questions.is_empty()).collect(),
            facts: Lazy::default(),
        };
        for fact in facts {
            table.facts.push(fact);
        }
        table
    }

    /// Puts `fact` in, in place of the fact with its id if there is one.
    pub(super) fn put(&mut self, fact: Fact) {
        match self.ids.binary_search(&fact.id) {
            Ok(i) => {
                self.articles[i] = fact.article;
                self.phrased[i] = !fact.questions.is_empty();
                self.facts.set(i, fact);
            }
            Err(i) => {
                self.ids.insert(i, fact.id);
                self.articles.insert(i, fact.article);
                self.phrased.insert(i, !fact.questions.is_empty());
                self.facts.insert(i, fact);
            }
        }
    }

    /// Takes fact `id` out, if it is in force.
    pub(super) fn remove(&mut self, id: FactId) {
        if let Some(i) = self.position(id) {
            self.ids.remove(i);
            self.articles.remove(i);
            self.phrased.remove(i);
            self.facts.remove(i);
        }
    }

    /// Whether some fact of `article` has phrasings.
    pub(super) fn any_phrased(&self, article: ArticleId) -> bool {
        self.articles
            .iter()
            .zip(&self.phrased)
            .any(|(&a, &p)| p && a == article)
    }

    fn position(&self, id: FactId) -> Option<usize> {
        self.ids.binary_search(&id).ok()
    }

    /// The fact `id`, decoded if need be. None when there is no such
    /// fact in force (or, never expected, when its saved bytes do not
    /// decode: said in the log, and the fact is left out of replies).
    pub(super) fn get(&self, id: FactId) -> Option<&Fact> {
        let i = self.position(id)?;
        let article = self.articles[i];
        self.facts.get(i, |f| f.id == id && f.article == article)
    }

    /// The article of fact `id`, without decoding it.
    pub(super) fn article(&self, id: FactId) -> Option<ArticleId> {
        self.position(id).map(|i| self.articles[i])
    }

    /// The ids of article `article`'s facts, ascending (a scan of the
    /// articles, not of the facts: none is decoded).
    pub(super) fn of_article(&self, article: ArticleId) -> impl Iterator<Item = FactId> + '_ {
        self.ids
            .iter()
            .zip(&self.articles)
            .filter(move |&(_, &a)| a == article)
            .map(|(&id, _)| id)
    }

    /// The ids of the facts with phrasings, ascending.
    pub(super) fn phrased(&self) -> impl Iterator<Item = FactId> + '_ {
        self.ids
            .iter()
            .zip(&self.phrased)
            .filter(|&(_, &p)| p)
            .map(|(&id, _)| id)
    }

    /// Every fact, by id, each decoded if need be.
    #[cfg(test)]
    pub(super) fn values(&self) -> impl Iterator<Item = &Fact> + '_ {
        self.ids.iter().filter_map(|&id| self.get(id))
    }

    /// Whether a saved fact did not decode ([`Lazy::damaged`]).
    pub(super) fn damaged(&self) -> bool {
        self.facts.damaged()
    }

    /// How many facts are in force.
    pub(super) fn len(&self) -> usize {
        self.ids.len()
    }
}

/// How a table is saved: the ids, articles and phrased flags as arrays,
/// each fact as its own postcard bytes.
#[derive(Serialize, Deserialize)]
struct SavedTable {
    #[serde(with = "crate::packed::vec")]
    ids: Vec<i64>,
    #[serde(with = "crate::packed::vec")]
    articles: Vec<i64>,
    #[serde(with = "crate::packed::vec")]
    phrased: Vec<u8>,
    #[serde(with = "crate::packed::vec")]
    ends: Vec<u64>,
    encoded: Bytes,
}

impl Serialize for FactTable {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (ends, encoded) = self.facts.encode().map_err(serde::ser::Error::custom)?;
        SavedTable {
            ids: self.ids.iter().map(|id| id.0).collect(),
            articles: self.articles.iter().map(|a| a.0).collect(),
            phrased: self.phrased.iter().map(|&p| u8::from(p)).collect(),
            ends,
            encoded: Bytes::Owned(encoded),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for FactTable {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let saved = SavedTable::deserialize(deserializer)?;
        let n = saved.ids.len();
        let facts = Lazy::decoded_later(&saved.ends, saved.encoded);
        match facts {
            Some(facts)
                if saved.articles.len() == n
                    && saved.phrased.len() == n
                    && facts.len() == n
                    && saved.ids.windows(2).all(|w| w[0] < w[1]) =>
            {
                Ok(FactTable {
                    ids: saved.ids.into_iter().map(FactId).collect(),
                    articles: saved.articles.into_iter().map(ArticleId).collect(),
                    phrased: saved.phrased.into_iter().map(|p| p != 0).collect(),
                    facts,
                })
            }
            _ => Err(serde::de::Error::custom(
                "the saved facts do not fit together",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::{AnswerKind, Origin};

    fn fact(id: i64, article: i64, questions: &[&str]) -> Fact {
        Fact {
            id: FactId(id),
            key: None,
            article: ArticleId(article),
            paragraph: Some(1),
            quote: format!("Quote {id}."),
            answer: format!("Answer {id}"),
            kind: AnswerKind::Thing,
            speaker: None,
            questions: questions.iter().map(|q| q.to_string()).collect(),
            source_note: None,
            origin: Origin::Sentence,
            version: 1,
            retired: false,
        }
    }

    fn sample() -> FactTable {
        FactTable::new(vec![
            fact(7, 2, &[]),
            fact(3, 1, &["who?"]),
            fact(12, 2, &["when?"]),
        ])
    }

    fn round_trip(table: &FactTable) -> FactTable {
        postcard::from_bytes(&postcard::to_allocvec(table).expect("saves")).expect("reads back")
    }

    #[test]
    fn facts_read_back_are_the_facts_saved() {
        let built = sample();
        let back = round_trip(&built);
        for id in [3, 7, 12] {
            assert_eq!(back.get(FactId(id)), built.get(FactId(id)));
            assert_eq!(back.article(FactId(id)), built.article(FactId(id)));
        }
        assert_eq!(back.get(FactId(4)), None);
        assert_eq!(back.phrased().collect::<Vec<_>>(), [FactId(3), FactId(12)]);
        assert_eq!(back.len(), 3);
    }

    #[test]
    fn a_table_read_back_saves_the_same_bytes_decoded_or_not() {
        let built = sample();
        let saved = postcard::to_allocvec(&built).expect("saves");
        let back = round_trip(&built);
        assert_eq!(postcard::to_allocvec(&back).expect("saves"), saved);
        back.get(FactId(7));
        assert_eq!(postcard::to_allocvec(&back).expect("saves"), saved);
    }

    #[test]
    fn facts_that_do_not_fit_together_are_refused() {
        let mut saved: SavedTable =
            postcard::from_bytes(&postcard::to_allocvec(&sample()).expect("saves")).expect("reads");
        saved.ends[2] += 1;
        let bytes = postcard::to_allocvec(&saved).expect("saves");
        assert!(postcard::from_bytes::<FactTable>(&bytes).is_err());
    }
}
