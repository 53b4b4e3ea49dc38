//! Reading a message: the ways of reading it (whole, and by its question
//! clause), each searched in the index, and every candidate fact weighed by
//! the decision model. The choice between them is the engine's.

use std::fmt::Write as _;

use crate::fact::{AnswerKind, ArticleId, FactId};
use crate::lexicon::EntityKind;
use crate::matcher::decide::{self, Candidate};
use crate::matcher::focus;
use crate::matcher::{tells_of_earlier, Found, Query, Target, Want};
use crate::moderation::phrasing_key;

use super::{followup, Engine};

/// How far past the answer to look for distinct alternatives.
const SEARCH_DEPTH: usize = 12;
/// The share of a question's informative weight its article may lack
/// before no fact of that article answers it: the question is about
/// something else. On the labelled train sets, 15 right candidates reach it
/// against 390 wrong ones.
const ABSENT_INFO_RULED_OUT: f32 = 0.6;
/// How like a known gap (something the article does not say) a question
/// must be, and by how much more than like a fact, for that fact not to
/// answer it ("what deal did they agree on in the end" is the summit's
/// outcome, not what earlier meetings led to). On the stored sets but the
/// final split, 0.8 and 0.2 rule out five wrong answers and no right one
/// alone; 0.15 also ruled out "did trump back an attack on idlib".
const GAP_RULES_OUT: f32 = 0.8;
const GAP_MARGIN: f32 = 0.2;
/// Whether a question matching a known gap at `gap` is about what the
/// article does not say, not about a fact matching it at `confidence`.
fn gap_rules_out(gap: f32, confidence: f32) -> bool {
    gap >= GAP_RULES_OUT && gap - confidence >= GAP_MARGIN
}

/// How many of the best-ranked facts the decision weighs: the right fact
/// is nearly always among them, and each costs a feature vector.
const DECIDE_DEPTH: usize = 6;

/// One reading of a message: what the matcher found and how the decision
/// weighed each candidate fact.
#[derive(Debug, Clone)]
pub struct Reading {
    pub found: Found,
    pub considered: Vec<Considered>,
    /// The fact the whole question is word for word a phrasing of.
    pub phrased: Option<FactId>,
    /// Read by its question clause, the text is much more like something
    /// the article is known not to say than like any fact
    /// (`gap_rules_out`), and leaves out none of the message's questions
    /// ("what was agreed? or at least how many posts does turkey have?"
    /// may still be answered).
    pub known_gap: bool,
    /// Read by part of the question clause alone: a later question clause
    /// after a vaguer one marked "?" (`focus::later_question`), or the
    /// question asked before it is said again after "like"
    /// (`focus::restated`). Trusted only when its answer is sure
    /// ([`LATER_SURE`]).
    pub later: bool,
}

/// How likely to be right the best answer of a later question clause read
/// alone must be for that reading to count: asked on its own, such a
/// clause loses the message around it, so a middling match there ("what's
/// the deal?? how many refugees has the war created": Turkey's 3.5 million)
/// is no better evidence than the whole message's.
pub const LATER_SURE: f32 = 0.8;

/// A candidate fact as the decision saw it.
#[derive(Debug, Clone)]
pub struct Considered {
    pub fact_id: FactId,
    /// Its place in the matcher's ranking.
    pub rank: usize,
    pub features: [f32; decide::FEATURES.len()],
    pub phrased: bool,
    /// A rule rules it out whatever the model says: someone else's words,
    /// someone else's figure, or no measure of the kind asked for.
    pub ruled_out: bool,
    /// A rule rules it out even when the question is typed as one of its
    /// phrasings (`Factors::placed_elsewhere`).
    pub unlike_its_phrasing: bool,
    /// That answering with it is right.
    pub probability: f32,
}

