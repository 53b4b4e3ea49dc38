//! What a reply says: the answer as shown (a yes/no verdict only when the
//! question earns it), the decline, the other questions offered, the
//! source. The engine has decided by then; nothing here changes what it
//! chose.

use crate::answer::{Alternative, Reply, SourceRef};
use crate::extract::Gap;
use crate::fact::{AnswerKind, Fact, Origin};
use crate::matcher::{states_wanted, Factors, Query, Scored, Target, TermId, Want};
use crate::normalize::tokens;

use super::{Considered, Engine, Reading};

/// How many alternatives a reply offers.
pub(super) const ALTERNATIVES: usize = 3;

impl Engine {
    /// The reply answering `question` with `fact`, the candidate `c` of
    /// `reading`; `read` is how the index read the question, for `why`.
    pub(super) fn answer(
        &self,
        question: &str,
        reading: &Reading,
        c: &Considered,
        fact: &Fact,
        read: &str,
    ) -> Reply {
        let found = &reading.found;
        let s = &found.ranked[c.rank];
        Reply {
            taking: None,
            question: question.to_string(),
            answered: true,
            answer: Some(if self.settles_yes(question, fact, &found.query) {
                format!("Yes. {}", fact.answer)
            } else {
                self.where_said(fact, &found.query)
                    .unwrap_or_else(|| self.compose(question, fact, &found.query, &s.factors))
            }),
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

    /// The reply declining `question`, naming `gap` when the article is
    /// known not to say.
    pub(super) fn decline(
        &self,
        question: &str,
        reading: &Reading,
        gap: Option<&Gap>,
        read: &str,
    ) -> Reply {
        let ranked = &reading.found.ranked;
        // The confidence shown is the best candidate's probability of being
        // right: below the threshold, or the bot would have answered.
        let best = reading
            .considered
            .iter()
            .map(|c| c.probability)
            .fold(0.0, f32::max);
        // With several articles, "the article" would not say which.
        let none = match self.articles.len() {
            0 | 1 => "The article doesn't say.".to_string(),
            n => format!("None of the {n} articles covers that."),
        };
        let note = match gap {
            Some(g) => format!("{none} {}", g.note),
            None => none,
        };
        Reply {
            taking: None,
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
    pub(super) fn alternatives(
        &self,
        ranked: &[Scored],
        chosen: Option<&Fact>,
    ) -> Vec<Alternative> {
        let mut out: Vec<Alternative> = Vec::new();
        let mut answers: Vec<&str> = chosen.map(|f| f.answer.as_str()).into_iter().collect();
        for s in ranked {
            let Target::Fact(id) = s.target else { continue };
            let Some(f) = self.facts.get(id) else {
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
    pub(super) fn label(&self, fact: &Fact) -> String {
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

    /// Whether `fact`'s answer says yes to `question`, a yes/no question
    /// about a fact that is no verdict itself ("does turkey back the
    /// rebels" and "Turkey has supported the rebels in the Syrian
    /// conflict."): every word the question asks about is in the answer
    /// (as a word, a synonym or a name for the same thing), and neither
    /// says anything that could turn it round (a negation, a contrast, a
    /// quantity or an either-or). Anything less gives the evidence without
    /// a verdict: the answer may be about the same things the other way
    /// round ("is the summit in moscow" and "…held in Tehran").
    pub(super) fn settles_yes(&self, question: &str, fact: &Fact, query: &Query) -> bool {
        if query.want != Some(Want::YesNo) || fact.kind == AnswerKind::YesNo {
            return false;
        }
        let turns = |text: &str, words: &crate::words::WordList| {
            tokens(text)
                .iter()
                .any(|t| crate::words::has(words, &t.text))
        };
        let lists = crate::words::lists();
        // A reported act the question asks about is no turn: "Trump
        // warned…" answers "did trump warn…" (`yes_answer_turns_asked`, by
        // a stem of four letters or more). Never "said" (whose words they
        // are is what the question may have wrong) nor a hedge ("did ankara
        // avoid a massacre" and "determined to avoid a massacre").
        let asked = tokens(question);
        let asked_for = |w: &str| {
            crate::words::has(&lists.yes_answer_turns_asked, w)
                && asked
                    .iter()
                    .any(|q| q.text.chars().count() >= 4 && w.starts_with(q.text.as_str()))
        };
        let answer_turns = tokens(&fact.answer)
            .iter()
            .any(|t| crate::words::has(&lists.yes_answer_turns, &t.text) && !asked_for(&t.text));
        if turns(question, &lists.yes_question_turns) || answer_turns {
            return false;
        }
        let answer = self.index.query(&fact.answer);
        let held: Vec<TermId> = answer.terms.iter().filter_map(|t| t.id).collect();
        // A name the answer reads inside a longer one ("russia" in "the
        // biggest Russian airbase"), and a word that longer name took in.
        let named_within = |e: usize| {
            answer
                .terms
                .iter()
                .filter_map(|a| a.entity)
                .any(|a| self.lexicon.within(a).contains(&e))
        };
        let words: Vec<String> = tokens(&fact.answer).into_iter().map(|t| t.text).collect();
        let in_words = |stem: &str| words.iter().any(|w| begins(w, stem));
        !query.terms.is_empty()
            && query.terms.iter().all(|t| {
                t.id.is_some_and(|id| held.contains(&id))
                    || t.entity.map_or(in_words(&t.text), named_within)
            })
            && self.names_as_asked(question, &fact.answer)
    }

    /// Whether `answer` is names and little else ("Three presidents:
    /// Iran's Hassan Rowhani, …"): at most a few words besides its names
    /// and stopwords.
    fn names_only(&self, answer: &str) -> bool {
        const BESIDES: usize = 3;
        let toks = tokens(answer);
        let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        let mut named = vec![false; words.len()];
        for m in self.lexicon.mentions(&words, &vec![false; words.len()]) {
            named[m.start..m.start + m.len].fill(true);
        }
        words
            .iter()
            .zip(&named)
            .filter(|(w, n)| !**n && !crate::normalize::is_stopword(w))
            .count()
            <= BESIDES
    }

    /// Whether `fact`'s quote names someone `question` names that its
    /// answer does not ("Iranian media" in "…told Iranian media that…",
    /// not in "Jaberi Ansari said Idlib was a dilemma…").
    fn quote_names_what_answer_leaves_out(&self, question: &str, fact: &Fact) -> bool {
        let named = |text: &str| -> Vec<usize> {
            let toks = tokens(text);
            let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
            self.lexicon
                .mentions(&words, &vec![false; words.len()])
                .iter()
                .map(|m| m.entity)
                .collect()
        };
        let (answer, quote) = (named(&fact.answer), named(&fact.quote));
        // Not a country or place: "is the summit in moscow" is answered by
        // "The summit is being held in Tehran." however its sentence names
        // Russia.
        let someone = |e: usize| {
            matches!(
                self.lexicon.entity(e).kind,
                crate::lexicon::EntityKind::Person
                    | crate::lexicon::EntityKind::Org
                    | crate::lexicon::EntityKind::Group
            )
        };
        named(question)
            .into_iter()
            .any(|e| someone(e) && quote.contains(&e) && !answer.contains(&e))
    }

    /// Whether `question` asks what something is linked, tied or
    /// connected to, or led, backed or run by, with the word for that
    /// ending a clause ("…linked to?", "…tied to, background-wise"), and
    /// `fact`'s quote holds that word (or its like: "affiliated") where
    /// its answer does not.
    fn link_left_out(&self, question: &str, fact: &Fact) -> bool {
        let prep = |t: &crate::normalize::Token| matches!(t.text.as_str(), "to" | "with" | "by");
        let links: Vec<String> = question
            .split(['?', '.', '!', ',', ';'])
            .filter_map(|clause| {
                // "…linked to?", "…tied to who".
                let said = tokens(clause);
                let asked = said
                    .last()
                    .is_some_and(|w| matches!(w.text.as_str(), "who" | "whom" | "what"));
                match &said[..said.len() - usize::from(asked)] {
                    [.., link, p]
                        if prep(p)
                            && crate::words::has(&crate::words::lists().link_verbs, &link.text) =>
                    {
                        Some(link.text.clone())
                    }
                    _ => None,
                }
            })
            .collect();
        if links.is_empty() {
            return false;
        }
        // Not of someone the answer says who they are ("who is de mistura
        // tied to": "…is the UN special envoy to Syria", whose sentence's
        // "al-Qaeda-linked fighters" are no link of his).
        let of_someone = self
            .named_in(&fact.answer)
            .into_iter()
            .any(|e| self.lexicon.entity(e).kind == crate::lexicon::EntityKind::Person);
        let ids = |text: &str| -> Vec<TermId> {
            self.index
                .query(text)
                .terms
                .iter()
                .filter_map(|t| t.id)
                .collect()
        };
        let (answer, quote) = (ids(&fact.answer), ids(&fact.quote));
        !of_someone
            && links.iter().any(|link| {
                ids(link)
                    .iter()
                    .any(|id| quote.contains(id) && !answer.contains(id))
            })
    }

    /// Whether `answer` names what `question` names in the question's own
    /// words ("moscow" is not "the Kremlin", though both stand for Russia),
    /// where the question asks whether something is in a place, has it in
    /// that place ("…is in Latakia, the province that borders Idlib" says
    /// no to "is it in idlib"), and names them in the question's order.
    fn names_as_asked(&self, question: &str, answer: &str) -> bool {
        let (q, a) = (tokens(question), tokens(answer));
        let q_words: Vec<&str> = q.iter().map(|t| t.text.as_str()).collect();
        let a_words: Vec<&str> = a.iter().map(|t| t.text.as_str()).collect();
        let q_mentions = self.lexicon.mentions(&q_words, &vec![false; q_words.len()]);
        let a_mentions = self.lexicon.mentions(&a_words, &vec![false; a_words.len()]);
        // "syria" is in "Syrian"; a word is held by one it begins.
        let in_answer =
            |w: &str| crate::normalize::is_stopword(w) || a_words.iter().any(|x| begins(x, w));
        let as_asked = q_mentions.iter().all(|m| {
            q_words[m.start..m.start + m.len]
                .iter()
                .all(|w| in_answer(w))
        });
        let located_as_asked = q_mentions
            .iter()
            .filter(|m| crate::words::after_locative(&q_words[..m.start]))
            .all(|m| {
                // Or inside a name that says where it is ("the biggest
                // Russian airbase in Syria").
                a_mentions.iter().any(|o| {
                    (o.entity == m.entity && crate::words::after_locative(&a_words[..o.start]))
                        || (o.entity != m.entity && self.places_in_name(o.entity, m.entity))
                })
            });
        // "does assad support iran" against "Iran and Russia support the
        // regime of President Bashar al-Assad": the same names the other
        // way round say something else.
        let first_in_answer = |e: usize| a_mentions.iter().position(|o| o.entity == e);
        let order: Vec<usize> = q_mentions
            .iter()
            .filter_map(|m| first_in_answer(m.entity))
            .collect();
        let same_order = order.windows(2).all(|w| w[0] <= w[1]);
        as_asked && located_as_asked && same_order
    }

    /// Whether entity `named`'s name puts `place` where it is ("the
    /// biggest Russian airbase in Syria" puts it in Syria, not in Russia).
    fn places_in_name(&self, named: usize, place: usize) -> bool {
        let toks = tokens(&self.lexicon.entity(named).name);
        let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        // The name as a whole is a mention of itself: look after each
        // locative in it on its own.
        (1..words.len()).any(|i| {
            let rest = &words[i..];
            crate::words::after_locative(&words[..i])
                && self
                    .lexicon
                    .mentions(rest, &vec![false; rest.len()])
                    .first()
                    .is_some_and(|m| m.start == 0 && m.entity == place)
        })
    }

    /// The answer to a question asking where, or to whom, someone said
    /// what `fact` reports them saying ("where did jaberi ansari say this,
    /// was it a press conference", "who did he make his comments to"): the
    /// sentence, which says it ("… told Iranian media"), when there is one
    /// to give ([`Engine::sentence_for`]); the short answer says only what
    /// was said.
    fn where_said(&self, fact: &Fact, query: &Query) -> Option<String> {
        if !(query.want == Some(Want::Place) || query.asks_audience) || fact.speaker.is_none() {
            return None;
        }
        self.sentence_for(fact)
    }

    fn source(&self, fact: &Fact) -> SourceRef {
        SourceRef::of(fact, self.articles.get(&fact.article))
    }
}

/// A yes/no fact says "Yes." or "No." only when the question asks yes or
/// no in nearly the words of one of its phrasings: anything looser ("did
/// the truces last" against "were the ceasefires broken") may ask the
/// opposite, so the evidence is given without a verdict.
const VERDICT_SIMILARITY: f32 = 0.9;

/// Whether a question dates what it asks about: a day or month by name
/// ("on friday"), or a span pinned down ("this week", "in recent months",
/// "over the past three years"); not "have a good end of the week", nor
/// "may" or "march" alone.
fn dates_itself(words: &[crate::normalize::Token]) -> bool {
    const SPANS: &[&str] = &[
        "week", "weeks", "month", "months", "year", "years", "day", "days", "decade",
    ];
    const PINS: &[&str] = &[
        "this", "last", "next", "past", "recent", "previous", "earlier", "same", "few", "couple",
    ];
    words.iter().enumerate().any(|(i, t)| {
        let w = t.text.as_str();
        if !crate::words::has(&crate::words::lists().time, w) || matches!(w, "may" | "march") {
            return false;
        }
        if !SPANS.contains(&w) {
            return true;
        }
        words[..i]
            .iter()
            .rev()
            .take(2)
            .any(|b| PINS.contains(&b.text.as_str()) || b.text.chars().all(|c| c.is_ascii_digit()))
    })
}

impl Engine {
    /// The answer to show for `fact` to a question read as `query`.
    fn compose(&self, question: &str, fact: &Fact, query: &Query, factors: &Factors) -> String {
        if fact.kind != AnswerKind::YesNo {
            // "when did erdogan say that": an answer leaving out the time
            // (or the number) its quote gives ("…, Erdogan said this
            // week") does not answer it; the quote does. So with a count:
            // "over how many years were rebels evacuated" is not answered
            // by "Thousands of rebels…" when the quote says "Over the past
            // three years". Not a moderator's answer, which says what they
            // meant it to.
            // A question that dates what it asks about ("did erdogan warn
            // of a massacre last month") asks when too.
            let dates = || dates_itself(&tokens(question));
            let leaves_out = fact.origin != Origin::Moderator
                && fact.paragraph.is_some()
                && query
                    .want
                    .filter(|&w| matches!(w, Want::Time | Want::Number))
                    .or_else(|| dates().then_some(Want::Time))
                    .is_some_and(|w| {
                        let (answer, quote) = if w == Want::Number && !query.counts.is_empty() {
                            (
                                self.index.counts_in(&fact.answer, query),
                                self.index.counts_in(&fact.quote, query),
                            )
                        } else {
                            (
                                states_wanted(&fact.answer, w),
                                states_wanted(&fact.quote, w),
                            )
                        };
                        !answer && quote
                    });
            // "is putin at the summit": a bare list of names says nothing
            // yes or no; the sentence it comes from says what they do
            // ("… are meeting to discuss Idlib").
            let bare_list = query.want == Some(Want::YesNo)
                && fact.kind == AnswerKind::List
                && fact.origin != Origin::Moderator
                && fact.paragraph.is_some()
                && self.names_only(&fact.answer);
            // "did jaberi ansari speak to iranian media": an answer that
            // leaves out whom the question names, when its quote names
            // them, says nothing yes or no of them; the quote does.
            let names_left_out = query.want == Some(Want::YesNo)
                && fact.origin != Origin::Moderator
                && fact.paragraph.is_some()
                && self.quote_names_what_answer_leaves_out(question, fact);
            // "did he meet rowhani before the big meeting or after": the
            // sentence says which, not an answer worded the other way
            // round ("After meeting each other, …").
            let choice = query.want == Some(Want::YesNo)
                && fact.origin != Origin::Moderator
                && fact.paragraph.is_some()
                && asks_order(question, &fact.answer, &fact.quote);
            // "whats the group in charge of idlib linked to?": asked what
            // something is linked to, an answer naming the thing alone
            // ("Idlib is largely controlled by Hayat Tahrir al-Sham.")
            // does not say; its sentence does ("…led by an
            // al-Qaeda-affiliated group").
            let link_left_out = fact.origin != Origin::Moderator
                && fact.paragraph.is_some()
                && query.want != Some(Want::YesNo)
                && self.link_left_out(question, fact);
            return if leaves_out || bare_list || names_left_out {
                fact.quote.clone()
            } else if choice || link_left_out {
                // Standing alone: "Idlib is largely controlled by…", not
                // "It is…".
                self.sentence_for(fact)
                    .unwrap_or_else(|| fact.quote.clone())
            } else if fact.origin == Origin::Sentence {
                // A sentence given as its own answer stands alone: "It is
                // largely controlled by…" says what "it" is.
                self.sentence_for(fact)
                    .unwrap_or_else(|| fact.answer.clone())
            } else {
                fact.answer.clone()
            };
        }
        // A negation in the question may turn the verdict round ("have they
        // never met before" matches "have they met before"): the evidence is
        // given without one.
        let negated = tokens(question)
            .iter()
            .any(|t| crate::words::has(&crate::words::lists().negations, &t.text));
        let settled =
            query.want == Some(Want::YesNo) && factors.similarity >= VERDICT_SIMILARITY && !negated;
        match ["Yes. ", "No. "]
            .iter()
            .find_map(|v| fact.answer.strip_prefix(v))
        {
            Some(evidence) if !settled => evidence.to_string(),
            _ => fact.answer.clone(),
        }
    }
}

/// Whether a yes/no `question` asks whether something came before or
/// after ("did he meet rowhani before the summit or after", "…sat down
/// with rowhani before the talks?") and `answer` may word it the other
/// way round ("After meeting each other, …"): the question offers both,
/// or the answer has an order word of the other side ("after" to
/// "before", not "ahead"). Its `sentence` says which, when it has an
/// order word too ("Ahead of the summit, …"; not "It is largely
/// controlled…" to "…before or after the summit").
fn asks_order(question: &str, answer: &str, sentence: &str) -> bool {
    const BEFORE: &[&str] = &["before", "b4", "ahead", "earlier"];
    const AFTER: &[&str] = &["after", "later"];
    let side = |t: &crate::normalize::Token| {
        let w = t.text.as_str();
        (BEFORE.contains(&w) || AFTER.contains(&w)).then(|| BEFORE.contains(&w))
    };
    let asked = tokens(question);
    let sides: Vec<bool> = asked.iter().filter_map(side).collect();
    let offers_both = asked
        .windows(3)
        .any(|w| w[1].text == "or" && (side(&w[0]).is_some() || side(&w[2]).is_some()));
    let turned = tokens(answer)
        .iter()
        .filter_map(side)
        .any(|s| !sides.contains(&s));
    // Or a time ("last week", "over the past three years", "in recent
    // months"): the question's order is settled against it.
    let says_which = tokens(sentence).iter().any(|t| {
        side(t).is_some()
            || matches!(
                t.text.as_str(),
                "last" | "past" | "recent" | "previous" | "already" | "ago" | "week" | "friday"
            )
    });
    !sides.is_empty() && (offers_both || turned) && says_which
}

/// Whether answer word `word` is question word `asked` or begins with it
/// ("syrian" holds "syria"); a number only as itself ("10000" does not
/// hold "1000").
fn begins(word: &str, asked: &str) -> bool {
    if asked.chars().any(|c| c.is_ascii_digit()) {
        word == asked
    } else {
        word.starts_with(asked)
    }
}

/// Confidence to three places, so output is stable and readable.
fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}
