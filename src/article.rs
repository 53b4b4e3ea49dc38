//! An article as the bot reads it: title, date, paragraphs (blank-line
//! blocks numbered from 1) and their sentences. Pure text handling.

use serde::{Deserialize, Serialize};

/// The article this bot ships with, byte for byte.
pub const BUILTIN_TEXT: &str = include_str!("../data/tehran-summit-2018.txt");
/// Its metadata (title, date), beside it in `data/`.
pub const BUILTIN_META: &str = include_str!("../data/article.toml");

/// Title, date and source of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    /// ISO date, e.g. 2018-09-07.
    pub date: Option<String>,
    /// Who published it, when known.
    #[serde(default)]
    pub publisher: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// 1-based.
    pub number: u32,
    pub text: String,
    pub sentences: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub meta: Meta,
    /// The whole text as given.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("the article has no text")]
    Empty,
    #[error("bad article metadata: {0}")]
    Meta(#[from] toml::de::Error),
}

impl Article {
    /// Splits `text` into paragraphs (blocks separated by one or more blank
    /// lines; lines within a block are joined with a space) and sentences.
    pub fn parse(meta: Meta, text: &str) -> Result<Self, ArticleError> {
        let mut paragraphs = Vec::new();
        let mut block: Vec<&str> = Vec::new();
        let flush = |block: &mut Vec<&str>, paragraphs: &mut Vec<Paragraph>| {
            if block.is_empty() {
                return;
            }
            let text = block.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
            block.clear();
            let number = paragraphs.len() as u32 + 1;
            let sentences = split_sentences(&text);
            paragraphs.push(Paragraph {
                number,
                text,
                sentences,
            });
        };
        for line in text.lines() {
            if line.trim().is_empty() {
                flush(&mut block, &mut paragraphs);
            } else {
                block.push(line);
            }
        }
        flush(&mut block, &mut paragraphs);
        if paragraphs.is_empty() {
            return Err(ArticleError::Empty);
        }
        Ok(Article {
            meta,
            text: text.to_string(),
            paragraphs,
        })
    }

    /// The article shipped in `data/`.
    pub fn builtin() -> Result<Self, ArticleError> {
        let meta: Meta = toml::from_str(BUILTIN_META)?;
        Article::parse(meta, BUILTIN_TEXT)
    }

    /// Paragraph `number` (1-based), if there is one.
    pub fn paragraph(&self, number: u32) -> Option<&Paragraph> {
        number
            .checked_sub(1)
            .and_then(|i| self.paragraphs.get(i as usize))
    }
}

/// Words ending in "." that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "u.s.", "u.n.", "u.k.", "mr.", "mrs.", "ms.", "dr.", "st.", "gen.", "col.", "lt.", "sgt.",
    "prof.", "sen.", "rep.", "gov.", "jan.", "feb.", "mar.", "apr.", "aug.", "sep.", "sept.",
    "oct.", "nov.", "dec.", "no.", "vs.", "etc.", "e.g.", "i.e.", "a.m.", "p.m.",
];

/// Splits a paragraph into sentences. A sentence ends at `.`, `!` or `?`
/// (and any closing quote after it) followed by whitespace, unless the
/// full stop belongs to an abbreviation ("U.S.", "Mr.") or an initial, or
/// the break falls inside a curly quotation (“A ruthless process … massacre,”
/// stays one sentence with its attribution).
pub fn split_sentences(text: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut sentences = Vec::new();
    let mut start = 0usize;
    let mut quote_depth = 0i32;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        match c {
            '“' => quote_depth += 1,
            '”' => quote_depth = (quote_depth - 1).max(0),
            '.' | '!' | '?' => {
                // Take the whole run of terminators and closing quotes.
                let mut j = i + 1;
                while j < chars.len()
                    && matches!(chars[j].1, '.' | '!' | '?' | '”' | '"' | '’' | ')')
                {
                    if chars[j].1 == '”' {
                        quote_depth = (quote_depth - 1).max(0);
                    }
                    j += 1;
                }
                let at_space = j < chars.len() && chars[j].1.is_whitespace();
                let end = if j < chars.len() {
                    chars[j].0
                } else {
                    text.len()
                };
                if at_space && quote_depth == 0 && c == '.' && is_abbreviation(&text[start..end]) {
                    i = j;
                    continue;
                }
                if at_space && quote_depth == 0 && next_starts_sentence(&chars[j..]) {
                    push_trimmed(&mut sentences, &text[start..end]);
                    start = end;
                }
                i = j;
                continue;
            }
            _ => {}
        }
        let _ = pos;
        i += 1;
    }
    push_trimmed(&mut sentences, &text[start..]);
    sentences
}

