//! Follow-up questions: a question that leans on the last exchange ("what
//! did he say?", "and the kremlin?", "when?") read with it. Pure: the
//! previous exchange comes in as a value; where exchanges are remembered
//! (per person and channel, for how long) is the edges' business
//! (`crate::conversation`).
//!
//! Two steps, each a function: [`dangling`] finds the reference a question
//! cannot resolve on its own (a pronoun with nothing in the question it
//! could stand for, or an ellipsis: a fragment with no question of its
//! own), and [`rewrites`] turns it into whole questions, most likely first,
//! from the entities and the frame of the previous question and answer.
//! The engine asks them and decides (see `Engine::ask_following`).

use crate::answer::Taking;
use crate::fact::FactId;
use crate::lexicon::{EntityKind, Lexicon};
use crate::normalize::{tokens, Token};
use crate::words;

/// The last exchange of one person in one place: what their question was
/// taken to mean, and the answer they got and the fact it came from (None
/// when it was declined).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    pub question: String,
    pub answer: Option<String>,
    pub fact: Option<FactId>,
}

/// Whether `question` asks for something besides what the last answer
/// gave: "what else did he say", "anything else?", "who else is he meeting".
pub fn asks_else(question: &str) -> bool {
    tokens(question).iter().any(|t| t.text == "else")
}

/// A reference the question leaves for the context to fill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dangling {
    /// A pronoun (token `at` of the question's tokens) that nothing in the
    /// question can stand for.
    Pronoun {
        at: usize,
        word: String,
        refers: Refers,
    },
    /// A fragment with an entity or a noun but no question of its own
    /// ("and the kremlin?", "what about trump?", "and refugees?"): its
    /// words, without the lead-in.
    Swap { words: Vec<String> },
    /// A fragment asking with a question word alone ("when?", "why tho",
    /// "from where?", "against who?"): its words.
    Ask { words: Vec<String> },
}

/// What kind of thing a pronoun stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refers {
    /// he, she, him, his, her.
    Person,
    /// it, its: a country, place, organisation or group, or the topic.
    Thing,
    /// they, them, their: a group, country or organisation, or the topic.
    Group,
    /// there: a place or country.
    Place,
    /// that (ending the question): a thing, or the topic.
    Topic,
}

/// The longest fragment read as an ellipsis, in words after its lead-in:
/// "and al qaeda fighters" is one, "and what did he say about turkey" is
/// a question of its own.
const MAX_FRAGMENT: usize = 4;

/// The longest question a pronoun in is read as pointing back: follow-ups
/// are short ("what did he say about idlib?"), and in a long message the
/// pronoun's antecedent is nearly always in the message itself ("the un guy
/// for syria, what did he say…"). Found on the Tehran question sets, where
/// longer questions with a pronoun stood on their own.
const MAX_PRONOUN_QUESTION: usize = 12;

/// "that" ends a question it points back from only in a short one ("who
/// said that?", "whose stronghold is that?").
const MAX_THAT_QUESTION: usize = 6;

/// Words after "it" that make it the "it" of "it's gonna rain" when one
/// of `expletive_it` (`data/words.toml`) follows within two more ("is it going to last"
/// points back).
const IT_GOING: &[&str] = &["gonna", "going"];

/// Words that open an ellipsis ("and russia?", "what about the kremlin?").
const LEAD_INS: &[&[&str]] = &[
    &["what", "about"],
    &["how", "about"],
    &["what", "of"],
    &["and"],
    &["but"],
    &["about"],
];

/// Chat words around a fragment that ask nothing ("why tho", "and then?").
const FILLERS: &[&str] = &[
    "so", "ok", "okay", "then", "tho", "though", "too", "also", "now", "exactly", "again", "lol",
    "hmm", "um", "uh", "pls", "please", "wait", "rn",
];

/// Words that lead a fragment asking about the last question ("with
/// whose help?", "for what?").
const PREPOSITIONS: &[&str] = &[
    "with", "for", "from", "against", "between", "to", "by", "about", "at", "in", "since",
];

const WH: &[&str] = &[
    "who", "whom", "whose", "what", "when", "where", "why", "how", "which", "whats", "wheres",
    "whos", "hows",
];

/// Words after "how" that belong to the question word ("how many").
const HOW_WORDS: &[&str] = &[
    "many", "much", "long", "far", "old", "often", "big", "large",
];

fn is_wh(word: &str) -> bool {
    WH.contains(&word)
}

fn is_aux(word: &str) -> bool {
    words::has(&words::lists().auxiliaries, word)
}

/// `sentence` standing alone: when it opens with a pronoun standing for
/// someone or something said before it ("It also has a population of 3
/// million civilians …"), the pronoun is put as the first name in `named`
/// that it can stand for ("Idlib also has …", from the answer "A third of
/// Idlib's 3 million civilians …"); None when none can. A sentence
/// opening otherwise is given as it is.
pub(crate) fn standing_alone(lexicon: &Lexicon, sentence: &str, named: &str) -> Option<String> {
    let start = sentence.find(|c: char| c.is_alphanumeric())?;
    let len = sentence[start..]
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(sentence.len() - start);
    let first = sentence[start..start + len].to_lowercase();
    let refers = match pronoun(&first) {
        Some(r @ (Refers::Person | Refers::Thing | Refers::Group)) => r,
        _ => return Some(sentence.to_string()),
    };
    // Not "its"/"their": a possessive would need the name's own possessive.
    if !matches!(first.as_str(), "it" | "he" | "she" | "they") {
        return None;
    }
    // Not a name the sentence itself gives: "it" in "It is largely
    // controlled by Hayat Tahrir al-Sham" is not Hayat Tahrir al-Sham.
    let own = entities(lexicon, &tokens(&sentence[start + len..]));
    let entity = entities(lexicon, &tokens(named))
        .into_iter()
        .find(|&e| fits(refers, lexicon.entity(e).kind) && !own.contains(&e))?;
    Some(format!(
        "{}{}{}",
        &sentence[..start],
        lexicon.entity(entity).name,
        &sentence[start + len..]
    ))
}

fn pronoun(word: &str) -> Option<Refers> {
    Some(match word {
        "he" | "she" | "him" | "his" | "her" | "hers" | "himself" | "herself" => Refers::Person,
        "it" | "its" | "itself" => Refers::Thing,
        "they" | "them" | "their" | "theirs" | "themselves" => Refers::Group,
        "there" => Refers::Place,
        "that" => Refers::Topic,
        _ => return None,
    })
}

/// Whether an entity of `kind` can be what a pronoun of `refers` stands for.
fn fits(refers: Refers, kind: EntityKind) -> bool {
    match refers {
        Refers::Person => kind == EntityKind::Person,
        Refers::Thing | Refers::Topic => kind != EntityKind::Person,
        Refers::Group => matches!(
            kind,
            EntityKind::Group | EntityKind::Org | EntityKind::Country
        ),
        Refers::Place => matches!(kind, EntityKind::Place | EntityKind::Country),
    }
}

/// The entities `toks` names, in order, each once.
pub(super) fn entities(lexicon: &Lexicon, toks: &[Token]) -> Vec<usize> {
    let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    let caps: Vec<bool> = toks.iter().map(|t| t.upper).collect();
    let mut out = Vec::new();
    for m in lexicon.mentions(&words, &caps) {
        if !out.contains(&m.entity) {
            out.push(m.entity);
        }
    }
    out
}