impl Considered {
    /// The features that moved the probability, for `why`.
    /// Written into one string: a string per feature and the join cost
    /// more than the numbers.
    pub(super) fn explain(&self) -> String {
        let mut out = String::new();
        let moved = decide::FEATURES
            .iter()
            .zip(&self.features)
            .filter(|(_, &x)| x != 0.0);
        for (i, (n, x)) in moved.enumerate() {
            out.push_str(if i == 0 { "" } else { ", " });
            out.push_str(n);
            out.push(' ');
            push_fixed2(&mut out, *x);
        }
        out
    }
}

/// `x` as `{:.2}` writes it, without the float formatting machinery (a
/// reply's `why` writes some twenty features): the exact value times 100
/// (exact in f64) rounded half to even, as the formatter rounds an exact
/// tie, and the sign kept ("-0.00"). Large or non-finite values go to the
/// formatter.
fn push_fixed2(out: &mut String, x: f32) {
    if !x.is_finite() || x.abs() >= 1e9 {
        let _ = write!(out, "{x:.2}");
        return;
    }
    let hundredths = (f64::from(x) * 100.0).round_ties_even().abs() as u64;
    if x.is_sign_negative() {
        out.push('-');
    }
    let _ = write!(out, "{}.{:02}", hundredths / 100, hundredths % 100);
}

/// Whether `answer` names someone's post ("the UN special envoy", "a
/// senior aide").
fn names_post(answer: &str) -> bool {
    let posts = &crate::words::lists().posts;
    answer
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| crate::words::has(posts, &w.to_lowercase()))
}

impl Engine {
    /// The ways of reading a message: whole, and (when it holds more than
    /// its question) by its question clause; each searched and weighed.
    /// A question worded as a fact's phrasing always has that fact among
    /// its candidates, however many others share its few words.
    pub fn read(&self, question: &str) -> Vec<Reading> {
        let phrased = self
            .phrased_as
            .get(&phrasing_key(question))
            .and_then(|h| h.last().copied());
        let focused = focus::focus(question);
        let later = focused
            .as_deref()
            .and_then(|first| focus::later_question(question, first));
        // What a meeting is about, said again as which place it is over
        // or what they argue over, is asked first ("whats the summit
        // about, like which place are they arguing over"): the narrower
        // clause alone finds nothing. Said again as another question, the
        // narrower one is asked ("what is the summit about, like who
        // controls idlib", "…like what is turkey worried about"; "why is
        // idlib a big deal, like what is it to the rebels").
        let restated = focus::restated(focused.as_deref().unwrap_or(question))
            .filter(|(first, again)| {
                if !self.index.query(first).topic {
                    return false;
                }
                let found = self.index.search(again, SEARCH_DEPTH, None);
                let asked = &found.query;
                let about_them = asked.topic && asked.terms.iter().all(|t| t.entity.is_none());
                let which_place = again
                    .split_whitespace()
                    .take(2)
                    .any(|w| matches!(w, "place" | "places"));
                let narrows = asked.want == Some(Want::Place) || about_them || which_place;
                // One the narrower clause surely answers alone ("…like
                // which province borders idlib") is that clause's.
                narrows
                    && !self
                        .consider(&found, true, None)
                        .iter()
                        .any(|c| c.probability >= LATER_SURE)
            })
            .map(|(first, _)| first);
        let read_focused = focused.is_some();
        let later_at = 1 + usize::from(read_focused);
        let mut readings = std::iter::once(question.to_string())
            .chain(focused)
            .chain(later)
            .chain(restated)
            .enumerate()
            .map(|(i, text)| {
                let found = self.index.search(&text, SEARCH_DEPTH, phrased.map(|p| p.1));
                let considered = self.consider(&found, i > 0, phrased.map(|p| p.0));
                let best = |gap: bool| {
                    found
                        .ranked
                        .iter()
                        .filter(|s| matches!(s.target, Target::Gap(_)) == gap)
                        .map(|s| s.confidence)
                        .fold(0.0f32, f32::max)
                };
                let asks_all = text.matches('?').count() == question.matches('?').count();
                // Names alone ("was that rowhani himself or jaberi ansari?")
                // say too little of what is asked to be a known gap.
                let says_what = found.query.terms.iter().any(|t| t.entity.is_none());
                Reading {
                    known_gap: i > 0
                        && asks_all
                        && says_what
                        && gap_rules_out(best(true), best(false)),
                    found,
                    considered,
                    phrased: phrased.map(|p| p.0),
                    later: i >= later_at,
                }
            })
            .collect::<Vec<_>>();
        // The whole message asks what its question clause asks: when that
        // asks what a meeting is about, the message read whole is not
        // answered with what the clause rules out for that ("been out of
        // the loop lol. what are iran, russia and turkey meeting about":
        // not "The leaders… have met before", "Previous meetings… led
        // to…"), however the chatter before it reads.
        if let [whole, focused, ..] = readings.as_mut_slice() {
            let asked = &focused.found.query;
            if read_focused && asked.topic {
                for c in &mut whole.considered {
                    if self.topic_unsaid(asked, c.fact_id) {
                        c.ruled_out = true;
                        c.probability = 0.0;
                    }
                }
            }
        }
        // The word the asker echoes anywhere in the message ("why is idlib
        // such a big deal? everyone keeps calling it the last something")
        // is asked after by its question clause too: an answer without it
        // is no answer to the message. (Not by a later question: "…the
        // last what exactly? and who is determined to take it".)
        if let [whole, focused, ..] = readings.as_mut_slice() {
            let asked = &whole.found.query;
            if read_focused && asked.echoed.is_some() {
                for c in &mut focused.considered {
                    let unsaid = self
                        .facts
                        .get(c.fact_id)
                        .is_some_and(|fact| self.index.echo_unsaid(&fact.answer, asked));
                    if unsaid {
                        c.ruled_out = true;
                        c.probability = 0.0;
                    }
                }
            }
        }
        readings
    }

