//! Meaning: a static word-embedding table (`data/embeddings.bin`, distilled
//! from all-MiniLM-L6-v2 by `scripts/build_embeddings.py`) and the
//! informativeness-weighted mean that turns a text's words into one vector,
//! so a paraphrase ("prop up" for "support") still meets its fact. Evidence
//! for the decision, never the decision alone: a cosine cannot tell a
//! paraphrase from a near miss.
//!
//! Pure: the table is compiled in and read once, on first use.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::words;

const EMBEDDINGS: &[u8] = include_bytes!("../../data/embeddings.bin");
const MAGIC: &[u8] = b"SBEMB1";
/// Stored vectors (a fact's) are kept as int8, unit length times this.
const STORED_SCALE: f32 = 127.0;

/// The word-vector table.
pub struct Table {
    dims: usize,
    scale: f32,
    rows: HashMap<&'static str, u32>,
    /// The rows' int8 values, read in place from the compiled-in file
    /// (as bytes: cast each to `i8`) rather than copied at start.
    values: &'static [u8],
    /// Each row's length, for word-to-word cosines.
    norms: Vec<f32>,
}

/// How many stored vectors `best_cosine` sums side by side: independent
/// sums the processor overlaps, where one cosine is a chain of dependent
/// additions.
const LANES: usize = 8;

/// A text's meaning: unit length, int8 (see `STORED_SCALE`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stored(Box<[i8]>);

fn parse(bytes: &'static [u8]) -> Option<Table> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let u32_at = |b: &[u8], i: usize| -> Option<u32> {
        Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
    };
    let dims = u32_at(rest, 0)? as usize;
    let count = u32_at(rest, 4)? as usize;
    let scale = f32::from_bits(u32_at(rest, 8)?);
    let mut at = 12;
    let mut rows = HashMap::with_capacity_and_hasher(count, Default::default());
    for i in 0..count {
        let len = *rest.get(at)? as usize;
        let word = std::str::from_utf8(rest.get(at + 1..at + 1 + len)?).ok()?;
        rows.insert(word, i as u32);
        at += 1 + len;
    }
    let values = rest.get(at..at + count * dims)?;
    // The sum of squares in integers (exact; a float sum of these small
    // squares is exact too, so the same value), side by side as `dot` adds.
    let norms = values
        .chunks_exact(dims.max(1))
        .map(|r| (dot(r, r) as f32).sqrt())
        .collect();
    Some(Table {
        dims,
        scale,
        rows,
        values,
        norms,
    })
}

/// The shipped table (None only if the compiled-in file is malformed,
/// which a test rules out).
pub fn table() -> Option<&'static Table> {
    static TABLE: OnceLock<Option<Table>> = OnceLock::new();
    TABLE.get_or_init(|| parse(EMBEDDINGS)).as_ref()
}

impl Table {
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// Whether the table knows `word`.
    pub fn knows(&self, word: &str) -> bool {
        self.rows.contains_key(word)
    }

    /// The row of `word`, when the table knows it.
    pub fn row(&self, word: &str) -> Option<u32> {
        self.rows.get(word).copied()
    }

    fn vector(&self, row: u32) -> &[u8] {
        let start = row as usize * self.dims;
        &self.values[start..start + self.dims]
    }

    /// Cosine of two words' vectors (rows from `row`): how near in meaning
    /// two single words are ("truce" and "ceasefire" near, "truce" and
    /// "football" far).
    pub fn word_cosine(&self, a: u32, b: u32) -> f32 {
        if a == b {
            return 1.0;
        }
        let dot = dot(self.vector(a), self.vector(b));
        let norm = self.norms[a as usize] * self.norms[b as usize];
        if norm > 0.0 {
            dot as f32 / norm
        } else {
            0.0
        }
    }