/// The reference in `question` that only the last exchange can fill, if
/// any. A question that stands on its own has none, and is never read
/// with context.
pub fn dangling(lexicon: &Lexicon, question: &str) -> Option<Dangling> {
    let toks = tokens(question);
    if toks.is_empty() {
        return None;
    }
    let named = entities(lexicon, &toks);
    let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    // The kinds of what the question names other than after a preposition:
    // what "they" could stand for. "Syria" in "what part of syria do they
    // control" is where, not who.
    let caps: Vec<bool> = toks.iter().map(|t| t.upper).collect();
    let mentions = lexicon.mentions(&words, &caps);
    // The places and countries named, but for a country that is the
    // subject right after an auxiliary when what it has is "there" ("what
    // does russia have there"): that one has something there, it is not
    // where "there" is. ("which side is ankara backing over there" names
    // where.)
    // Nor a country's adjective on the thing that is there ("the russian
    // base there", "anything russian there"): that names what is there.
    let places_named = |at: usize| {
        let has_there = at > 0
            && matches!(
                words[at - 1],
                "have" | "has" | "had" | "got" | "keep" | "keeps"
            );
        mentions.iter().any(|m| {
            let kind = lexicon.entity(m.entity).kind;
            let end = m.start + m.len;
            let thing_there =
                m.len == 1 && is_demonym(words[m.start]) && end <= at && at - end <= 1;
            kind == EntityKind::Place
                || (kind == EntityKind::Country
                    && !thing_there
                    && !(has_there
                        && m.start > 0
                        && (is_aux(words[m.start - 1]) || words[m.start - 1] == "whats")))
        })
    };
    let actors: Vec<(EntityKind, usize)> = mentions
        .iter()
        .filter(|m| !words::after_locative(&words[..m.start]))
        .map(|m| (lexicon.entity(m.entity).kind, m.start + m.len))
        .collect();
    // Whether the words from `at` on are the subject's end, its verb next:
    // an auxiliary, maybe after one plural noun ("turkish soldiers are").
    // "Them" after a clause's subject is someone else.
    let subject_ends = |at: usize| {
        let next = |k: usize| words.get(at + k).copied();
        next(0).is_some_and(is_aux)
            || (next(0).is_some_and(is_plural_noun) && next(1).is_some_and(is_aux))
    };
    // Chat shorthand for one word read as that word ("what abt russia").
    let plain: Vec<&str> = words
        .iter()
        .map(|w| match lexicon.shorthand(w) {
            Some([one]) => one.as_str(),
            _ => w,
        })
        .collect();
    let fragment = fragment(&plain).filter(|f| !f.iter().any(|w| pronoun(w).is_some()));
    if let Some(fragment) = fragment {
        let has_wh = fragment.iter().any(|w| is_wh(w));
        let has_aux = fragment.iter().any(|w| is_aux(w));
        // "when?", "how many?", "from where?", "displaced by what": the
        // question word ends it, or it is nothing else.
        // "with whose help", "for what reason": a preposition leading
        // a question word asks about the last question too.
        // "which ones?" after "how many…": the ones counted.
        let which_ones = matches!(
            fragment
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice(),
            ["which" | "what", "ones"]
        );
        let asks_alone = which_ones
            || fragment.last().is_some_and(|w| is_wh(w))
            || fragment
                .iter()
                .all(|w| is_wh(w) || HOW_WORDS.contains(&w.as_str()))
            || fragment
                .first()
                .is_some_and(|w| PREPOSITIONS.contains(&w.as_str()));
        if has_wh && asks_alone && !has_aux && named.is_empty() {
            return Some(Dangling::Ask { words: fragment });
        }
        // Only a fragment that says it goes on from the last exchange
        // ("and russia?", "russia too?"): "bitcoin price rn" is no
        // follow-up for having lost its chat word.
        let goes_on = LEAD_INS
            .iter()
            .any(|lead| plain.len() > lead.len() && plain[..lead.len()] == **lead)
            || plain.iter().any(|w| matches!(*w, "too" | "also"))
            || possessive_alone(lexicon, question, &fragment);
        if !has_wh && !has_aux && goes_on {
            return Some(Dangling::Swap { words: fragment });
        }
    }
    if words.len() > MAX_PRONOUN_QUESTION {
        return None;
    }
    for (at, w) in words.iter().enumerate() {
        let Some(refers) = pronoun(w) else { continue };
        let next = words.get(at + 1).copied();
        let prev = at.checked_sub(1).map(|i| words[i]);
        let before = &words[..at];
        let dangles = match refers {
            // Whoever the question names is whom "he" means.
            // Whoever the question names before "he"; one named after it
            // is someone else ("what did he say about erdogan's warning").
            Refers::Person => {
                !mentions
                    .iter()
                    .any(|m| m.start < at && lexicon.entity(m.entity).kind == EntityKind::Person)
                    && !before
                        .iter()
                        .any(|b| words::has(&words::lists().person_nouns, b))
            }
            Refers::Thing => {
                // "is it gonna rain": the weather's "it" a few words on.
                let weather = next.is_some_and(|n| IT_GOING.contains(&n))
                    && words[at + 2..]
                        .iter()
                        .take(3)
                        .any(|n| words::has(&words::lists().expletive_it, n));
                // Anything the question names may be what "it" is, but
                // for where it is: "syria" in "where is it in syria".
                actors.is_empty()
                    && !next.is_some_and(|n| words::has(&words::lists().expletive_it, n))
                    && !weather
                    // "what time is it"
                    && !before.ends_with(&["time", "is"])
                    // "…about passing the buck, what was it": ending a
                    // long question, "it" points at the question's own
                    // words.
                    && (next.is_some() || words.len() <= MAX_THAT_QUESTION)
            }
            // "their" after "residents" means the residents.
            // ("who leads them": "leads" is a verb after "who".)
            // Nor "them" in "was idlib one of them": a place is no group.
            // Nor "them" after the subject of its own clause: in "how many
            // soldiers are stationed at them" the soldiers are not "them".
            Refers::Group => {
                let them = *w == "them";
                !actors
                    .iter()
                    .any(|&(k, end)| fits(Refers::Group, k) && !(them && subject_ends(end)))
                    && !before.iter().enumerate().any(|(k, b)| {
                        is_plural_noun(b)
                            && !(k > 0 && is_wh(before[k - 1]))
                            && !(them && before.get(k + 1).is_some_and(|n| is_aux(n)))
                    })
            }
            // "is there", "there are": nothing is referred to. Any place
            // or country named may be the place meant, even as the one
            // acting: written to stand alone, "what is the syrian army
            // gearing up to do there" means somewhere in Syria. Not a
            // country that has something there (`places_named`).
            Refers::Place => {
                !places_named(at)
                    && !next.is_some_and(|n| is_aux(n) || n == "be" || n == "been")
                    // "have there been"; but "what does russia have there"
                    // has it there.
                    && !prev.is_some_and(|p| {
                        (is_aux(p) && !matches!(p, "have" | "has" | "had"))
                            || matches!(p, "be" | "being" | "been")
                    })
            }
            // "that" ends a question it points back from ("who said
            // that?"); elsewhere it is mostly a conjunction.
            // So does "that" as the subject after an auxiliary ("when did
            // that happen", "is that true").
            // (The subject after an auxiliary in a longer question too,
            // before a verb: "how long has that been going on"; not "was
            // that group always in charge", where "that" goes with a noun.)
            Refers::Topic => {
                named.is_empty()
                    && ((words.len() <= MAX_THAT_QUESTION
                        && (next.is_none()
                            || next.is_some_and(|n| matches!(n, "stuff" | "thing"))
                            || prev.is_some_and(is_aux)))
                        || (prev.is_some_and(is_aux)
                            && next.is_some_and(|n| {
                                matches!(n, "been" | "be" | "mean" | "happen" | "true")
                                    || n.ends_with("ing")
                                    || n.ends_with("ed")
                            })))
            }
        };
        if dangles {
            return Some(Dangling::Pronoun {
                at,
                word: (*w).to_string(),
                refers,
            });
        }
    }
    None
}

/// Whether a word before a noun in the last question singles out which
/// ones it meant ("the previous meetings"), by when or in what order.
fn qualifies(word: &str) -> bool {
    words::has(&words::lists().singling, word)
}

/// "where were those meetings held" after "what did previous meetings of
/// the three leaders lead to": the question stands on its own in form,
/// but "those meetings" are the last question's previous meetings, not
/// any meeting (the summit). The question with "those" (or "these") and
/// its noun read as the last question's noun with the words before it
/// that single it out; none when the last question has the noun bare.
pub fn demonstrative(question: &str, previous: &Exchange) -> Option<Rewrite> {
    let toks = tokens(question);
    let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    let before: Vec<String> = fold_words(&previous.question);
    let Some(at) = words
        .windows(2)
        .position(|w| matches!(w[0], "those" | "these") && is_plural_noun(w[1]))
    else {
        return bare_demonstrative(&words, &before);
    };
    let noun = words[at + 1];
    let stem = |w: &str| w.trim_end_matches('s').to_string();
    let j = before.iter().position(|w| stem(w) == stem(noun))?;
    // The nearest singling word within the noun phrase ("the previous
    // turkey russia iran meetings"), which ends at grammar words.
    let k = (j.saturating_sub(4)..j)
        .rev()
        .take_while(|&i| {
            let w = before[i].as_str();
            !is_wh(w) && !is_aux(w) && !matches!(w, "the" | "a" | "an" | "of" | "and")
        })
        .filter(|&i| qualifies(&before[i]))
        .last()?;
    let meant = format!("the {} {noun}", before[k..j].join(" "));
    Some(taken_as(&words, at..at + 2, meant))
}

/// The sure reading of `words` with the words in `span` taken as `meant`.
fn taken_as(words: &[&str], span: std::ops::Range<usize>, meant: String) -> Rewrite {
    let took = words[span.clone()].join(" ");
    let mut read: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    read.splice(span, [meant.clone()]);
    let read_as = read.join(" ");
    Rewrite {
        question: read_as.clone(),
        taking: Taking {
            took,
            as_: meant,
            read_as,
        },
        sure: true,
    }
}

/// "where were those held" after "what did previous meetings of the
/// three leaders lead to": "those" alone, standing for the things the
/// last question singled out ("previous meetings"), read as them. None
/// when the last question singles nothing out: "those" is then whatever
/// the last exchange was about, which the other readings try.
fn bare_demonstrative(words: &[&str], before: &[String]) -> Option<Rewrite> {
    let at = words.iter().enumerate().position(|(i, w)| {
        matches!(*w, "those" | "these")
            && words
                .get(i + 1)
                .is_none_or(|next| !is_plural_noun(next) && !qualifies(next))
    })?;
    let k = before.iter().position(|w| qualifies(w))?;
    let j = (k + 1..before.len().min(k + 4)).find(|&j| is_plural_noun(&before[j]))?;
    if before[k + 1..j]
        .iter()
        .any(|w| is_wh(w) || is_aux(w) || matches!(w.as_str(), "the" | "a" | "an" | "of"))
    {
        return None;
    }
    let meant = format!("the {}", before[k..=j].join(" "));
    Some(taken_as(words, at..at + 1, meant))
}