    /// Whether the fact fails a question asking what a meeting is about:
    /// its answer says where, when, who or how many ("what were the
    /// leaders getting together to talk about": not "held in Tehran"), or
    /// what earlier meetings did ("Previous meetings by the leaders… led
    /// to…") when the question asks about this one.
    fn topic_unsaid(&self, query: &Query, fact_id: FactId) -> bool {
        let earlier = |answer: &str| {
            let words: Vec<String> = crate::normalize::tokens(&crate::normalize::fold(answer))
                .into_iter()
                .map(|t| t.text)
                .collect();
            tells_of_earlier(&words)
        };
        query.topic
            && self.facts.get(fact_id).is_some_and(|fact| {
                (fact.kind == AnswerKind::Place && !query.topic_place)
                    || (query.topic_now && earlier(&fact.answer))
                    || matches!(
                        fact.kind,
                        AnswerKind::Time
                            | AnswerKind::Number
                            | AnswerKind::Person
                            | AnswerKind::List
                    )
            })
    }

    /// Whether `text` names a place or a country, gives a direction
    /// ("north-western", "borders", "near"), or the summit (where issues
    /// would be resolved): a word of `directions` in data/words.toml.
    fn places(&self, text: &str) -> bool {
        let directions = &crate::words::lists().directions;
        let words = crate::normalize::tokens(&crate::normalize::fold(text));
        words.iter().any(|t| {
            crate::words::has(directions, &t.text)
                || t.text
                    .split('-')
                    .any(|part| crate::words::has(directions, part))
        }) || followup::entities(&self.lexicon, &words)
            .into_iter()
            .any(|e| {
                matches!(
                    self.lexicon.entity(e).kind,
                    EntityKind::Place | EntityKind::Country
                )
            })
    }

