//! Small talk: a message that is a greeting, thanks, a goodbye or a request
//! for help rather than a question about the article ("hi", "thanks!",
//! "what can you do"). Read before matching, so such a message gets a
//! short reply of its kind, never a fact. The word lists are data
//! (`data/social.toml`), read here once.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::normalize::{fold, tokens};

const SOCIAL: &str = include_str!("../../data/social.toml");

/// What kind of small talk a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Social {
    Greeting,
    Thanks,
    Goodbye,
    Help,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    greeting: Vec<String>,
    thanks: Vec<String>,
    goodbye: Vec<String>,
    help: Vec<String>,
    filler: Vec<String>,
}

struct Lists {
    /// (kind, phrase as words), longest phrase first.
    phrases: Vec<(Social, Vec<String>)>,
    filler: HashSet<String>,
}

fn words(text: &str) -> Vec<String> {
    tokens(&fold(text)).into_iter().map(|t| t.text).collect()
}

fn lists() -> &'static Option<Lists> {
    static LISTS: OnceLock<Option<Lists>> = OnceLock::new();
    LISTS.get_or_init(|| {
        let file: File = toml::from_str(SOCIAL).ok()?;
        let mut phrases: Vec<(Social, Vec<String>)> = [
            (Social::Help, &file.help),
            (Social::Greeting, &file.greeting),
            (Social::Thanks, &file.thanks),
            (Social::Goodbye, &file.goodbye),
        ]
        .into_iter()
        .flat_map(|(kind, list)| list.iter().map(move |p| (kind, words(p))))
        .filter(|(_, w)| !w.is_empty())
        .collect();
        phrases.sort_by_key(|(_, w)| std::cmp::Reverse(w.len()));
        let filler = file.filler.iter().flat_map(|f| words(f)).collect();
        Some(Lists { phrases, filler })
    })
}

/// The kind of small talk `message` is, if all of it is small talk. Help
/// wins over a greeting beside it ("hi, what can you do?").
pub fn read(message: &str) -> Option<Social> {
    let lists = lists().as_ref()?;
    let w = words(message);
    let mut found: Option<Social> = None;
    let mut i = 0;
    while i < w.len() {
        if let Some((kind, p)) = lists
            .phrases
            .iter()
            .find(|(_, p)| w[i..].starts_with(p.as_slice()))
        {
            found = match (found, *kind) {
                (Some(Social::Help), _) | (_, Social::Help) => Some(Social::Help),
                (Some(k), _) => Some(k),
                (None, k) => Some(k),
            };
            i += p.len();
        } else if lists.filler.contains(&w[i]) {
            i += 1;
        } else {
            return None;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lists_parse() {
        assert!(lists().is_some());
    }

    #[test]
    fn small_talk_is_read_and_questions_are_not() {
        let cases: &[(&str, Option<Social>)] = &[
            ("hi", Some(Social::Greeting)),
            ("Hey bot!", Some(Social::Greeting)),
            ("héllo there", Some(Social::Greeting)),
            ("thanks!", Some(Social::Thanks)),
            ("ok thank you so much", Some(Social::Thanks)),
            ("bye", Some(Social::Goodbye)),
            ("help", Some(Social::Help)),
            ("hi, what can you do?", Some(Social::Help)),
            ("", None),
            ("who runs idlib", None),
            ("hi who runs idlib", None),
            ("thanks, and where is the summit?", None),
            ("help me understand why turkey is worried", None),
            ("🙂", None),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), *want, "{text:?}");
        }
    }
}