/// Whether `fragment` is one name in the possessive and nothing else
/// ("turkey's?", "russias?" after "who is iran's president"): whose, of
/// what the last question asked. A bare name ("turkey?") may be a question
/// of its own; the possessive leans on something left unsaid.
fn possessive_alone(lexicon: &Lexicon, question: &str, fragment: &[String]) -> bool {
    let words: Vec<&str> = fragment.iter().map(String::as_str).collect();
    let caps = vec![false; words.len()];
    let mentions = lexicon.mentions(&words, &caps);
    let [m] = mentions.as_slice() else {
        return false;
    };
    if m.start != 0 || m.len != words.len() {
        return false;
    }
    let folded = crate::normalize::fold(question);
    let marked = folded.contains("'s") || folded.contains("s'");
    // "russias": the name read through its possessive without the
    // apostrophe (the lexicon reads only names it knows that way).
    let unmarked = match words.as_slice() {
        [one] => one.strip_suffix('s').is_some_and(|bare| {
            let named = lexicon.mentions(&[bare], &[false]);
            named.len() == 1 && named[0].entity == m.entity
        }),
        _ => false,
    };
    marked || unmarked
}

/// Whether `word` is a country's adjective ("russian", "turkish",
/// "american") rather than its name.
fn is_demonym(word: &str) -> bool {
    ["ian", "ish", "can", "ese"]
        .iter()
        .any(|end| word.ends_with(end))
}

/// Whether `word` looks like a plural noun ("residents", "fighters"): a
/// long word in -s that is no function word.
fn is_plural_noun(word: &str) -> bool {
    word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        // "previous", "status", "analysis"
        && !word.ends_with("us")
        && !word.ends_with("is")
        && !crate::normalize::is_stopword(word)
        && !is_aux(word)
        && !is_wh(word)
}

/// The words of `words` as a fragment: without a lead-in and fillers, when
/// what is left is short enough to be one.
fn fragment(words: &[&str]) -> Option<Vec<String>> {
    let mut rest = words;
    for lead in LEAD_INS {
        if rest.len() > lead.len() && rest[..lead.len()] == **lead {
            rest = &rest[lead.len()..];
            break;
        }
    }
    let kept: Vec<String> = rest
        .iter()
        .filter(|w| !FILLERS.contains(w))
        .map(|w| (*w).to_string())
        .collect();
    (!kept.is_empty() && kept.len() <= MAX_FRAGMENT).then_some(kept)
}

/// One way to read a follow-up: the question to ask, and what it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrite {
    pub question: String,
    pub taking: Taking,
    /// Whether the reference is filled by something of its own kind that
    /// the last exchange named: "he" by the person, "and the kremlin?" in
    /// place of the one actor of the last question, "when?" in place of the
    /// last question's question word. Such a reading is as
    /// trustworthy as the question asked whole; others (the topic for
    /// "it", a frame around a fragment) may be wrong in themselves.
    pub sure: bool,
}