    /// Every fact among the best-ranked, with its features and the
    /// probability that answering with it is right.
    /// `phrased`, the fact the question is worded as, is weighed even
    /// below the usual depth.
    fn consider(&self, found: &Found, focused: bool, phrased: Option<FactId>) -> Vec<Considered> {
        // Each article's candidates are weighed among themselves (runners-up,
        // known gaps), so other articles' facts change nothing about how one
        // article's facts are judged.
        let mut groups: Vec<(ArticleId, Vec<(usize, Candidate)>)> = Vec::new();
        for (rank, s) in found.ranked.iter().enumerate() {
            let Target::Fact(id) = s.target else { continue };
            let Some(article) = self.facts.article(id) else {
                continue;
            };
            let i = match groups.iter().position(|(a, _)| *a == article) {
                Some(i) => i,
                None => {
                    groups.push((article, Vec::new()));
                    groups.len() - 1
                }
            };
            if groups[i].1.len() < DECIDE_DEPTH || phrased == Some(id) {
                let Some(fact) = self.facts.get(id) else {
                    continue;
                };
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
                let fact = self.facts.get(fact_id);
                // "What did X say" is answered only from X's own words; a
                // fact about someone else, or without the age or money
                // asked for, does not answer.
                // Nor does an answer about someone else of the kind named,
                // nor one to a question whose words the article mostly
                // lacks ("who's gonna win the world cup").
                let f = &c.factors;
                // Asked for someone's post, an answer naming none (what
                // he said) does not give it.
                let no_post =
                    found.query.asks_post && fact.is_some_and(|fact| !names_post(&fact.answer));
                // Asked what kind of thing, an answer naming it bare.
                let kind_unsaid = found.query.kind_noun.is_some()
                    && fact.is_some_and(|fact| self.index.kind_unsaid(&fact.answer, &found.query));
                // Asked how many were sent or went back, a figure that
                // counts no return ("hosts 3.5 million Syrian refugees").
                let return_uncounted = found.query.want == Some(Want::Number)
                    && fact
                        .is_some_and(|fact| self.index.return_unsaid(&fact.answer, &found.query));
                // Asked how many would or could be, a figure of what is.
                let supposition_unsaid = found.query.want == Some(Want::Number)
                    && fact.is_some_and(|fact| {
                        crate::matcher::Index::supposition_unsaid(&fact.answer, &found.query)
                    });
                // Asked "the last what?", an answer without "last".
                let echo_unsaid =
                    fact.is_some_and(|fact| self.index.echo_unsaid(&fact.answer, &found.query));
                // Asked which city, an answer naming none.
                let city_unnamed =
                    fact.is_some_and(|fact| self.index.city_unnamed(&fact.answer, &found.query));
                // Asked which thing, an answer leaving out what its
                // sentence calls that.
                let which_elsewhere = fact.is_some_and(|fact| {
                    self.index
                        .which_noun_elsewhere(&fact.answer, &fact.quote, &found.query)
                });
                // Asked when, an answer that gives no time ("they have
                // met before…"), or gives a place, number or person; asked
                // how many, one that gives no number ("troops have been
                // amassed…").
                let no_time_or_number =
                    matches!(found.query.want, Some(Want::Time | Want::Number)) && f.want_other;
                // Asked how many of something, a time ("how many fighters
                // were moved there": "over the past three years").
                let time_for_count = found.query.want == Some(Want::Number)
                    && found.query.counts_other_than_time()
                    && fact.is_some_and(|fact| fact.kind == AnswerKind::Time);
                // Asked how many of a figure it gives ("how many of
                // turkey's 12 posts…"), an answer giving that figure (or
                // its quote, shown when the answer counts something else).
                let figure_given = found.query.want == Some(Want::Number)
                    && fact.is_some_and(|fact| {
                        let q = &found.query;
                        self.index.figures_given(&fact.answer, q)
                            || (!self.index.counts_in(&fact.answer, q)
                                && self.index.figures_given(&fact.quote, q))
                    });
                // Asked where, an answer naming no place and giving no
                // direction ("After meeting each other, Erdogan and
                // Rowhani joined Putin…" for "trilateral talks where").
                let placeless = found.query.want == Some(Want::Place)
                    && fact.is_some_and(|fact| {
                        fact.kind != AnswerKind::Place && !self.places(&fact.answer)
                    });
                // Asked where a place is, an answer placing something
                // else ("what country is idlib in": not where the summit
                // is held); asked which place a meeting is about, one
                // naming only the places the question names; asked which
                // province, one naming only a city.
                let placed_other = fact.is_some_and(|fact| {
                    self.index.placed_other(&fact.answer, &found.query)
                        || self.index.place_echoed(&fact.answer, &found.query)
                        || self.index.only_city_named(&fact.answer, &found.query)
                });
                // Asked what someone stressed or warned of, an answer
                // without that verb when another fact of its kind from its
                // sentence has it and holds as many of the question's
                // other words ("what did erdogan stress the importance of
                // ahead of the summit": not "Erdogan said Friday's summit
                // would help…" but "Erdogan stressed…"; "what did he
                // stress about refugees" keeps his refugee warning, but "what
                // else did he stress" sets those words aside). Only
                // where what was said is asked: not who said it.
                let asks_words =
                    matches!(found.query.want, None | Some(Want::Reason)) && !found.query.asks_post;
                let manner_elsewhere = asks_words
                    && fact.is_some_and(|fact| {
                        if self
                            .index
                            .holds_manner_of_saying(&fact.answer, &found.query)
                            != Some(false)
                        {
                            return false;
                        }
                        let own = self.index.topical_words_held(&fact.answer, &found.query);
                        cands.iter().any(|other| {
                            let Target::Fact(other_id) = other.scored.target else {
                                return false;
                            };
                            other_id != fact_id
                                && self.facts.get(other_id).is_some_and(|o| {
                                    o.quote == fact.quote
                                        && o.kind == fact.kind
                                        && !self.index.holds_aside(&o.answer, &found.query)
                                        && (found.query.asks_else
                                            || self
                                                .index
                                                .topical_words_held(&o.answer, &found.query)
                                                >= own)
                                        && self
                                            .index
                                            .holds_manner_of_saying(&o.answer, &found.query)
                                            == Some(true)
                                })
                        })
                    });
                // Asked whom someone acts on, an answer saying who he is.
                let identity_unasked = fact
                    .is_some_and(|fact| self.index.identity_unasked(&fact.answer, &found.query));
                // Asked if only some meet, an answer naming no one else.
                let parties_unnamed = fact.is_some_and(|fact| {
                    self.index
                        .names_no_other_party(&fact.answer, fact.kind, &found.query)
                });
                // Asked how much of a whole, an answer giving no share.
                let share_unsaid =
                    fact.is_some_and(|fact| self.index.share_unsaid(&fact.answer, &found.query));
                // Asked about something the article is known not to say,
                // and much more like that than like this fact.
                let gap_wins = gap_rules_out(gap, c.scored.confidence);
                let ruled_out = f.speaker_wrong
                    || self.topic_unsaid(&found.query, fact_id)
                    || gap_wins
                    || no_time_or_number
                    || time_for_count
                    || figure_given
                    || placeless
                    || placed_other
                    || share_unsaid
                    || parties_unnamed
                    || identity_unasked
                    || manner_elsewhere
                    || kind_unsaid
                    || echo_unsaid
                    || which_elsewhere
                    || city_unnamed
                    || return_uncounted
                    || supposition_unsaid
                    || f.entity_swapped
                    || f.offered_unnamed
                    || f.measure_missing
                    || f.answer_swapped
                    || no_post
                    || f.absent_info >= ABSENT_INFO_RULED_OUT;
                let probability = if ruled_out {
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
                    ruled_out,
                    unlike_its_phrasing: f.placed_elsewhere,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::push_fixed2;

    #[test]
    fn fixed2_writes_what_the_formatter_writes() {
        let mut values: Vec<f32> = vec![
            0.125,
            0.375,
            -0.125,
            -0.0,
            0.0,
            0.005,
            -0.005,
            1.005,
            2.675,
            -0.001,
            1e9,
            -3e12,
            f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::MIN_POSITIVE,
        ];
        values.extend((-20_000..20_000).map(|i| i as f32 / 800.0));
        let mut bits: u32 = 12_345;
        for _ in 0..200_000 {
            bits = bits.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            values.push(f32::from_bits(bits));
        }
        for x in values {
            let mut ours = String::new();
            push_fixed2(&mut ours, x);
            assert_eq!(ours, format!("{x:.2}"), "{x:?}");
        }
    }
}