    /// The weighted mean of the words' vectors, unit length; None when no
    /// word is known. Each word weighs its informativeness times `weight`.
    pub fn embed<'a>(&self, words: impl IntoIterator<Item = (&'a str, f32)>) -> Option<Vec<f32>> {
        let mut sum = vec![0.0f32; self.dims];
        let mut any = false;
        for (w, weight) in words {
            let Some(&row) = self.rows.get(w) else {
                continue;
            };
            let k = weight * words::informativeness(w) * self.scale;
            for (s, &v) in sum.iter_mut().zip(self.vector(row)) {
                *s += k * f32::from(v as i8);
            }
            any = true;
        }
        let norm = sum.iter().map(|x| x * x).sum::<f32>().sqrt();
        (any && norm > 0.0).then(|| sum.iter().map(|x| x / norm).collect())
    }
}

/// How many values [`dot`] widens and multiplies at a time.
const WIDE: usize = 16;

/// Two rows' int8 values (as bytes) multiplied and summed. Widened to i16
/// [`WIDE`] at a time, which the compiler turns into multiply-adds of
/// pairs; an integer sum (at most 128 × 128 a value, far from overflow),
/// so the same whatever the order it is added in.
fn dot(a: &[u8], b: &[u8]) -> i32 {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        return unsafe { dot_avx2(a, b) };
    }
    dot_plain(a, b)
}

/// [`dot_plain`] in AVX2: sixteen values of each row widened to i16 in
/// one instruction, multiplied and added in pairs into eight i32 lanes,
/// the lanes summed once at the end; the rest (under sixteen) one by one.
/// An integer sum, so the same result in any order.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn dot_avx2(a: &[u8], b: &[u8]) -> i32 {
    use std::arch::x86_64::{
        __m128i, _mm256_add_epi32, _mm256_castsi256_si128, _mm256_cvtepi8_epi16,
        _mm256_extracti128_si256, _mm256_madd_epi16, _mm256_setzero_si256, _mm_add_epi32,
        _mm_cvtsi128_si32, _mm_loadu_si128, _mm_shuffle_epi32,
    };
    let (xs, x_tail) = a.as_chunks::<WIDE>();
    let (ys, y_tail) = b.as_chunks::<WIDE>();
    let mut lanes = _mm256_setzero_si256();
    for (x, y) in xs.iter().zip(ys) {
        // SAFETY: each chunk is WIDE (16) bytes, one unaligned 128-bit load.
        let (x, y) = unsafe {
            (
                _mm_loadu_si128(x.as_ptr().cast::<__m128i>()),
                _mm_loadu_si128(y.as_ptr().cast::<__m128i>()),
            )
        };
        let products = _mm256_madd_epi16(_mm256_cvtepi8_epi16(x), _mm256_cvtepi8_epi16(y));
        lanes = _mm256_add_epi32(lanes, products);
    }
    let half = _mm_add_epi32(
        _mm256_castsi256_si128(lanes),
        _mm256_extracti128_si256::<1>(lanes),
    );
    let quarter = _mm_add_epi32(half, _mm_shuffle_epi32::<0b01_00_11_10>(half));
    let sum = _mm_add_epi32(quarter, _mm_shuffle_epi32::<0b10_11_00_01>(quarter));
    let tail: i32 = x_tail
        .iter()
        .zip(y_tail)
        .map(|(&x, &y)| i32::from(x as i8) * i32::from(y as i8))
        .sum();
    _mm_cvtsi128_si32(sum) + tail
}

#[inline(always)]
fn dot_plain(a: &[u8], b: &[u8]) -> i32 {
    #[inline(always)]
    fn widen(c: &[u8; WIDE]) -> [i16; WIDE] {
        c.map(|v| i16::from(v as i8))
    }
    let (xs, x_tail) = a.as_chunks::<WIDE>();
    let (ys, y_tail) = b.as_chunks::<WIDE>();
    let tail: i32 = x_tail
        .iter()
        .zip(y_tail)
        .map(|(&x, &y)| i32::from(x as i8) * i32::from(y as i8))
        .sum();
    xs.iter()
        .zip(ys)
        .map(|(x, y)| {
            let (x, y) = (widen(x), widen(y));
            x.iter()
                .zip(&y)
                .map(|(&p, &q)| i32::from(p) * i32::from(q))
                .sum::<i32>()
        })
        .sum::<i32>()
        + tail
}

