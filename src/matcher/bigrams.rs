//! Character-bigram similarity of a question to a phrasing: Sørensen–Dice
//! exactly as `strsim::sorensen_dice` computes it (whitespace ignored,
//! multiset overlap, byte lengths), without its per-call hash maps: it
//! runs for every phrasing of every candidate, so the index gives each
//! distinct character pair a dense id once, a phrasing keeps its ids
//! sorted, and a question counts its pairs by id, so comparing the two is
//! one pass over the phrasing's ids with no merge and no branch to mispredict.
//!
//! Pure: knows nothing of terms, weights or facts.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// The store's character pairs, each with its dense id (built with the index).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct PairIds(HashMap<u64, u32>);

/// Two chars packed in one key.
fn pair(a: char, b: char) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// The text without whitespace (strsim compares these for equality and
/// divides by their byte lengths).
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

impl PairIds {
    /// The number of distinct pairs seen.
    fn len(&self) -> usize {
        self.0.len()
    }
}

/// A stored text's bigrams (a phrasing's, or a fact's answer and quote).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Bigrams {
    squeezed: Box<str>,
    /// Each bigram's pair id, sorted; a pair occurring twice is here twice.
    #[serde(with = "crate::packed::boxed")]
    ids: Box<[u32]>,
}

impl Bigrams {
    /// Reads `text`, giving pairs not seen before the next ids.
    pub(super) fn new(text: &str, pairs: &mut PairIds) -> Self {
        let squeezed = squeeze(text);
        let chars: Vec<char> = squeezed.chars().collect();
        let mut ids: Vec<u32> = chars
            .windows(2)
            .map(|w| {
                let next = pairs.0.len() as u32;
                *pairs.0.entry(pair(w[0], w[1])).or_insert(next)
            })
            .collect();
        ids.sort_unstable();
        Bigrams {
            squeezed: squeezed.into_boxed_str(),
            ids: ids.into_boxed_slice(),
        }
    }
}

/// A question's bigrams, counted by pair id. Pairs no stored text has are
/// only counted in the total: they can match nothing.
#[derive(Debug, Clone, Default)]
pub(super) struct QueryBigrams {
    squeezed: String,
    /// All the question's bigrams, known pairs or not.
    len: usize,
    /// How often each known pair occurs, by id.
    counts: Vec<u32>,
}

impl QueryBigrams {
    pub(super) fn new(text: &str, pairs: &PairIds) -> Self {
        let squeezed = squeeze(text);
        let chars: Vec<char> = squeezed.chars().collect();
        let mut counts = vec![0u32; pairs.len()];
        let mut len = 0;
        for w in chars.windows(2) {
            len += 1;
            if let Some(&id) = pairs.0.get(&pair(w[0], w[1])) {
                counts[id as usize] += 1;
            }
        }
        QueryBigrams {
            squeezed,
            len,
            counts,
        }
    }

    /// The most `dice` can be, from the two texts' sizes alone.
    pub(super) fn dice_bound(&self, other: &Bigrams) -> f64 {
        let (a, b) = (self.squeezed.len(), other.squeezed.len());
        if a == b {
            return 1.0;
        }
        if a < 2 || b < 2 {
            return 0.0;
        }
        (2 * self.len.min(other.ids.len())) as f64 / (a + b - 2) as f64
    }

    /// Sørensen–Dice of the question's bigrams and a stored text's.
    pub(super) fn dice(&self, other: &Bigrams) -> f64 {
        if *self.squeezed == *other.squeezed {
            return 1.0;
        }
        let (a, b) = (self.squeezed.len(), other.squeezed.len());
        if a < 2 || b < 2 {
            return 0.0;
        }
        // The multiset overlap: the k-th occurrence of a pair in the stored
        // text is shared when the question has more than k of it.
        let mut shared = 0usize;
        let mut run = 0u32;
        let mut prev = u32::MAX;
        for &id in other.ids.iter() {
            run = if id == prev { run + 1 } else { 0 };
            prev = id;
            // Every stored id was given before the question was read.
            shared += usize::from(run < self.counts.get(id as usize).copied().unwrap_or(0));
        }
        (2 * shared) as f64 / (a + b - 2) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dice_equals_strsim_and_stays_under_its_bound() {
        let texts = [
            "",
            "a",
            "ab",
            "summit tehran",
            "tehran summit",
            "presid meet",
            "observ post 12",
            "erdogan said",
            "ERDOGAN",
            "aaaa",
            "aa aa",
            "aaaaaa",
            "aba",
            "bab",
            "@idlib control",
            "Эрдоган",
            "اردوغان پوتین",
        ];
        // Every text stored, as the index stores phrasings; and a store that
        // has seen only one text, so most of a question's pairs are unknown.
        let mut all = PairIds::default();
        let stored: Vec<Bigrams> = texts.iter().map(|t| Bigrams::new(t, &mut all)).collect();
        for a in texts {
            let question = QueryBigrams::new(a, &all);
            for (b, stored) in texts.iter().zip(&stored) {
                let theirs = strsim::sorensen_dice(a, b);
                let ours = question.dice(stored);
                assert!(
                    (ours - theirs).abs() < 1e-12,
                    "{a:?} vs {b:?}: {ours} != {theirs}"
                );
                let bound = question.dice_bound(stored);
                assert!(ours <= bound, "{a:?} vs {b:?}: {ours} > bound {bound}");
                let mut one = PairIds::default();
                let alone = Bigrams::new(b, &mut one);
                let ours = QueryBigrams::new(a, &one).dice(&alone);
                assert!(
                    (ours - theirs).abs() < 1e-12,
                    "{a:?} vs {b:?} alone: {ours} != {theirs}"
                );
            }
        }
    }
}