/// The whole questions `question` may mean after `previous`, most likely
/// first. Empty when the exchange gives nothing to fill `dangling` with.
pub fn rewrites(
    lexicon: &Lexicon,
    question: &str,
    dangling: &Dangling,
    previous: &Exchange,
) -> Vec<Rewrite> {
    let asked = tokens(&previous.question);
    let answer = previous.answer.as_deref().map(tokens).unwrap_or_default();
    let mut out: Vec<Rewrite> = Vec::new();
    let mut push = |question: String, took: &str, as_: String, sure: bool| {
        if !question.trim().is_empty() && !out.iter().any(|r| r.question == question) {
            out.push(Rewrite {
                taking: Taking {
                    took: took.to_string(),
                    as_,
                    read_as: question.clone(),
                },
                question,
                sure,
            });
        }
    };
    match dangling {
        Dangling::Pronoun { at, word, refers } => {
            let toks = tokens(question);
            let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
            let topic = topic(&asked);
            // "and after that?" after "who did erdogan meet before the
            // summit": the same question the other way round in time.
            let said: Vec<&str> = words
                .iter()
                .copied()
                .filter(|w| *w != "and" && !FILLERS.contains(w))
                .collect();
            if let [turn @ ("after" | "before"), "that"] = said.as_slice() {
                let other = if *turn == "after" { "before" } else { "after" };
                let asked_words: Vec<&str> = asked.iter().map(|t| t.text.as_str()).collect();
                if asked_words.contains(&other) {
                    let q = asked_words
                        .iter()
                        .map(|w| if *w == other { *turn } else { *w })
                        .collect::<Vec<_>>()
                        .join(" ");
                    push(q.clone(), question.trim(), format!("“{q}”"), true);
                }
            }
            // "what is his country trying to avoid" after "who is turkey's
            // president": his country is the one he stands for (Turkey).
            if *refers == Refers::Person
                && matches!(word.as_str(), "his" | "her")
                && words.get(at + 1).is_some_and(|n| COUNTRY_NOUNS.contains(n))
            {
                for c in candidates(lexicon, &asked, &answer, Refers::Person) {
                    for e in lexicon.related(c.entity) {
                        let country = lexicon.entity(e);
                        if country.kind == EntityKind::Country {
                            let mut w = words.clone();
                            w.remove(at + 1);
                            let q = replace(&w, *at, &fold_words(&country.name));
                            let took = format!("{word} {}", words[*at + 1]);
                            push(q, &took, country.name.clone(), true);
                        }
                    }
                }
            }
            // A second pronoun left ("when did he say it?"): the topic of
            // the last question, in the reading tried first.
            let other = words
                .iter()
                .enumerate()
                .skip(at + 1)
                .find(|(_, w)| pronoun(w).is_some_and(|r| r != Refers::Person))
                .map(|(i, _)| i);
            // "who said that?": what was asked, before any one name in it.
            if *refers == Refers::Topic && !topic.is_empty() {
                push(
                    replace(&words, *at, &topic),
                    word,
                    format!("“{}”", topic.join(" ")),
                    false,
                );
            }
            // "they" after "how many observation posts…": the posts, before
            // any country the question named.
            // "it" after "what did erdogan say the summit would do": the
            // summit.
            let mut phrases = match refers {
                Refers::Group => plural_phrases(&asked),
                Refers::Thing | Refers::Topic => the_phrases(&asked),
                _ => Vec::new(),
            };
            // "did they hold up?" after "what came out of the earlier
            // meetings", answered "…led to de-escalation zones": the new
            // plural things the answer gave, before the question's own,
            // the last first (what a sentence ends on is what it tells).
            if *refers == Refers::Group && asks_what_came(&asked) {
                let asked_words: Vec<&str> = asked.iter().map(|t| t.text.as_str()).collect();
                let mut given: Vec<Vec<String>> = plural_phrases(&answer)
                    .into_iter()
                    .rev()
                    .filter(|p| p.last().is_some_and(|n| !asked_words.contains(&n.as_str())))
                    .collect();
                given.append(&mut phrases);
                phrases = given;
            }
            // "did they say anything about refugees?": someone who speaks,
            // before the talks.
            let speaks = words.iter().any(|w| words::has(&words::lists().say, w));
            let mut entities = candidates(lexicon, &asked, &answer, *refers);
            // "He" is not someone this question names after it ("what did
            // he say about erdogan's warning").
            if *refers == Refers::Person {
                let own = self::entities(lexicon, &toks);
                entities.retain(|c| !own.contains(&c.entity));
            }
            // What the last answer gave when asked for one thing comes
            // first, of any kind ("who do they back" after "which country
            // hosts the refugees?", answered Turkey).
            let given_count = entities.iter().take_while(|c| c.given).count();
            let given: Vec<Candidate> = entities.drain(..given_count).collect();
            // Groups and organisations the question named come before the
            // plural phrases; countries after them.
            let after = entities
                .iter()
                .position(|c| lexicon.entity(c.entity).kind == EntityKind::Country)
                .unwrap_or(entities.len());
            let countries = entities.split_off(after);
            let mut fills: Vec<(Vec<String>, String, bool)> = given
                .iter()
                .map(|c| {
                    let sure = *refers == Refers::Person;
                    (c.words.clone(), lexicon.entity(c.entity).name.clone(), sure)
                })
                .collect();
            // "they" after "washington and moscow": both.
            let all = candidates(lexicon, &asked, &[], *refers);
            if *refers == Refers::Group && all.len() >= 2 {
                let words = joined(&all);
                let names: Vec<&str> = all
                    .iter()
                    .map(|c| lexicon.entity(c.entity).name.as_str())
                    .collect();
                fills.push((words, names.join(" and "), false));
            }
            fills.extend(entities.iter().map(|c| {
                (
                    c.words.clone(),
                    lexicon.entity(c.entity).name.clone(),
                    *refers == Refers::Person,
                )
            }));
            let countries = countries.iter().map(|c| {
                (
                    c.words.clone(),
                    lexicon.entity(c.entity).name.clone(),
                    false,
                )
            });
            let phrases = phrases
                .iter()
                .map(|p| (p.clone(), format!("“{}”", p.join(" ")), false));
            if speaks {
                fills.extend(countries);
                fills.extend(phrases);
            } else {
                fills.extend(phrases);
                fills.extend(countries);
            }
            // What a second pronoun may stand for, by its kind.
            let second = other.map(|i| {
                let refers = pronoun(words[i]).unwrap_or(Refers::Topic);
                (i, refers, candidates(lexicon, &asked, &[], refers))
            });
            for (with, name, sure) in fills {
                let name = &name;
                // A second pronoun left ("when did he say it?" after "what
                // did erdogan say about a massacre"): "it" is what the last
                // question was about, less what this one already says
                // ("about a massacre"); "there" is dropped ("what is his
                // govt trying to avoid there"), as is any pronoun with no
                // topic left to stand for.
                if let Some((i, second, fitting)) = &second {
                    let (i, second) = (*i, *second);
                    let named: Vec<&Candidate> =
                        fitting.iter().filter(|c| c.words != with).collect();
                    // "it" stays what the question was about ("when did
                    // he say it?": the massacre he spoke of, not idlib).
                    let by_name = matches!(second, Refers::Group | Refers::Place);
                    let rest: Vec<String> = if !named.is_empty() && by_name {
                        // "what did he accuse them of" after "…washington
                        // and moscow": them are those the question named.
                        let lead = (second == Refers::Place).then(|| "in".to_string());
                        lead.into_iter().chain(joined(&named)).collect()
                    } else if second == Refers::Place {
                        Vec::new()
                    } else {
                        topic
                            .iter()
                            .filter(|t| !words.contains(&t.as_str()) && !with.contains(t))
                            .cloned()
                            .collect()
                    };
                    let both: Vec<String> = words
                        .iter()
                        .enumerate()
                        .flat_map(|(k, w)| {
                            if k == *at {
                                with.clone()
                            } else if k == i {
                                rest.clone()
                            } else {
                                vec![(*w).to_string()]
                            }
                        })
                        .collect();
                    push(both.join(" "), word, name.clone(), false);
                }
                // "there" is a place: "in tehran".
                let with = if *refers == Refers::Place {
                    std::iter::once("in".to_string()).chain(with).collect()
                } else {
                    with
                };
                push(replace(&words, *at, &with), word, name.clone(), sure);
            }
            // "they", "it", "that": the topic of the last question when
            // no entity fits ("did they work?" after "what were the
            // de-escalation zones"). Not "there": a place or nothing.
            // Not "they" or "it" after "who controls most of idlib": after
            // a question word with no auxiliary comes what someone does,
            // nothing a pronoun can stand for ("who is their leader").
            // ("What agreement was reached" asks about a thing: its topic
            // stays.)
            let asked_words: Vec<&str> = asked.iter().map(|t| t.text.as_str()).collect();
            let lead = wh_lead(&asked_words).len();
            let after = |k: usize| asked_words.get(lead + k).copied();
            let predicate = matches!(refers, Refers::Group | Refers::Thing)
                && match lead.checked_sub(1).map(|i| asked_words[i]) {
                    Some("who") => true,
                    // "which country has 12 observation posts in idlib":
                    // a kind of entity, then what the one asked for does.
                    Some("what" | "which") => {
                        after(0).and_then(kind_noun).is_some()
                            || !(after(0).is_some_and(is_content) && after(1).is_some_and(is_aux))
                    }
                    _ => false,
                };
            if !matches!(refers, Refers::Person | Refers::Place) && !topic.is_empty() && !predicate
            {
                let as_ = format!("“{}”", topic.join(" "));
                push(replace(&words, *at, &topic), word, as_, false);
            }
        }
        Dangling::Swap { words } => {
            let took = question.trim();
            let new = fold_words(&words.join(" "));
            let new_toks = tokens(&words.join(" "));
            let new_entities = entities(lexicon, &new_toks);
            let asked_words: Vec<&str> = asked.iter().map(|t| t.text.as_str()).collect();
            // The last question with what the fragment names in place of
            // what it named ("what did trump say" → "what did the kremlin
            // say").
            let mut swapped = false;
            if let Some(&e) = new_entities.first() {
                // The fragment is one name and nothing more ("moscow?").
                let bare = {
                    let words: Vec<&str> = new_toks.iter().map(|t| t.text.as_str()).collect();
                    let caps: Vec<bool> = new_toks.iter().map(|t| t.upper).collect();
                    matches!(lexicon.mentions(&words, &caps).as_slice(),
                        [m] if m.start == 0 && m.len == words.len())
                };
                for (start, len, same) in swappable(lexicon, &asked, e, bare) {
                    swapped = true;
                    let mut w: Vec<String> = asked_words[..start]
                        .iter()
                        .map(|s| (*s).to_string())
                        .collect();
                    w.extend(new.iter().cloned());
                    let after = &asked_words[start + len..];
                    w.extend(after.iter().map(|s| (*s).to_string()));
                    let q = w.join(" ");
                    push(q.clone(), took, format!("“{q}”"), same);
                    // "and the kremlin?" after "what did trump say about
                    // idlib": what the other one said, about whatever
                    // they said it (the kremlin's words need not name
                    // idlib). Tried after the whole swap.
                    if let Some(verb) = after
                        .iter()
                        .position(|w| words::has(&words::lists().say, w))
                        .filter(|&v| v + 1 < after.len())
                    {
                        let cut = w.len() - (after.len() - verb - 1);
                        let q = w[..cut].join(" ");
                        push(q.clone(), took, format!("“{q}”"), same);
                    }
                }
            }
            // A plural thing for the plural thing asked about ("how many
            // al qaeda linked fighters are in idlib" + "and civilians?" →
            // "how many civilians are in idlib").
            let plural = new
                .last()
                .is_some_and(|w| is_plural_noun(w) || PLURALS.contains(&w.as_str()));
            if new_entities.is_empty() && plural {
                if let Some(phrase) = plural_phrases(&asked).first() {
                    let at = asked_words
                        .windows(phrase.len())
                        .position(|w| w == phrase.as_slice());
                    if let Some(at) = at {
                        let mut w: Vec<String> =
                            asked_words[..at].iter().map(|s| (*s).to_string()).collect();
                        // The whole mention the phrase ends in goes
                        // ("al qaeda linked fighters", not just "linked
                        // fighters").
                        let from = entity_start(lexicon, &asked, at);
                        w.truncate(from);
                        w.extend(new.iter().cloned());
                        w.extend(
                            asked_words[at + phrase.len()..]
                                .iter()
                                .map(|s| (*s).to_string()),
                        );
                        let q = w.join(" ");
                        swapped = true;
                        push(q.clone(), took, format!("“{q}”"), false);
                    }
                }
            }
            // The last question's frame around the fragment ("how many
            // syrian refugees does turkey host" → "how many observation
            // posts").
            let lead = wh_lead(&asked_words);
            if !lead.is_empty() && !swapped {
                let q = format!("{} {}", lead.join(" "), new.join(" "));
                push(q.clone(), took, format!("“{q}”"), false);
                let names: Vec<String> = entities(lexicon, &asked)
                    .into_iter()
                    .filter(|e| !new_entities.contains(e))
                    .map(|e| fold_words(&lexicon.entity(e).name).join(" "))
                    .collect();
                if !names.is_empty() {
                    let q = format!("{q} {}", names.join(" "));
                    push(q.clone(), took, format!("“{q}”"), false);
                }
            }
        }
        Dangling::Ask { words } => {
            let took = question.trim();
            let asked_words: Vec<&str> = asked.iter().map(|t| t.text.as_str()).collect();
            let lead = wh_lead(&asked_words);
            let rest = &asked_words[lead.len()..];
            // "how many presidents are at the summit" + "which ones?" →
            // "which presidents are at the summit".
            let counted = lead.contains(&"many");
            if counted && !rest.is_empty() && words.last().is_some_and(|w| w == "ones") {
                let q = format!("which {}", rest.join(" "));
                push(q.clone(), took, format!("“{q}”"), true);
            } else if !rest.is_empty() {
                // "where is the summit" + "when?" → "when is the summit":
                // the last question's auxiliary stays ("when is the summit"
                // + "where?" → "where is the summit", not "where the
                // summit").
                // A question word that carried an "'s" ("where's the
                // summit", "wheres the summit"): the "is" it stood for.
                let asked_text = previous.question.to_lowercase().replace('’', "'");
                let contracted = |w: &str| {
                    matches!(w, "whats" | "wheres" | "hows")
                        || asked_text.contains(&format!("{w}'s "))
                };
                let aux = match lead.last() {
                    Some(w) if is_aux(w) => Some(*w),
                    Some(w)
                        if is_wh(w)
                            && *w != "who"
                            && contracted(w)
                            && matches!(rest.first(), Some(&("the" | "a" | "an"))) =>
                    {
                        Some("is")
                    }
                    _ => None,
                };
                let q = words
                    .iter()
                    .map(String::as_str)
                    .chain(aux)
                    .chain(rest.iter().copied())
                    .collect::<Vec<_>>()
                    .join(" ");
                // Sure: the last question with the fragment in place of
                // its question word ("when?", "displaced by what") is as
                // plain as the question asked whole (on conv-train, 5 more
                // right for 1 more wrong).
                push(q.clone(), took, format!("“{q}”"), true);
                // "who's been making gains" + "against who?" → both; not a
                // question word alone ("why?" asks something new, not the
                // last question again).
                if words.len() > 1 {
                    let q = format!("{} {}", asked_words.join(" "), words.join(" "));
                    push(q.clone(), took, format!("“{q}”"), false);
                }
            }
        }
    }
    out
}

