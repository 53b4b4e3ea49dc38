//! Teaching, the pure part: what a moderator writes to answer a question
//! the bot declined (a phrasing for a fact that already answers it, or a
//! new fact with its answer and a quote from the article), read from the
//! form's text, and where in the article a quote is. The store writes it
//! ([`crate::store::Store::teach`]); the edges only collect the text.

use super::{bare_quote, check_text, Invalid, MAX_PHRASING, MAX_REASON};
use crate::fact::FactId;

/// What a taught question becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lesson {
    /// Another phrasing of a fact that already answers it.
    Phrasing { fact: FactId },
    /// A new fact: its short answer, resting on `quote`, words of the
    /// article, in `paragraph` when the moderator says which (else the
    /// paragraph holding the quote).
    Fact {
        answer: String,
        quote: String,
        paragraph: Option<u32>,
    },
}

/// A declined question, taught: the question as it was asked, the
/// phrasing it is taught as (the moderator may tidy it), and what it
/// becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Teaching {
    pub asked: String,
    pub phrasing: String,
    pub lesson: Lesson,
}

/// The teach form as typed: every field as text, blank when left empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form {
    pub phrasing: String,
    pub answer: String,
    pub quote: String,
    pub paragraph: String,
    pub fact: String,
}

/// Why a form cannot be taught, in the moderator's terms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error(
        "give either the id of a fact that already answers it, or an answer and its quote; \
         not both"
    )]
    Both,
    #[error(
        "say what answers it: the id of a fact that already does, or an answer and the words \
         of the article it rests on"
    )]
    Neither,
    #[error("a new fact needs {missing} too: no answer without the article's words for it")]
    Half { missing: &'static str },
    #[error("{text:?} is not a paragraph number (1, 2, …)")]
    BadParagraph { text: String },
    #[error("{text:?} is not a fact id (a number, as /fact show gives it)")]
    BadFact { text: String },
}

impl Form {
    /// Reads the form for the declined question `asked`.
    pub fn read(&self, asked: &str) -> Result<Teaching, FormError> {
        let phrasing = check_text("question", &self.phrasing, MAX_PHRASING)?;
        let (answer, quote, fact) = (
            self.answer.trim(),
            bare_quote(&self.quote),
            self.fact.trim(),
        );
        let lesson = match (fact.is_empty(), answer.is_empty(), quote.is_empty()) {
            (false, true, true) => Lesson::Phrasing {
                fact: FactId(parse_number(fact).ok_or_else(|| FormError::BadFact {
                    text: fact.to_string(),
                })?),
            },
            (false, _, _) => return Err(FormError::Both),
            (true, true, true) => return Err(FormError::Neither),
            (true, true, false) => {
                return Err(FormError::Half {
                    missing: "an answer",
                })
            }
            (true, false, true) => {
                return Err(FormError::Half {
                    missing: "a quote from the article",
                })
            }
            (true, false, false) => Lesson::Fact {
                answer: answer.to_string(),
                quote: quote.to_string(),
                paragraph: match self.paragraph.trim() {
                    "" => None,
                    text => Some(
                        parse_number(text.trim_start_matches('¶'))
                            .and_then(|n| u32::try_from(n).ok())
                            .filter(|&n| n >= 1)
                            .ok_or_else(|| FormError::BadParagraph {
                                text: text.to_string(),
                            })?,
                    ),
                },
            },
        };
        Ok(Teaching {
            asked: asked.trim().to_string(),
            phrasing,
            lesson,
        })
    }
}

/// `12` or `#12`.
fn parse_number(text: &str) -> Option<i64> {
    text.trim().trim_start_matches('#').trim().parse().ok()
}

/// The words of `paragraph` that `quote` gives, whatever the white space
/// between them (the article has non-breaking spaces; what a moderator
/// pastes from Discord may not) and however the quotation marks around it
/// look: the paragraph's own text, so the quote stays word for word. None
/// when the paragraph does not hold it.
pub fn find_quote<'a>(paragraph: &'a str, quote: &str) -> Option<&'a str> {
    let words: Vec<&str> = bare_quote(quote).split_whitespace().collect();
    let (first, rest) = words.split_first()?;
    let mut from = 0;
    while let Some(at) = paragraph[from..].find(first).map(|i| i + from) {
        if let Some(end) = match_from(paragraph, at + first.len(), rest) {
            return Some(&paragraph[at..end]);
        }
        from = at + first.len();
    }
    None
}