impl Stored {
    pub fn new(v: &[f32]) -> Self {
        Stored(
            v.iter()
                .map(|x| (x * STORED_SCALE).round().clamp(-127.0, 127.0) as i8)
                .collect(),
        )
    }

    /// Cosine with a unit-length query vector.
    pub fn cosine(&self, query: &[f32]) -> f32 {
        self.0
            .iter()
            .zip(query)
            .map(|(&a, &b)| f32::from(a) * b)
            .sum::<f32>()
            / STORED_SCALE
    }
}

/// A doc's meanings (its phrasings', answer's and quote's), laid out for
/// [`best_cosine`]: in groups of [`LANES`] vectors (the last maybe
/// fewer), each group interleaved dimension by dimension (every vector's
/// value at dimension 0, then at dimension 1...), so the group's sums read
/// memory in order and are added side by side. The same int8 values as
/// the [`Stored`] it was made from, in another order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meanings {
    /// Each vector's length (the table's width).
    dims: u32,
    /// How many vectors.
    count: u32,
    #[serde(with = "crate::packed::boxed")]
    values: Box<[i8]>,
}

impl Meanings {
    /// Lays out `stored`, which are all of one width (the table's: every
    /// meaning is a table's [`Table::embed`]); a vector of another width
    /// is left out.
    pub fn new(stored: &[Stored]) -> Self {
        let dims = stored.first().map_or(0, |v| v.0.len());
        let kept: Vec<&Stored> = stored.iter().filter(|v| v.0.len() == dims).collect();
        let mut values = Vec::with_capacity(kept.len() * dims);
        for group in kept.chunks(LANES) {
            for k in 0..dims {
                values.extend(group.iter().map(|v| v.0[k]));
            }
        }
        Meanings {
            dims: dims as u32,
            count: kept.len() as u32,
            values: values.into_boxed_slice(),
        }
    }
}

/// The best cosine of a unit-length query vector with any of `meanings`,
/// and 0 when none is positive: bit for bit what folding
/// `Stored::cosine` with `max` over the vectors in order gives (each sum
/// is added up in the same order, from the same -0.0), [`LANES`] vectors
/// at a time.
pub fn best_cosine(meanings: &Meanings, query: &[f32]) -> f32 {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        return unsafe { best_cosine_avx2(meanings, query) };
    }
    best_cosine_plain(meanings, query)
}

/// [`best_cosine_plain`] compiled for AVX2: the eight lanes in one
/// register and the int8 values widened in one instruction. Each lane is
/// still a multiply, then an add (no fused multiply-add), in the same
/// order, so bit for bit the same.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn best_cosine_avx2(meanings: &Meanings, query: &[f32]) -> f32 {
    best_cosine_plain(meanings, query)
}

