//! The lexicon: named entities and their variants (Rowhani/Rouhani,
//! Ankara for Turkey, the Kremlin for Russia), synonym groups and chat
//! shorthand, from `data/entities.toml`. Pure data and lookups.

/// Fx hashing for the word-keyed lookups (see `matcher`).
type HashMap<K, V> = std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>;
type HashSet<T> = std::collections::HashSet<T, rustc_hash::FxBuildHasher>;

use serde::Deserialize;

use crate::normalize::{is_stopword, tokens, Stemmer};

/// The shipped lexicon.
pub const BUILTIN_ENTITIES: &str = include_str!("../data/entities.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Country,
    Place,
    Org,
    Group,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub key: String,
    pub kind: EntityKind,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub related: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    entity: Vec<Entity>,
    #[serde(default)]
    synonyms: Synonyms,
    #[serde(default)]
    shorthand: HashMap<String, String>,
    #[serde(default)]
    phrases: HashMap<String, String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Synonyms {
    #[serde(default)]
    groups: Vec<Vec<String>>,
}

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("entities file does not parse: {0}")]
    Parse(#[from] toml::de::Error),
    #[error("entity {0:?} is listed twice")]
    DuplicateEntity(String),
    #[error("entity {entity:?} is related to unknown entity {related:?}")]
    UnknownRelated { entity: String, related: String },
}

/// One alias as a token sequence.
#[derive(Debug, Clone)]
struct Alias {
    words: Vec<String>,
    entity: usize,
    /// Only counts when written in capitals ("US", "IS"), because the
    /// lower-case word is an everyday one.
    needs_caps: bool,
}

/// A multi-word expression and the words it reads as.
type Phrase = (Vec<String>, Vec<String>);

/// The folded words of a name, alias or phrase.
fn words_of(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.text).collect()
}

/// An entity found in a token sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub len: usize,
    pub entity: usize,
}

#[derive(Debug, Default)]
pub struct Lexicon {
    entities: Vec<Entity>,
    by_key: HashMap<String, usize>,
    /// First word of an alias → aliases starting with it, longest first.
    aliases: HashMap<String, Vec<Alias>>,
    /// Names of one word ("iran", "assad"): in chat their possessive comes
    /// without the apostrophe ("irans top diplomat", "assads forces"), and
    /// is read as the name.
    names: HashSet<String>,
    /// Every word of every alias ("de", "mistura", "rouhani").
    alias_word_set: HashSet<String>,
    /// Stem → the stem of its synonym group's first word.
    synonyms: HashMap<String, String>,
    shorthand: HashMap<String, Vec<String>>,
    /// First word → (phrase, what it reads as), longest phrase first.
    phrases: HashMap<String, Vec<Phrase>>,
    /// Per entity: itself and the entities named word by word inside its
    /// name and aliases (Iran and Syria in "iran's top diplomat for syria").
    within: Vec<Vec<usize>>,
}

impl Lexicon {
    pub fn parse(text: &str) -> Result<Self, LexiconError> {
        let file: File = toml::from_str(text)?;
        let mut lex = Lexicon::default();
        lex.add_entities(file.entity)?;
        let group_phrases = lex.add_synonyms(file.synonyms.groups);
        for (k, v) in file.shorthand {
            if let [key] = words_of(&k).as_slice() {
                lex.shorthand.insert(key.clone(), words_of(&v));
            }
        }
        let written = file.phrases.iter().map(|(k, v)| (words_of(k), words_of(v)));
        for (key, value) in written.chain(group_phrases) {
            if let Some(first) = key.first().cloned() {
                lex.phrases.entry(first).or_default().push((key, value));
            }
        }
        for list in lex.phrases.values_mut() {
            list.sort_by_key(|a| std::cmp::Reverse(a.0.len()));
        }
        lex.within = (0..lex.entities.len())
            .map(|e| lex.named_within(e))
            .collect();
        Ok(lex)
    }