/// The entities a pronoun of `refers` may stand for, most likely first:
/// when the last question asked for someone or something ("who is the
/// iranian diplomat?"), what the answer named comes first; else what the
/// question named (and for a person, then the answer). Entities fitting
/// the pronoun only.
fn candidates(
    lexicon: &Lexicon,
    asked: &[Token],
    answer: &[Token],
    refers: Refers,
) -> Vec<Candidate> {
    // What the question names where something is ("inside idlib") after
    // what acts in it ("does turkey have anything inside idlib" + "how
    // many does it have": Turkey).
    let asked_words: Vec<&str> = asked.iter().map(|t| t.text.as_str()).collect();
    let asked_caps: Vec<bool> = asked.iter().map(|t| t.upper).collect();
    let typed = lexicon.mentions(&asked_words, &asked_caps);
    let mut in_question = entities(lexicon, asked);
    // Not for "there": the place is what it means.
    if refers != Refers::Place {
        let located = |e: &usize| {
            typed
                .iter()
                .filter(|m| m.entity == *e)
                .all(|m| words::after_locative(&asked_words[..m.start]))
        };
        in_question.sort_by_key(located);
    }
    let mut in_answer: Vec<usize> = entities(lexicon, answer)
        .into_iter()
        .filter(|e| !in_question.contains(e))
        .collect();
    // "who is russia's president", answered with all three presidents:
    // "he" next is the one who stands for Russia.
    if refers == Refers::Person {
        in_answer.sort_by_key(|&e| !lexicon.related(e).any(|r| in_question.contains(&r)));
    }
    // A person by their full name ("he" → "hossein jaberi ansari"); anything
    // else as the question typed it ("they" → "the kremlin", whose facts say
    // "the Kremlin said", not "Russia").
    let words_for = |e: usize| -> Vec<String> {
        let entity = lexicon.entity(e);
        match typed.iter().find(|m| m.entity == e) {
            Some(m) if entity.kind != EntityKind::Person => asked_words[m.start..m.start + m.len]
                .iter()
                .map(|w| (*w).to_string())
                .collect(),
            _ => fold_words(&entity.name),
        }
    };
    // "who is rowhani", "who's hayat tahrir al-sham": the answer says
    // what the named one is, and "it" or "he" next still means them.
    // So does "who is the russian president at the summit": who someone
    // named right after "who is" is.
    let who_is_named = {
        let start = asked_words
            .iter()
            .position(|w| !FILLERS.contains(w) && *w != "and")
            .unwrap_or(0);
        let after = match &asked_words[start..] {
            ["who", "is" | "was" | "s", ..] => start + 2,
            ["whos", ..] => start + 1,
            _ => usize::MAX,
        };
        let at = after + usize::from(asked_words.get(after) == Some(&"the"));
        typed
            .iter()
            .any(|m| m.start == at && lexicon.entity(m.entity).kind == EntityKind::Person)
    };
    let only_a_name = who_is_named || {
        let lead = wh_lead(&asked_words).len();
        let mentions = lexicon.mentions(&asked_words[lead..], &asked_caps[lead..]);
        !mentions.is_empty()
            && (lead..asked_words.len()).all(|i| {
                crate::normalize::is_stopword(asked_words[i])
                    || mentions
                        .iter()
                        .any(|m| (m.start + lead..m.start + lead + m.len).contains(&i))
            })
    };
    // The question from its question word on.
    let spoken: Vec<&str> = asked_words
        .iter()
        .copied()
        .skip_while(|w| FILLERS.contains(w) || *w == "and")
        .collect();
    // "who…", "which…", "what's the last rebel stronghold" and "what
    // province is the summit about": asking for one thing by what it is,
    // not "what did he say".
    let asks_for_one = !only_a_name
        && match spoken.as_slice() {
            ["who" | "whos" | "whom" | "where" | "wheres" | "which", ..]
            | ["what" | "whats", "is" | "s" | "was", "the", ..]
            | ["whats", "the", ..] => true,
            ["what", noun, aux, ..] => is_content(noun) && is_aux(aux),
            _ => false,
        };
    // "which country hosts the refugees?", answered "Turkey…": the one
    // thing the answer gave is what "they" or "its" means next, whatever
    // its kind. Not after "who met erdogan": "they" are both.
    let asks_which = asks_for_one
        && matches!(spoken.as_slice(), ["which" | "what", noun, ..] if is_content(noun));
    let fitting: Vec<usize> = in_answer
        .iter()
        .copied()
        .filter(|&e| fits(refers, lexicon.entity(e).kind))
        .collect();
    // "which country has the biggest airbase in latakia?", answered "The
    // biggest Russian airbase in Syria is in Latakia": the first of the
    // kind asked for is the one given, though the answer names others.
    let kind_asked = match spoken.as_slice() {
        ["which" | "what", noun, ..] if asks_which => kind_noun(noun),
        _ => None,
    };
    let of_kind: Vec<usize> = fitting
        .iter()
        .copied()
        .filter(|&e| kind_asked == Some(lexicon.entity(e).kind))
        .take(1)
        .collect();
    let given = if asks_which && fitting.len() == 1 {
        fitting
    } else {
        of_kind
    };
    let (first, second) = match (asks_for_one, refers) {
        (true, _) => (in_answer, in_question),
        (false, Refers::Person) => (in_question, in_answer),
        // "did they work?" after "what were the de-escalation zones": the
        // countries the answer names are not what "they" means; the
        // topic is (tried after these).
        (false, _) => (in_question, Vec::new()),
    };
    first
        .into_iter()
        .chain(second)
        .filter(|&e| fits(refers, lexicon.entity(e).kind))
        .map(|entity| Candidate {
            entity,
            words: words_for(entity),
            given: given.contains(&entity),
        })
        .collect()
}

/// Where a mention that token `at` of `asked` falls inside, or follows
/// right after, begins: "al qaeda" before "linked fighters".
fn entity_start(lexicon: &Lexicon, asked: &[Token], at: usize) -> usize {
    let words: Vec<&str> = asked.iter().map(|t| t.text.as_str()).collect();
    let caps: Vec<bool> = asked.iter().map(|t| t.upper).collect();
    lexicon
        .mentions(&words, &caps)
        .iter()
        .find(|m| m.start < at && at <= m.start + m.len)
        .map_or(at, |m| m.start)
}

/// The candidates' words joined as a list: "washington and moscow".
fn joined<C: std::borrow::Borrow<Candidate>>(all: &[C]) -> Vec<String> {
    all.iter()
        .enumerate()
        .flat_map(|(k, c)| {
            let and = (k > 0 && k + 1 == all.len()).then(|| "and".to_string());
            and.into_iter().chain(c.borrow().words.iter().cloned())
        })
        .collect()
}

/// The kind of entity a noun asking for one names ("which country",
/// "what province").
fn kind_noun(noun: &str) -> Option<EntityKind> {
    match noun {
        "country" | "nation" | "state" => Some(EntityKind::Country),
        "province" | "city" | "town" | "region" | "place" => Some(EntityKind::Place),
        "group" | "alliance" | "faction" | "militia" => Some(EntityKind::Group),
        _ => None,
    }
}

/// Whether `word` can be part of a noun phrase: no question word (nor
/// "how"'s companion), auxiliary, chat filler or stopword.
fn is_content(word: &str) -> bool {
    !is_wh(word)
        && !is_aux(word)
        && !HOW_WORDS.contains(&word)
        && !FILLERS.contains(&word)
        && !crate::normalize::is_stopword(word)
}

/// Whether `asked` asks what something was or led to ("what came out of
/// the earlier meetings", "what did they set up"): a "what" question that
/// is no question of what someone said and asks for no one thing by name.
fn asks_what_came(asked: &[Token]) -> bool {
    let words: Vec<&str> = asked
        .iter()
        .map(|t| t.text.as_str())
        .skip_while(|w| FILLERS.contains(w) || *w == "and")
        .collect();
    matches!(words.first(), Some(&("what" | "whats")))
        && !words.iter().any(|w| words::has(&words::lists().say, w))
}

/// The noun phrases a question introduces with "the", which "it" may
/// stand for: "the" and up to two words after it that are no question
/// word, auxiliary or stopword ("what did erdogan say the summit would do"
/// → "the summit").
fn the_phrases(asked: &[Token]) -> Vec<Vec<String>> {
    let words: Vec<&str> = asked.iter().map(|t| t.text.as_str()).collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if *w != "the" {
            continue;
        }
        let len = words[i + 1..]
            .iter()
            .take(2)
            .take_while(|w| is_content(w))
            .count();
        if len > 0 {
            out.push(
                words[i..=i + len]
                    .iter()
                    .map(|w| (*w).to_string())
                    .collect(),
            );
        }
    }
    out
}

/// An entity a pronoun may stand for, and the words to put in its place.
struct Candidate {
    entity: usize,
    words: Vec<String>,
    /// What the last answer gave for a question asking for one thing
    /// ("which country hosts the refugees?" → Turkey).
    given: bool,
}

/// Nouns that "his" makes the country a person stands for ("his
/// government"). Not "regime", which is named after its ruler ("the
/// regime of President Bashar al-Assad"): "his regime" is the person's.
const COUNTRY_NOUNS: &[&str] = &["country", "government", "govt", "gov", "nation"];

/// Spans of time, which "they" does not stand for ("the last few months").
const TIME_UNITS: &[&str] = &["years", "months", "weeks", "days", "hours", "decades"];

/// Nouns that are plural without an -s.
const PLURALS: &[&str] = &["people", "ppl", "men", "women", "children", "kids", "folks"];