fn push_trimmed(out: &mut Vec<String>, s: &str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s.to_string());
    }
}

/// Whether the text up to a full stop ends in an abbreviation or an initial.
fn is_abbreviation(upto: &str) -> bool {
    let last = upto.split_whitespace().last().unwrap_or("");
    let lower = last.trim_start_matches(['“', '"', '(']).to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // A single capital letter and a stop: an initial ("George W. Bush").
    let core = lower.trim_end_matches('.');
    core.chars().count() == 1 && core.chars().all(char::is_alphabetic)
}

/// After whitespace, a new sentence starts with a capital letter, a digit or
/// an opening quote.
fn next_starts_sentence(rest: &[(usize, char)]) -> bool {
    rest.iter()
        .map(|&(_, c)| c)
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '‘' | '…' | '(')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<String> {
        split_sentences(s)
    }

    #[test]
    fn splits_sentences_in_table() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("One.", &["One."]),
            ("One. Two.", &["One.", "Two."]),
            (
                "He met the U.S. envoy. Then left.",
                &["He met the U.S. envoy.", "Then left."],
            ),
            (
                "Assad’s ally. “Turkey is ready,” he said.",
                &["Assad’s ally.", "“Turkey is ready,” he said."],
            ),
            (
                "“A process. … God forbid,” Erdogan said. Next.",
                &["“A process. … God forbid,” Erdogan said.", "Next."],
            ),
            (
                "Bashar al-Assad rules. 3 million live there.",
                &["Bashar al-Assad rules.", "3 million live there."],
            ),
            (
                "It is over. but not quite.",
                &["It is over. but not quite."],
            ),
            (
                "George W. Bush spoke. Yes!",
                &["George W. Bush spoke.", "Yes!"],
            ),
            ("Is it? Yes.", &["Is it?", "Yes."]),
            (
                "Erdoğan ağladı. Эрдоган сказал.",
                &["Erdoğan ağladı.", "Эрдоган сказал."],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(split(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn builtin_article_has_21_paragraphs() {
        let a = Article::builtin().expect("builtin article parses");
        assert_eq!(a.paragraphs.len(), 21);
        assert_eq!(a.meta.date.as_deref(), Some("2018-09-07"));
        // Paragraph 7 holds two sentences: a statement and a quotation.
        assert_eq!(a.paragraph(7).map(|p| p.sentences.len()), Some(2));
        // Paragraph 14 is one quotation with its attribution.
        assert_eq!(a.paragraph(14).map(|p| p.sentences.len()), Some(1));
        assert_eq!(a.paragraph(20).map(|p| p.sentences.len()), Some(2));
        assert!(a.paragraph(0).is_none());
        assert!(a.paragraph(22).is_none());
        for p in &a.paragraphs {
            for s in &p.sentences {
                assert!(
                    p.text.contains(s.as_str()),
                    "¶{} sentence not verbatim: {s}",
                    p.number
                );
            }
        }
    }

    #[test]
    fn crlf_and_multiline_paragraphs() {
        let meta = Meta {
            title: "t".into(),
            date: None,
            publisher: None,
        };
        let a = Article::parse(meta, "First line\r\nsame para.\r\n\r\n\r\nSecond.\r\n")
            .expect("parses");
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.paragraphs[0].text, "First line same para.");
        assert_eq!(a.paragraphs[1].number, 2);
    }

    #[test]
    fn empty_article_is_an_error() {
        let meta = Meta {
            title: "t".into(),
            date: None,
            publisher: None,
        };
        assert!(matches!(
            Article::parse(meta, " \n\n "),
            Err(ArticleError::Empty)
        ));
    }
}