    /// The entities, each findable by its name, aliases and key.
    fn add_entities(&mut self, entities: Vec<Entity>) -> Result<(), LexiconError> {
        for e in entities {
            if self.by_key.contains_key(&e.key) {
                return Err(LexiconError::DuplicateEntity(e.key));
            }
            self.by_key.insert(e.key.clone(), self.entities.len());
            self.entities.push(e);
        }
        for (i, e) in self.entities.iter().enumerate() {
            if let Some(r) = e.related.iter().find(|r| !self.by_key.contains_key(*r)) {
                return Err(LexiconError::UnknownRelated {
                    entity: e.key.clone(),
                    related: r.clone(),
                });
            }
            let names = std::iter::once(&e.name)
                .chain(e.aliases.iter())
                .chain(std::iter::once(&e.key));
            for alias in names {
                let words = words_of(alias);
                self.alias_word_set.extend(words.iter().cloned());
                let Some(first) = words.first().cloned() else {
                    continue;
                };
                let needs_caps =
                    words.len() == 1 && (is_stopword(&first) || first.chars().count() <= 2);
                if words.len() == 1 && !needs_caps && first.chars().count() >= 4 {
                    self.names.insert(first.clone());
                }
                let list = self.aliases.entry(first).or_default();
                if !list.iter().any(|a| a.words == words && a.entity == i) {
                    list.push(Alias {
                        words,
                        entity: i,
                        needs_caps,
                    });
                }
            }
        }
        for list in self.aliases.values_mut() {
            list.sort_by_key(|a| std::cmp::Reverse(a.words.len()));
        }
        Ok(())
    }

    /// Each synonym group's stems read as its first word's stem. Returns the
    /// phrases for its members of several words ("non-combatants",
    /// "build-up"): text is split into words before synonyms are looked up,
    /// so those are read as a phrase for the group's first word.
    fn add_synonyms(&mut self, groups: Vec<Vec<String>>) -> Vec<Phrase> {
        let stemmer = Stemmer::default();
        let mut phrases = Vec::new();
        for group in groups {
            if let Some(head) = group.first() {
                let value = words_of(head);
                for w in &group[1..] {
                    let key = words_of(w);
                    if key.len() > 1 {
                        phrases.push((key, value.clone()));
                    }
                }
            }
            let mut stems = group
                .iter()
                .map(|w| stemmer.stem(&crate::normalize::fold(w)).into_owned());
            let Some(head) = stems.next() else { continue };
            for s in stems {
                if s != head {
                    self.synonyms.entry(s).or_insert_with(|| head.clone());
                }
            }
        }
        // A group's first word may itself be in an earlier group ("back" →
        // "support", and "supporters" made "support" read "allies"): each
        // stem reads as the end of that chain, so "back" and "supported"
        // are one word. The chain is bounded by the number of groups.
        let direct = self.synonyms.clone();
        for canonical in self.synonyms.values_mut() {
            for _ in 0..direct.len() {
                match direct.get(canonical.as_str()) {
                    Some(next) if next != canonical => *canonical = next.clone(),
                    _ => break,
                }
            }
        }
        phrases
    }

    /// Rewrites multi-word expressions into the words they stand for
    /// ("taking place" → "held"); `caps` follows `words`. (The matcher
    /// rewrites with [`Lexicon::phrase_at`], keeping more of each word in
    /// step.)
    #[cfg(test)]
    pub fn rewrite_phrases(&self, words: &mut Vec<String>, caps: &mut Vec<bool>) {
        if self.phrases.is_empty() {
            return;
        }
        let mut i = 0;
        while i < words.len() {
            match self.phrase_at(words, i) {
                Some((k, v)) => {
                    let n = v.len();
                    words.splice(i..i + k, v.iter().cloned());
                    caps.splice(i..i + k, std::iter::repeat_n(false, n));
                    i += n.max(1);
                }
                None => i += 1,
            }
        }
    }