/// The plural noun phrases of a question, which "they" and "them" may
/// stand for: a plural noun with up to two words before it that are no
/// question word, auxiliary or stopword ("how many observation posts does
/// turkey have" → "observation posts"; "where have syrian govt troops been
/// massing" → "syrian govt troops").
fn plural_phrases(asked: &[Token]) -> Vec<Vec<String>> {
    let words: Vec<&str> = asked.iter().map(|t| t.text.as_str()).collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !(is_plural_noun(w) || PLURALS.contains(w)) || !is_content(w) || TIME_UNITS.contains(w) {
            continue;
        }
        // "who controls…", "who largely controls…": a verb after the
        // question word, not things.
        if after_who(&words[..i]) && !PLURALS.contains(w) {
            continue;
        }
        let mut start = i;
        // Nor the verb after "who" ("who backs rebels", "who largely backs
        // rebels": "rebels").
        while start > 0
            && i - start < 2
            && is_content(words[start - 1])
            && !words::has(&words::lists().adverbs, words[start - 1])
            && !after_who(&words[..start - 1])
        {
            start -= 1;
        }
        out.push(words[start..=i].iter().map(|w| (*w).to_string()).collect());
    }
    out
}

/// Whether the word after `before` follows "who", maybe with adverbs
/// between ("who largely"), or "which" and a noun for a kind of entity
/// ("which country hosts"): it is the verb of the one asked for.
fn after_who(before: &[&str]) -> bool {
    let mut said = before
        .iter()
        .rev()
        .filter(|b| !words::has(&words::lists().adverbs, b));
    match (said.next(), said.next()) {
        (Some(&"who"), _) => true,
        (Some(noun), Some(&("which" | "what"))) => kind_noun(noun).is_some(),
        _ => false,
    }
}

/// Where in `asked` a fragment naming an entity of `kind` may go, as
/// (start, length) token ranges: mentions of the same kind, then single
/// words of the same kind inside a longer mention ("russia" in "russia's
/// president"), then mentions of another kind that acts (a person for a
/// country: "what did trump say" → "what did the kremlin say"), but not
/// when the fragment is a `bare` name and a whole mention of its kind is
/// there; each with whether it is of the same kind (a whole mention, or a
/// name inside one: "turkey's?" after "who is iran's president" is Turkey
/// for Iran).
fn swappable(
    lexicon: &Lexicon,
    asked: &[Token],
    new: usize,
    bare: bool,
) -> Vec<(usize, usize, bool)> {
    let kind = lexicon.entity(new).kind;
    let words: Vec<&str> = asked.iter().map(|t| t.text.as_str()).collect();
    let caps: Vec<bool> = asked.iter().map(|t| t.upper).collect();
    let mentions = lexicon.mentions(&words, &caps);
    let mut out = Vec::new();
    for m in &mentions {
        if lexicon.entity(m.entity).kind == kind {
            out.push((m.start, m.len, true));
        }
    }
    let whole = !out.is_empty();
    for m in mentions.iter().filter(|m| m.len > 1) {
        for k in m.start..m.start + m.len {
            let inner = lexicon.mentions(&words[k..=k], &caps[k..=k]);
            if inner
                .first()
                .is_some_and(|n| lexicon.entity(n.entity).kind == kind)
            {
                out.push((k, 1, true));
            }
        }
    }
    // A bare name standing for a whole name of its kind: "and moscow?"
    // after "what did erdogan say about washington" is about Moscow, not
    // Moscow's words.
    if bare && whole {
        return out;
    }
    // The kremlin for trump: both act and speak. A place acts when it is the
    // subject: "how does damascus plan to take idlib" + "and
    // ankara?" (a capital for its government), not "in damascus" or
    // "take idlib"; so does a place that stands for a country or an
    // organisation (a capital) named in place of one that acts ("what does
    // ankara want" + "and damascus?").
    let capital = lexicon.is_capital(new);
    let actor = |k: EntityKind| k != EntityKind::Place;
    let new_acts = actor(kind) || capital;
    for m in &mentions {
        let k = lexicon.entity(m.entity).kind;
        let acting_place = k == EntityKind::Place
            && m.start
                .checked_sub(1)
                .is_none_or(|p| is_wh(words[p]) || is_aux(words[p]));
        if k != kind && (actor(k) || acting_place) && new_acts {
            out.push((m.start, m.len, false));
        }
    }
    out
}

/// The question word that opens `words` (after chatter), with "how"'s
/// companion ("how many") and an auxiliary after it ("what did").
fn wh_lead<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let mut i = 0;
    while i < words.len() && (FILLERS.contains(&words[i]) || words[i] == "and") {
        i += 1;
    }
    if !words.get(i).is_some_and(|w| is_wh(w)) {
        return Vec::new();
    }
    let start = i;
    let how = words[i] == "how";
    i += 1;
    if how && words.get(i).is_some_and(|w| HOW_WORDS.contains(w)) {
        i += 1;
    }
    if words.get(i).is_some_and(|w| is_aux(w)) {
        i += 1;
    }
    // Chatter before the question word is dropped with it.
    let _ = start;
    words[..i].to_vec()
}

/// What the last question was about: its words after the question word
/// and auxiliary ("what were the de-escalation zones" → "the de escalation
/// zones").
fn topic(asked: &[Token]) -> Vec<String> {
    let words: Vec<&str> = asked.iter().map(|t| t.text.as_str()).collect();
    let lead = wh_lead(&words).len();
    let start = if lead == 0 {
        // A yes/no question: without its auxiliary.
        usize::from(words.first().is_some_and(|w| is_aux(w)))
    } else {
        lead
    };
    words[start..].iter().map(|w| (*w).to_string()).collect()
}

/// `words` with token `at` replaced by `with`, joined.
fn replace(words: &[&str], at: usize, with: &[String]) -> String {
    let mut out: Vec<&str> = Vec::with_capacity(words.len() + with.len());
    out.extend_from_slice(&words[..at.min(words.len())]);
    out.extend(with.iter().map(String::as_str));
    if at < words.len() {
        out.extend_from_slice(&words[at + 1..]);
    }
    out.join(" ")
}