/// Where `words` end when they follow `at` in `text`, each after some
/// white space; None when they do not.
fn match_from(text: &str, mut at: usize, words: &[&str]) -> Option<usize> {
    for word in words {
        let gap = text[at..].len() - text[at..].trim_start().len();
        if gap == 0 {
            return None;
        }
        at += gap;
        if !text[at..].starts_with(word) {
            return None;
        }
        at += word.len();
    }
    Some(at)
}

/// The history's reason for a taught question: what was asked, cut to fit.
pub fn reason(asked: &str) -> String {
    let head = "taught from a declined question: ";
    let room = MAX_REASON - head.chars().count() - 2;
    let asked: String = if asked.chars().count() > room {
        asked.chars().take(room - 1).chain(['…']).collect()
    } else {
        asked.to_string()
    };
    format!("{head}“{asked}”")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(phrasing: &str, answer: &str, quote: &str, paragraph: &str, fact: &str) -> Form {
        Form {
            phrasing: phrasing.into(),
            answer: answer.into(),
            quote: quote.into(),
            paragraph: paragraph.into(),
            fact: fact.into(),
        }
    }

    #[test]
    fn a_fact_id_alone_teaches_a_phrasing() {
        let taught = form("who hosted?", "", "", "", " #7 ").read(" who hosted? ");
        assert_eq!(
            taught,
            Ok(Teaching {
                asked: "who hosted?".into(),
                phrasing: "who hosted?".into(),
                lesson: Lesson::Phrasing { fact: FactId(7) },
            })
        );
    }

    #[test]
    fn an_answer_and_its_quote_teach_a_fact() {
        let taught = form("q?", " Tehran ", "“in Tehran”", "¶3", "").read("q?");
        assert_eq!(
            taught.map(|t| t.lesson),
            Ok(Lesson::Fact {
                answer: "Tehran".into(),
                quote: "in Tehran".into(),
                paragraph: Some(3),
            })
        );
        let unplaced = form("q?", "Tehran", "in Tehran", " ", "").read("q?");
        assert!(matches!(
            unplaced.map(|t| t.lesson),
            Ok(Lesson::Fact {
                paragraph: None,
                ..
            })
        ));
    }

    #[test]
    fn an_incomplete_or_mixed_form_says_what_is_wrong() {
        let read = |f: Form| f.read("q?").unwrap_err();
        assert_eq!(read(form("q?", "", "", "", "")), FormError::Neither);
        assert_eq!(read(form("q?", "a", "b", "", "3")), FormError::Both);
        assert_eq!(
            read(form("q?", "a", "", "", "")),
            FormError::Half {
                missing: "a quote from the article"
            }
        );
        assert_eq!(
            read(form("q?", "", "b", "", "")),
            FormError::Half {
                missing: "an answer"
            }
        );
        assert!(matches!(
            read(form("q?", "a", "b", "zero", "")),
            FormError::BadParagraph { .. }
        ));
        assert!(matches!(
            read(form("q?", "a", "b", "0", "")),
            FormError::BadParagraph { .. }
        ));
        assert!(matches!(
            read(form("q?", "", "", "", "seven")),
            FormError::BadFact { .. }
        ));
        assert!(matches!(
            read(form("  ", "", "", "", "7")),
            FormError::Invalid(Invalid::Empty { .. })
        ));
    }

    #[test]
    fn a_quote_is_found_whatever_its_spaces_and_marks() {
        let paragraph = "The summit took place in\u{a0}Tehran on Friday. It ended.";
        assert_eq!(
            find_quote(paragraph, "“took place  in Tehran”"),
            Some("took place in\u{a0}Tehran")
        );
        assert_eq!(find_quote(paragraph, "It ended."), Some("It ended."));
        assert_eq!(find_quote(paragraph, "in Ankara"), None);
        assert_eq!(find_quote(paragraph, "place inTehran"), None);
        assert_eq!(find_quote(paragraph, "  "), None);
    }

    #[test]
    fn a_long_question_is_cut_to_fit_the_reason() {
        let long = "why ".repeat(300);
        let cut = reason(&long);
        assert!(cut.chars().count() <= MAX_REASON);
        assert!(cut.ends_with("…”"));
        assert_eq!(reason("who?"), "taught from a declined question: “who?”");
    }
}