    /// The phrase starting at `words[i]`, if any: how many words it spans
    /// and the words it is read as.
    pub fn phrase_at(&self, words: &[String], i: usize) -> Option<(usize, &[String])> {
        let list = self.phrases.get(&words[i])?;
        list.iter()
            .find(|(k, _)| {
                k.len() <= words.len() - i && k.iter().zip(&words[i..]).all(|(a, b)| a == b)
            })
            .map(|(k, v)| (k.len(), v.as_slice()))
    }

    /// Entity `e` and the entities its name and aliases name word by word.
    fn named_within(&self, e: usize) -> Vec<usize> {
        let entity = &self.entities[e];
        let mut out = vec![e];
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            for w in words_of(&crate::normalize::fold(name)) {
                for m in self.mentions(&[w.as_str()], &[true]) {
                    out.push(m.entity);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Entity `index` and the entities named inside its names.
    pub fn within(&self, index: usize) -> &[usize] {
        self.within
            .get(index)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// The shipped lexicon.
    pub fn builtin() -> Result<Self, LexiconError> {
        Lexicon::parse(BUILTIN_ENTITIES)
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    pub fn entity(&self, index: usize) -> &Entity {
        &self.entities[index]
    }

    pub fn entity_index(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// Indices of the entities `index` also stands for.
    pub fn related(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        self.entities[index]
            .related
            .iter()
            .filter_map(|r| self.entity_index(r))
    }

    /// Whether `index` is a place that stands for a country or an
    /// organisation: a capital, which acts for its government ("Damascus
    /// is determined to take Idlib by force").
    pub fn is_capital(&self, index: usize) -> bool {
        self.entities[index].kind == EntityKind::Place
            && self
                .related(index)
                .any(|r| matches!(self.entities[r].kind, EntityKind::Country | EntityKind::Org))
    }

    /// What a chat abbreviation means ("b4" → ["before"]).
    pub fn shorthand(&self, word: &str) -> Option<&[String]> {
        self.shorthand.get(word).map(Vec::as_slice)
    }

    /// The canonical stem of a stem's synonym group ("soldier" → "troop").
    pub fn synonym<'a>(&'a self, stem: &'a str) -> &'a str {
        self.synonyms.get(stem).map(String::as_str).unwrap_or(stem)
    }

    /// Whether `word` is a name of one word ("erdogan", "idlib").
    pub fn is_name(&self, word: &str) -> bool {
        self.names.contains(word)
    }

    /// Whether `word` is a word of some alias ("rouhani", "mistura").
    pub fn in_alias(&self, word: &str) -> bool {
        self.alias_word_set.contains(word)
    }

    /// Whether a word begins some alias (so the fuzzy corrector knows it).
    pub fn alias_words(&self) -> impl Iterator<Item = &str> {
        self.aliases
            .values()
            .flatten()
            .flat_map(|a| a.words.iter().map(String::as_str))
    }

    /// Finds entity mentions, longest alias first, left to right.
    /// `words[i]` and `caps[i]` describe token i.
    /// A name written as its possessive without the apostrophe ("irans")
    /// counts as the name.
    pub fn mentions(&self, words: &[&str], caps: &[bool]) -> Vec<Mention> {
        let same =
            |x: &str, y: &str| x == y || (y.strip_suffix('s') == Some(x) && self.names.contains(x));
        let find = |i: usize, first: &str| {
            self.aliases.get(first).and_then(|list| {
                list.iter().find(|a| {
                    a.words.len() <= words.len() - i
                        && a.words.iter().zip(&words[i..]).all(|(x, y)| same(x, y))
                        && (!a.needs_caps || caps.get(i).copied().unwrap_or(false))
                })
            })
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let found = find(i, words[i]).or_else(|| {
                words[i]
                    .strip_suffix('s')
                    .filter(|w| self.names.contains(*w))
                    .and_then(|w| find(i, w))
            });
            match found {
                Some(a) => {
                    out.push(Mention {
                        start: i,
                        len: a.words.len(),
                        entity: a.entity,
                    });
                    i += a.words.len();
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[[entity]]
key = "erdogan"
kind = "person"
name = "Recep Tayyip Erdogan"
aliases = ["erdoğan", "turkish president"]
related = ["turkey"]

[[entity]]
key = "turkey"
kind = "country"
name = "Turkey"
aliases = ["turkish", "ankara"]

[[entity]]
key = "usa"
kind = "country"
name = "United States"
aliases = ["us", "u.s."]

[synonyms]
groups = [["troops", "soldiers"], ["civilians", "non-combatants"]]

[shorthand]
"b4" = "before"
"w/" = "with"

[phrases]
"take place" = "held"
"#;

    fn found(lex: &Lexicon, text: &str) -> Vec<String> {
        let toks = tokens(text);
        let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        let caps: Vec<bool> = toks.iter().map(|t| t.upper).collect();
        lex.mentions(&words, &caps)
            .into_iter()
            .map(|m| lex.entity(m.entity).key.clone())
            .collect()
    }

    #[test]
    fn finds_entities_in_table() {
        let lex = Lexicon::parse(SAMPLE).expect("sample parses");
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("what did Erdoğan say", &["erdogan"]),
            ("the turkish president met", &["erdogan"]),
            ("a turkish town", &["turkey"]),
            ("ANKARA", &["turkey"]),
            ("tell us about it", &[]),
            ("the US said", &["usa"]),
            ("the U.S. said", &["usa"]),
            ("Recep Tayyip Erdogan and Turkey", &["erdogan", "turkey"]),
            // A possessive typed without its apostrophe.
            ("turkeys army", &["turkey"]),
            ("erdogans words", &["erdogan"]),
            // Not a plural of a word that only begins an alias.
            ("the turkish presidents", &["turkey"]),
            ("uss", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(found(&lex, text), *want, "{text:?}");
        }
    }

    #[test]
    fn synonyms_and_shorthand() {
        let lex = Lexicon::parse(SAMPLE).expect("sample parses");
        let s = Stemmer::default();
        assert_eq!(lex.synonym(&s.stem("soldiers")), s.stem("troops"));
        assert_eq!(lex.synonym("other"), "other");
        // A group whose first word is in another group reads as that one.
        let shipped = Lexicon::builtin().expect("the shipped lexicon parses");
        assert_eq!(
            shipped.synonym(&s.stem("backed")),
            shipped.synonym(&s.stem("supported"))
        );
        assert_eq!(lex.shorthand("b4"), Some(&["before".to_string()][..]));
        assert_eq!(lex.shorthand("w"), Some(&["with".to_string()][..]));
        let mut words: Vec<String> = ["where", "does", "it", "take", "place", "now"]
            .map(String::from)
            .to_vec();
        let mut caps = vec![false; words.len()];
        lex.rewrite_phrases(&mut words, &mut caps);
        assert_eq!(words, ["where", "does", "it", "held", "now"]);
        assert_eq!(caps.len(), words.len());
        // A hyphenated group member is split like any text, and still read
        // as its group.
        let mut words: Vec<String> = tokens("how many non-combatants")
            .into_iter()
            .map(|t| t.text)
            .collect();
        let mut caps = vec![false; words.len()];
        lex.rewrite_phrases(&mut words, &mut caps);
        assert_eq!(words, ["how", "many", "civilians"]);
    }

    #[test]
    fn unknown_related_entity_is_an_error() {
        let bad = "[[entity]]\nkey='a'\nkind='person'\nname='A'\nrelated=['nope']\n";
        assert!(matches!(
            Lexicon::parse(bad),
            Err(LexiconError::UnknownRelated { .. })
        ));
    }
}