/// A name as folded words, as the matcher reads it.
fn fold_words(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::builtin().expect("the shipped lexicon parses")
    }

    fn exchange(question: &str, answer: Option<&str>) -> Exchange {
        Exchange {
            question: question.to_string(),
            answer: answer.map(str::to_string),
            fact: None,
        }
    }

    #[test]
    fn those_things_are_the_ones_the_last_question_singled_out() {
        let read = |q: &str, before: &str| {
            demonstrative(q, &exchange(before, None)).map(|r| (r.question, r.taking.as_))
        };
        // "those" alone.
        assert_eq!(
            read(
                "where were those held",
                "what did earlier meetings of the three leaders produce"
            ),
            Some((
                "where were the earlier meetings held".to_string(),
                "the earlier meetings".to_string()
            ))
        );
        assert_eq!(
            read("where were those held", "what did the meetings produce"),
            None,
            "nothing singled out"
        );
        assert_eq!(
            read(
                "where were those meetings held",
                "what did previous meetings of the 3 leaders achieve"
            ),
            Some((
                "where were the previous meetings held".to_string(),
                "the previous meetings".to_string()
            ))
        );
        assert_eq!(
            read(
                "what did those talks decide",
                "when did the last talks begin"
            )
            .map(|r| r.0),
            Some("what did the last talks decide".to_string())
        );
        assert_eq!(
            read(
                "where were those meetings held",
                "what did the previous turkey russia iran meetings lead to"
            )
            .map(|r| r.0),
            Some("where were the previous turkey russia iran meetings held".to_string())
        );
        // Nothing singles them out: the question as it is.
        assert_eq!(
            read(
                "who backs those rebels",
                "who have assad's forces beaten, rebels?"
            ),
            None
        );
        assert_eq!(
            read(
                "where were the meetings held",
                "what did previous meetings do"
            ),
            None
        );
    }

    #[test]
    fn else_asks_for_something_besides_the_last_answer() {
        for (q, want) in [
            ("what else did he say", true),
            ("anything else?", true),
            ("who else is he meeting", true),
            ("Anything ELSE", true),
            ("what did he warn about", false),
            ("where else", true),
            ("did they go elsewhere", false),
            ("", false),
        ] {
            assert_eq!(asks_else(q), want, "{q:?}");
        }
    }

    #[test]
    fn questions_that_stand_alone_have_nothing_dangling() {
        let lex = lexicon();
        for q in [
            "how many refugees does turkey host",
            "what did erdogan say he wants to avoid",
            "where is the summit being held?",
            "is there a ceasefire",
            "are there rebels in idlib",
            "did jaberi ansari say that turkey and iran are mature",
            "who is de mistura",
            "and who backs assad?",
            "what did rowhani say about it",
            "did de mistura say the jihadists being there justifies an attack?",
            "what time is it in new york now",
            "anyone know if it's gonna rain tomorrow",
            "what share of the province's residents were uprooted from their homes",
            "the un guy for syria, what did he say about the fighters",
            "erdogan, what did he say about refugees",
            "the rebels in idlib, who is backing them",
            "who said ruthless process",
            "how many displaced",
            "",
            "???",
            "Эрдоган и Путин?",
        ] {
            assert_eq!(dangling(&lex, q), None, "{q:?}");
        }
    }

    #[test]
    fn references_are_found_in_table() {
        let lex = lexicon();
        let pronoun = |q: &str| match dangling(&lex, q) {
            Some(Dangling::Pronoun { word, refers, .. }) => Some((word, refers)),
            _ => None,
        };
        assert_eq!(
            pronoun("what did he say about idlib"),
            Some(("he".into(), Refers::Person))
        );
        assert_eq!(
            pronoun("whats his job exactly"),
            Some(("his".into(), Refers::Person))
        );
        assert_eq!(
            pronoun("and who did he say turkey should cooperate with?"),
            Some(("he".into(), Refers::Person))
        );
        assert_eq!(
            pronoun("how many rebels got moved there?"),
            Some(("there".into(), Refers::Place))
        );
        assert_eq!(
            pronoun("who said that?"),
            Some(("that".into(), Refers::Topic))
        );
        assert_eq!(
            pronoun("when did that happen"),
            Some(("that".into(), Refers::Topic))
        );
        // The subject after an auxiliary, in a longer question too.
        assert_eq!(
            pronoun("how long has that been going on"),
            Some(("that".into(), Refers::Topic))
        );
        assert_eq!(
            pronoun("did they work?"),
            Some(("they".into(), Refers::Group))
        );
        // "Them" after its clause's subject is someone else: not the
        // soldiers, not what "turkish" names.
        assert_eq!(
            pronoun("how many soldiers are stationed at them"),
            Some(("them".into(), Refers::Group))
        );
        assert_eq!(
            pronoun("how many turkish soldiers are at them"),
            Some(("them".into(), Refers::Group))
        );
        // A place named for where "it" is does not stand for it.
        assert_eq!(
            pronoun("where is it in syria"),
            Some(("it".into(), Refers::Thing))
        );
        // Only "it's gonna rain" is the weather's "it".
        assert_eq!(
            pronoun("how long is it going to last"),
            Some(("it".into(), Refers::Thing))
        );
        // "He" is not someone named after it.
        assert_eq!(
            pronoun("what did he say about erdogan's massacre warning"),
            Some(("he".into(), Refers::Person))
        );
        let fragment = |q: &str| dangling(&lex, q);
        assert_eq!(
            fragment("and the kremlin?"),
            Some(Dangling::Swap {
                words: vec!["the".into(), "kremlin".into()]
            })
        );
        assert_eq!(
            fragment("what about trump??"),
            Some(Dangling::Swap {
                words: vec!["trump".into()]
            })
        );
        assert_eq!(
            fragment("when?"),
            Some(Dangling::Ask {
                words: vec!["when".into()]
            })
        );
        assert_eq!(
            fragment("why tho"),
            Some(Dangling::Ask {
                words: vec!["why".into()]
            })
        );
        assert_eq!(
            fragment("against who?"),
            Some(Dangling::Ask {
                words: vec!["against".into(), "who".into()]
            })
        );
    }

    #[test]
    fn a_sentence_opening_with_a_pronoun_stands_alone_with_the_name_it_stands_for() {
        let lex = lexicon();
        assert_eq!(
            standing_alone(
                &lex,
                "It is largely controlled by Hayat Tahrir al-Sham.",
                "Idlib is largely controlled by Hayat Tahrir al-Sham."
            )
            .as_deref(),
            Some("Idlib is largely controlled by Hayat Tahrir al-Sham.")
        );
        assert_eq!(
            standing_alone(
                &lex,
                "The summit is being held in Tehran.",
                "The summit is in Tehran."
            )
            .as_deref(),
            Some("The summit is being held in Tehran."),
            "no pronoun: as it is"
        );
        // Nothing of the pronoun's kind named, or a possessive: none.
        assert_eq!(
            standing_alone(&lex, "He said so.", "Turkey warned of a massacre."),
            None
        );
        assert_eq!(
            standing_alone(&lex, "Its forces gained.", "Syria's forces gained."),
            None
        );
        // Nor a name the sentence gives itself: "it" is not what controls it.
        assert_eq!(
            standing_alone(
                &lex,
                "It is largely controlled by Hayat Tahrir al-Sham, led by an al-Qaeda group.",
                "Hayat Tahrir al-Sham and al-Qaeda."
            ),
            None
        );
    }

    #[test]
    fn his_regime_is_the_persons_and_his_government_the_country_he_leads() {
        let previous = exchange(
            "whos the president of syria",
            Some("Bashar al-Assad is Syria's president, whose regime Iran and Russia support."),
        );
        assert_eq!(
            read("which countries support his regime", &previous).first(),
            Some(&"which countries support bashar al assad regime".to_string())
        );
        assert_eq!(
            read("what does his government want", &previous).first(),
            Some(&"what does syria want".to_string())
        );
    }

    fn read(q: &str, previous: &Exchange) -> Vec<String> {
        let lex = lexicon();
        let d = dangling(&lex, q).expect("a reference");
        rewrites(&lex, q, &d, previous)
            .into_iter()
            .map(|r| r.question)
            .collect()
    }

    #[test]
    fn a_capital_takes_the_place_of_a_country_that_acts() {
        let readings = read(
            "and damascus?",
            &exchange(
                "what does ankara want from the summit",
                Some("Ankara is determined to avoid a massacre in Idlib."),
            ),
        );
        assert_eq!(
            readings.first().map(String::as_str),
            Some("what does damascus want from the summit"),
            "{readings:?}"
        );
    }

    #[test]
    fn he_is_never_someone_the_question_names_after_it() {
        let readings = read(
            "what did he say about erdogan's massacre warning",
            &exchange(
                "who are the presidents at the summit",
                Some("Iran's Hassan Rowhani, Turkey's Recep Tayyip Erdogan and Russia's Vladimir Putin."),
            ),
        );
        assert!(!readings.is_empty());
        assert!(
            readings
                .iter()
                .all(|r| !r.contains("recep tayyip erdogan say")),
            "{readings:?}"
        );
    }

    #[test]
    fn what_someone_does_is_nothing_a_pronoun_stands_for() {
        // (follow-up, last question, a word, whether a reading holds it)
        let cases = [
            // The topic of "who controls…" is a predicate: "their" is not
            // it, nor with an adverb between, nor after chatter.
            (
                "who is their leader",
                "who controls most of idlib",
                "controls",
                false,
            ),
            (
                "who is their leader",
                "who largely controls idlib",
                "controls",
                false,
            ),
            (
                "who is their leader",
                "and who controls most of idlib",
                "controls",
                false,
            ),
            // The things after "who backs" are the things, without the verb.
            (
                "where are they",
                "who backs rebels in idlib",
                "backs",
                false,
            ),
            (
                "where are they",
                "who largely backs syrian rebels",
                "backs",
                false,
            ),
            // A verb ending in -ly is no adverb: "weapons" are things.
            (
                "where do they come from",
                "who supply weapons to the rebels",
                "weapons",
                true,
            ),
            // "what" and a noun asks about a thing.
            (
                "who signed it",
                "what agreement was reached",
                "agreement",
                true,
            ),
            // After "which country", what it does: not "it", not "they".
            (
                "who is its president",
                "which country has 12 observation posts in idlib",
                "observation",
                false,
            ),
            (
                "who do they back in the war",
                "which country hosts 3.5 million syrian refugees",
                "hosts",
                false,
            ),
            (
                "where are they",
                "what group controls the province",
                "controls",
                false,
            ),
            // The things it has still are things.
            (
                "where are they",
                "which country has 12 observation posts in idlib",
                "observation posts",
                true,
            ),
        ];
        for (then, asked, word, held) in cases {
            let readings = read(then, &exchange(asked, None));
            assert_eq!(
                readings.iter().any(|r| r.contains(word)),
                held,
                "{asked:?} then {then:?}: {readings:?}"
            );
        }
        // The topic of "what were…" is a thing: "they" may be it.
        assert!(read(
            "did they work",
            &exchange("what were the de-escalation zones", None)
        )
        .contains(&"did the de escalation zones work".to_string()));
    }

    #[test]
    fn there_with_a_country_acting_still_points_back() {
        let lex = lexicon();
        // Russia acts there: where is the last exchange's place; a
        // country's adjective on what is there names no place.
        for q in [
            "what does russia have there",
            "whats russia got there",
            "whats the russian thing there",
            "is there anything russian there",
        ] {
            assert!(
                matches!(
                    dangling(&lex, q),
                    Some(Dangling::Pronoun {
                        refers: Refers::Place,
                        ..
                    })
                ),
                "{q:?}"
            );
        }
        // A question naming where it is about stands alone.
        assert_eq!(
            dangling(&lex, "what is the syrian army gearing up to do there"),
            None
        );
        assert_eq!(
            dangling(&lex, "how many troops does turkey have in syria there"),
            None
        );
    }

    #[test]
    fn the_one_thing_asked_for_by_its_kind_is_what_it_means_next() {
        // The answer names Turkey and Syria; "which country" asked for one.
        assert_eq!(
            read(
                "how many refugees does it already host",
                &exchange(
                    "which country backs the rebels",
                    Some("Turkey has supported the rebels in the Syrian conflict.")
                )
            )[0],
            "how many refugees does turkey already host"
        );
        // "his country": the country the person stands for.
        assert_eq!(
            read(
                "what is his country determined to avoid in idlib",
                &exchange(
                    "who is turkey's president",
                    Some("Recep Tayyip Erdogan is Turkey's president.")
                )
            )[0],
            "what is turkey determined to avoid in idlib"
        );
    }

    #[test]
    fn pronouns_are_taken_as_the_entity_of_the_last_exchange() {
        let lex = lexicon();
        let previous = exchange(
            "who's the iranian diplomat they quote?",
            Some("Hossein Jaberi Ansari is Iran's top diplomat for Syria."),
        );
        let d = dangling(&lex, "what did he say about idlib").expect("he");
        let first = &rewrites(&lex, "what did he say about idlib", &d, &previous)[0];
        assert_eq!(
            first.question,
            "what did hossein jaberi ansari say about idlib"
        );
        assert_eq!(
            first.taking.sentence(),
            "Taking *he* as Hossein Jaberi Ansari"
        );
        // A "who" question: the person the answer names comes first.
        assert_eq!(
            read(
                "who did he warn?",
                &exchange(
                    "who's the us president mentioned?",
                    Some("Donald Trump is the US president.")
                )
            )[0],
            "who did donald trump warn"
        );
        assert_eq!(
            read(
                "how many refugees does it host already?",
                &exchange(
                    "how many observation posts does turkey have in idlib",
                    Some("12")
                )
            )[0],
            "how many refugees does turkey host already"
        );
        assert_eq!(
            read(
                "what did his government say the talks should focus on",
                &exchange(
                    "who is the russian president at the summit",
                    Some("Iran's Hassan Rowhani, Turkey's Recep Tayyip Erdogan and Russia's Vladimir Putin.")
                )
            )[0],
            "what did russia say the talks should focus on"
        );
        // "who is X": the answer says what X is; "it" is still X.
        assert_eq!(
            read(
                "when was it formed?",
                &exchange(
                    "who's hayat tahrir al-sham",
                    Some("Hayat Tahrir al-Sham is an Islamist alliance led by an al-Qaeda-affiliated group.")
                )
            )[0],
            "when was hayat tahrir al sham formed"
        );
        // "they" after a question of what came of something: the
        // countries named, then what the answer gave, before the
        // question's own plural.
        assert_eq!(
            read(
                "did they actually hold up",
                &exchange(
                    "what came out of the earlier meetings between turkey russia and iran",
                    Some("Previous meetings by the leaders of Turkey, Russia and Iran led to the establishment of so-called de-escalation zones.")
                )
            )[..2],
            [
                "did turkey russia and iran actually hold up",
                "did de escalation zones actually hold up"
            ]
        );
        // No entity fits: what the last question was about.
        assert_eq!(
            read(
                "did they work?",
                &exchange("what were the de-escalation zones", None)
            ),
            vec![
                "did de escalation zones work",
                "did the de escalation zones work"
            ]
        );
        // Nothing at all to take "he" as.
        assert!(read("what did he say?", &exchange("how many refugees", None)).is_empty());
    }

    #[test]
    fn the_reading_tried_first_is_what_the_pronoun_most_likely_means() {
        let lex = lexicon();
        // "they": the plural thing asked about before the country.
        assert_eq!(
            read(
                "where exactly are they located?",
                &exchange("how many observation posts does turkey have in idlib", None)
            )[0],
            "where exactly are observation posts located"
        );
        // "them" after two countries: both.
        assert_eq!(
            read(
                "what did he accuse them of",
                &exchange("what did erdogan say about washington and moscow", None)
            )[0],
            "what did recep tayyip erdogan accuse washington and moscow of"
        );
        // "there": in the place the answer named.
        assert_eq!(
            read(
                "whos meeting there",
                &exchange(
                    "where is the summit happening",
                    Some("The summit is being held in Tehran.")
                )
            )[0],
            "whos meeting in tehran"
        );
        // "it": the thing the last question introduced, not its clause.
        assert_eq!(
            read(
                "when is it",
                &exchange("what did erdogan say the summit would do", None)
            )[0],
            "when is the summit"
        );
        // "what's the last rebel stronghold": the answer names it.
        assert_eq!(
            read(
                "how many civilians live there?",
                &exchange(
                    "whats the last rebel stronghold in syria",
                    Some("Idlib is the last major rebel stronghold.")
                )
            )[0],
            "how many civilians live in idlib"
        );
        // "which country…" asks for one thing: "they" is the country the
        // answer gave, before any plural the question had.
        assert_eq!(
            read(
                "who do they back in the war",
                &exchange(
                    "which country hosts 3.5 million syrian refugees",
                    Some("Turkey already hosts 3.5 million Syrian refugees.")
                )
            )[0],
            "who do turkey back in the war"
        );
        // "what province is…" asks for one thing too: "it" is the answer's.
        assert_eq!(
            read(
                "who controls most of it",
                &exchange(
                    "what province is the whole summit about",
                    Some("The summit is about the fate of Idlib.")
                )
            )[0],
            "who controls most of idlib"
        );
        // A name where something is, or a place, is not what "they"
        // stands for.
        for (q, word) in [
            ("what part of syria do they control", "they"),
            ("was idlib one of them", "them"),
        ] {
            assert!(
                matches!(dangling(&lex, q), Some(Dangling::Pronoun { word: w, .. }) if w == word),
                "{q:?}"
            );
        }
        assert_eq!(
            dangling(&lex, "what do turkey and russia want in syria"),
            None
        );
        // "leads" after "who" is a verb, not the plural "them" could mean.
        assert!(matches!(
            dangling(&lex, "who leads them"),
            Some(Dangling::Pronoun { .. })
        ));
        // The kremlin as typed, not as "russia": its facts say "the Kremlin".
        assert_eq!(
            read(
                "did they say anything about refugees",
                &exchange("what did the kremlin say about the tehran talks", None)
            )[0],
            "did the kremlin say anything about refugees"
        );
    }

    #[test]
    fn a_pronoun_means_who_acts_before_where_it_happens() {
        assert_eq!(
            read(
                "how many does it have",
                &exchange("does turkey have anything inside idlib itself", None)
            )[0],
            "how many does turkey have"
        );
    }

    #[test]
    fn fragments_are_completed_with_the_last_question() {
        // The other one in the same frame, then what the other one said
        // about anything: the kremlin's words need not name idlib.
        let kremlin = read(
            "and the kremlin?",
            &exchange("what did trump say about idlib", None),
        );
        assert_eq!(
            kremlin[..2],
            [
                "what did the kremlin say about idlib",
                "what did the kremlin say"
            ]
        );
        assert_eq!(
            read("and iran's?", &exchange("who's russia's president", None))[0],
            "who iran president"
        );
        // A name in the possessive needs no lead-in: whose, of what was
        // asked. A bare name may ask on its own.
        for (q, read_as) in [
            ("turkey's?", "who is turkey president"),
            ("Turkey’s?", "who is turkey president"),
            ("turkeys", "who is turkeys president"),
        ] {
            assert_eq!(
                read(q, &exchange("who is irans president", None))[0],
                read_as
            );
        }
        // Turkey for Iran: a name for a name of its kind, as sure a reading
        // as the question asked whole.
        let lex = lexicon();
        let previous = exchange("whos iran's president", None);
        let d = dangling(&lex, "turkey's?").expect("a possessive fragment");
        let first = &rewrites(&lex, "turkey's?", &d, &previous)[0];
        assert_eq!(first.question, "whos turkey president");
        assert!(first.sure);
        assert_eq!(dangling(&lexicon(), "turkey?"), None);
        assert_eq!(dangling(&lexicon(), "damascus"), None);
        assert_eq!(
            read(
                "and observation posts?",
                &exchange("how many syrian refugees does turkey host", None)
            )[0],
            "how many observation posts does turkey host"
        );
        assert_eq!(
            read("when?", &exchange("where's the summit being held", None))[0],
            "when is the summit being held"
        );
        assert_eq!(
            read("when?", &exchange("wheres the summit", None))[0],
            "when is the summit"
        );
        // No "'s", no "is".
        assert_eq!(
            read("when?", &exchange("what the leaders agreed", None))[0],
            "when the leaders agreed"
        );

        // The last question's auxiliary stays with its frame.
        assert_eq!(
            read("where?", &exchange("when is the summit", None))[0],
            "where is the summit"
        );
        assert!(read("why?", &exchange("", None)).is_empty());
        // A capital as the subject is one who acts, swapped for another
        // actor; a place it acts on is not.
        assert_eq!(
            read(
                "and ankara?",
                &exchange("how does damascus plan to take idlib", None)
            ),
            ["how does ankara plan to take idlib"]
        );
        // A plural thing for the plural thing counted, with the name it
        // was counted by.
        assert_eq!(
            read(
                "and civilians?",
                &exchange("how many al qaeda linked fighters are in idlib", None)
            )[0],
            "how many civilians are in idlib"
        );
        // The other way round in time.
        assert_eq!(
            read(
                "and after that?",
                &exchange("who did erdogan meet before the summit", None)
            )[0],
            "who did erdogan meet after the summit"
        );
        // A question with a chat word dropped is not a fragment.
        let lex = lexicon();
        // Chat shorthand leads in too.
        assert_eq!(
            read(
                "wat abt russia",
                &exchange("what did erdogan say about the us", None)
            )[0],
            "what did erdogan say about russia"
        );
        assert_eq!(dangling(&lex, "whats bitcoin price rn"), None);
        assert_eq!(dangling(&lex, "bitcoin price rn"), None);
    }
}
