//! The decision: for each candidate fact, the probability that answering
//! with it is right, from the evidence the earlier stages gathered
//! (`Factors`, the question's reading, the runners-up, the nearest known
//! gap). A small boosted-trees model fitted offline on labelled questions
//! (`scripts/fit_decision.py` over `examples/decision_features.rs`' rows),
//! shipped in `data/decision.json`. Trees, not one linear score, because
//! the evidence interacts: a close known gap matters only when it beats the
//! fact, a missing word only when the meaning is far.
//!
//! Pure: no I/O but the compiled-in weights file.

use serde::Deserialize;

use super::{Factors, Query, Scored, Want};

/// The shipped weights.
pub const BUILTIN_DECISION: &str = include_str!("../../data/decision.json");

/// The features, in the order the weights file lists them.
pub const FEATURES: [&str; 31] = [
    "score",
    "coverage",
    "similarity",
    "body_coverage",
    "margin",
    "top",
    "gap",
    "gap_over",
    "want",
    "want_fits",
    "want_other",
    "speaker_wrong",
    "words_wrong",
    "counts_missing",
    "entity_factor",
    "entities_missing",
    "absent_info",
    "terms",
    "yesno_asked_not_settled",
    "yesno_unasked",
    "meaning",
    "meaning_margin",
    "missing_info",
    "missing_max",
    "phrased",
    "focused",
    "gives_wanted",
    "unaligned_info",
    "unaligned_max",
    "named_unanswered",
    "closest_asks_other",
];

/// Where feature `name` is in [`FEATURES`] (checked when compiling).
pub const fn feature_index(name: &str) -> usize {
    let mut i = 0;
    while i < FEATURES.len() {
        let (a, b) = (FEATURES[i].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return i;
            }
        }
        i += 1;
    }
    panic!("no such feature")
}

/// Most missing names that count: past two, a fact is simply off topic.
const MAX_MISSING: u32 = 2;

/// One candidate as the decision sees it: its score, its factors with the
/// decision's evidence (`Index::evidence`), and where its answer comes from
/// (runners-up citing the same paragraph do not compete).
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub scored: &'a Scored,
    pub factors: Factors,
    pub paragraph: Option<u32>,
}

/// The feature vector of candidate `i` among `cands` (best score first),
/// with `gap` the score of the best-matching known gap (0 when none);
/// `focused` when the question was read from its question clause alone.
pub fn features(
    query: &Query,
    cands: &[Candidate],
    i: usize,
    gap: f32,
    focused: bool,
) -> [f32; FEATURES.len()] {
    let c = cands[i];
    let s = c.scored;
    let f = &c.factors;
    let yes_no = query.want == Some(Want::YesNo);
    // Runners-up that would answer from elsewhere in the article: when
    // this candidate gives the kind of answer asked for, one that does not
    // is no rival ("where is the summit": who takes part is no answer to
    // it, however well its phrasings match "summit"). Any fact may answer
    // a yes/no question, a verdict or not: there every runner-up is one.
    let rivals = || {
        cands
            .iter()
            .enumerate()
            .filter(move |&(j, o)| j != i && (o.paragraph != c.paragraph || c.paragraph.is_none()))
            .filter(move |(_, o)| yes_no || !f.want_fits || o.factors.want_fits)
            .map(|(_, o)| o)
    };
    let rival = rivals().map(|o| o.scored.confidence).fold(0.0f32, f32::max);
    let rival_meaning = rivals().map(|o| o.factors.meaning).fold(0.0f32, f32::max);
    let b = |x: bool| if x { 1.0 } else { 0.0 };
    [
        s.confidence,
        s.coverage,
        f.similarity,
        f.body_coverage,
        s.confidence - rival,
        b(i == 0),
        gap,
        (gap - s.confidence).max(0.0),
        b(f.want),
        b(f.want_fits),
        b(f.want_other),
        b(f.speaker_wrong),
        b(f.words_wrong),
        b(f.counts_missing),
        f.entity_factor,
        f.entities_missing.min(MAX_MISSING) as f32,
        f.absent_info,
        (1.0 + query.terms.len() as f32).ln(),
        b(yes_no && !f.yes_no_fact),
        b(!yes_no && f.yes_no_fact),
        f.meaning,
        f.meaning - rival_meaning,
        f.missing_info,
        f.missing_max,
        b(f.phrased),
        b(focused),
        b(f.gives_wanted),
        f.unaligned_info,
        f.unaligned_max,
        f.named_unanswered.min(MAX_MISSING) as f32,
        b(f.closest_asks_other),
    ]
}