#[inline(always)]
fn best_cosine_plain(meanings: &Meanings, query: &[f32]) -> f32 {
    let dims = meanings.dims as usize;
    // `Stored::cosine` stops at the shorter of the two.
    let used = dims.min(query.len());
    let query = &query[..used];
    let mut best = 0.0f32;
    let mut rest = meanings.count as usize;
    for group in meanings.values.chunks(LANES * dims.max(1)) {
        let width = rest.min(LANES);
        rest -= width;
        // As `Iterator::sum` for floats: from -0.0.
        let mut sums = [-0.0f32; LANES];
        if width == LANES {
            for (values, &q) in group.chunks_exact(LANES).zip(query) {
                for (sum, &v) in sums.iter_mut().zip(values) {
                    *sum += f32::from(v) * q;
                }
            }
        } else {
            for (values, &q) in group.chunks_exact(width).zip(query) {
                for (sum, &v) in sums.iter_mut().zip(values) {
                    *sum += f32::from(v) * q;
                }
            }
        }
        best = sums[..width]
            .iter()
            .map(|s| s / STORED_SCALE)
            .fold(best, f32::max);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meaning(text: &str) -> Vec<f32> {
        let t = table().expect("the shipped table parses");
        t.embed(text.split(' ').map(|w| (w, 1.0)))
            .expect("known words")
    }

    fn cos(a: &str, b: &str) -> f32 {
        Stored::new(&meaning(a)).cosine(&meaning(b))
    }

    #[test]
    fn the_shipped_table_parses_and_knows_everyday_and_article_words() {
        let t = table().expect("the shipped table parses");
        assert!(t.dims() >= 32);
        for w in ["the", "truce", "support", "idlib", "rowhani", "erdogan"] {
            assert!(t.knows(w), "{w}");
        }
        assert!(t.embed([("qqqqzz", 1.0)]).is_none());
    }

    #[test]
    fn each_row_length_is_its_float_sum_of_squares() {
        let t = table().expect("the shipped table parses");
        for (row, norm) in t.values.chunks_exact(t.dims).zip(&t.norms) {
            let float: f32 = row.iter().map(|&v| f32::from(v as i8).powi(2)).sum();
            assert_eq!(*norm, float.sqrt());
        }
    }

    #[test]
    fn single_words_near_in_meaning_have_the_higher_cosine() {
        let t = table().expect("the shipped table parses");
        let row = |w: &str| t.row(w).expect(w);
        for (a, near, far) in [
            ("truce", "ceasefire", "football"),
            ("support", "backing", "banana"),
            ("president", "leader", "weather"),
        ] {
            let (n, f) = (
                t.word_cosine(row(a), row(near)),
                t.word_cosine(row(a), row(far)),
            );
            assert!(n > f, "{a}: {near} {n} vs {far} {f}");
        }
        assert_eq!(t.word_cosine(row("truce"), row("truce")), 1.0);
    }

    #[test]
    fn best_cosine_is_bit_for_bit_the_best_of_each_cosine() {
        let texts = [
            "truce broken",
            "ceasefire violated",
            "football match",
            "prop up regime",
            "support government",
            "kremlin",
            "moscow",
            "banana",
            "idlib offensive",
            "erdogan warned of a massacre",
        ];
        let stored: Vec<Stored> = texts.iter().map(|t| Stored::new(&meaning(t))).collect();
        let zero = Stored(vec![0; stored[0].0.len()].into_boxed_slice());
        for q in texts {
            let q = meaning(q);
            let negated: Vec<f32> = q.iter().map(|x| -x).collect();
            for query in [&q, &negated] {
                for n in 0..=stored.len() {
                    let mut some: Vec<Stored> = stored[..n].to_vec();
                    if n % 3 == 0 {
                        some.push(zero.clone());
                    }
                    let each = some.iter().map(|m| m.cosine(query)).fold(0.0, f32::max);
                    let best = best_cosine(&Meanings::new(&some), query);
                    assert_eq!(best.to_bits(), each.to_bits(), "{n}: {best} vs {each}");
                }
            }
        }
    }

    #[test]
    fn dot_is_the_plain_sum_of_products() {
        let t = table().expect("the shipped table parses");
        let plain = |a: &[u8], b: &[u8]| -> i32 {
            a.iter()
                .zip(b)
                .map(|(&x, &y)| i32::from(x as i8) * i32::from(y as i8))
                .sum()
        };
        let rows: Vec<u32> = ["truce", "ceasefire", "the", "idlib", "banana"]
            .iter()
            .map(|w| t.row(w).expect(w))
            .collect();
        for &a in &rows {
            for &b in &rows {
                let (x, y) = (t.vector(a), t.vector(b));
                assert_eq!(dot(x, y), plain(x, y));
                // Lengths that leave a tail past the last sixteen.
                for len in [0, 1, 15, 17, 40] {
                    assert_eq!(dot(&x[..len], &y[..len]), plain(&x[..len], &y[..len]));
                }
            }
        }
        let extremes = [0x80u8; 40];
        assert_eq!(dot(&extremes, &extremes), 40 * 128 * 128);
    }

    #[test]
    fn paraphrases_are_closer_than_unrelated_texts() {
        let cases = [
            ("truce broken", "ceasefire violated", "football match"),
            ("prop up regime", "support government", "cooking pasta"),
            ("kremlin", "moscow", "banana"),
        ];
        for (a, near, far) in cases {
            assert!(
                cos(a, near) > cos(a, far),
                "{a:?}: {near:?} {} vs {far:?} {}",
                cos(a, near),
                cos(a, far)
            );
        }
    }
}