#[derive(Debug, thiserror::Error)]
pub enum DecisionError {
    #[error("decision model does not parse: {0}")]
    Parse(#[from] serde_json::Error),
    #[error("decision model lists features {found:?}, this build computes {expected:?}")]
    Features {
        found: Vec<String>,
        expected: Vec<&'static str>,
    },
    #[error(
        "decision model: tree {tree} node {node} points outside the tree or at an unknown feature"
    )]
    Node { tree: usize, node: usize },
}

/// One node of a regression tree: a split (`feature` ≤ `threshold` goes
/// left) or, with no feature, a leaf holding `value`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Node {
    feature: Option<usize>,
    #[serde(default)]
    threshold: f32,
    #[serde(default)]
    left: usize,
    #[serde(default)]
    right: usize,
    #[serde(default)]
    value: f32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    features: Vec<String>,
    /// Log-odds before any tree.
    base: f32,
    /// The decline threshold chosen when fitting (for precision); the
    /// config's `matcher.threshold` defaults to it.
    threshold: f32,
    /// The threshold for bare article sentences (facts with no phrasings),
    /// whose evidence is weaker: chosen on uncurated articles' questions.
    sentence_threshold: f32,
    /// Each tree's nodes, the root first; leaves hold their contribution
    /// to the log-odds (learning rate applied).
    trees: Vec<Vec<Node>>,
}

/// A node laid out for evaluation: a split on `feature` at `value`, or a
/// leaf (`feature == LEAF`) worth `value`; 16 bytes, one tree after another.
#[derive(Debug, Clone, Copy)]
struct Flat {
    feature: u32,
    value: f32,
    left: u32,
    right: u32,
}

const LEAF: u32 = u32::MAX;

/// A fitted boosted-trees model: log-odds are `base` plus one leaf of each
/// tree, and the probability their logistic.
#[derive(Debug, Clone)]
pub struct Model {
    base: f32,
    threshold: f32,
    sentence_threshold: f32,
    /// All trees' nodes; children are absolute indices.
    nodes: Vec<Flat>,
    /// Where each tree's root is in `nodes`.
    roots: Vec<u32>,
}

impl Model {
    pub fn parse(text: &str) -> Result<Self, DecisionError> {
        let file: File = serde_json::from_str(text)?;
        if file.features != FEATURES {
            return Err(DecisionError::Features {
                found: file.features,
                expected: FEATURES.to_vec(),
            });
        }
        // Every split names a feature and children inside its tree, and
        // children come after their parent, so evaluation always ends.
        for (t, tree) in file.trees.iter().enumerate() {
            for (i, n) in tree.iter().enumerate() {
                let bad = match n.feature {
                    None => false,
                    Some(f) => {
                        f >= FEATURES.len()
                            || n.left <= i
                            || n.right <= i
                            || n.left >= tree.len()
                            || n.right >= tree.len()
                    }
                };
                if bad || tree.is_empty() {
                    return Err(DecisionError::Node { tree: t, node: i });
                }
            }
        }
        let mut nodes = Vec::new();
        let mut roots = Vec::new();
        for tree in &file.trees {
            let at = nodes.len() as u32;
            roots.push(at);
            nodes.extend(tree.iter().map(|n| match n.feature {
                Some(f) => Flat {
                    feature: f as u32,
                    value: n.threshold,
                    left: at + n.left as u32,
                    right: at + n.right as u32,
                },
                None => Flat {
                    feature: LEAF,
                    value: n.value,
                    left: 0,
                    right: 0,
                },
            }));
        }
        Ok(Model {
            base: file.base,
            threshold: file.threshold,
            sentence_threshold: file.sentence_threshold,
            nodes,
            roots,
        })
    }

    /// The shipped model.
    pub fn builtin() -> Result<Self, DecisionError> {
        Model::parse(BUILTIN_DECISION)
    }

    /// The threshold chosen when fitting: answers given at or above it
    /// were right at the precision the fit aimed for.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// The threshold a bare article sentence must reach, given the one for
    /// facts with phrasings: never below it.
    pub fn sentence_threshold(&self, threshold: f32) -> f32 {
        self.sentence_threshold.max(threshold)
    }

    /// The probability that answering with a candidate of these features
    /// is right.
    pub fn probability(&self, x: &[f32; FEATURES.len()]) -> f32 {
        let mut z = self.base;
        for &root in &self.roots {
            let mut i = root as usize;
            // A leaf's feature (`LEAF`) is past every feature, so the one
            // check on `x` both reads a split's value and finds the leaf.
            loop {
                let n = &self.nodes[i];
                let Some(&v) = x.get(n.feature as usize) else {
                    z += n.value;
                    break;
                };
                i = if v <= n.value { n.left } else { n.right } as usize;
            }
        }
        1.0 / (1.0 + (-z).exp())
    }
}
