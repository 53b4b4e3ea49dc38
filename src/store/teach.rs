//! A declined question taught by a moderator: it becomes a phrasing of a
//! fact that answers it, or a new fact quoting the article, with a
//! revision naming who taught it; and the logged question leaves the
//! unanswered list.

use rusqlite::params;

use super::error::{db, ModError};
use super::Store;
use crate::fact::{ArticleId, Fact};
use crate::moderation::teach::{self, find_quote, Lesson, Teaching};
use crate::moderation::{Draft, Invalid, Moderator, Source};

/// A question taught.
#[derive(Debug, Clone, PartialEq)]
pub struct Taught {
    /// The fact that now answers it, as it is after the change.
    pub fact: Fact,
    /// Whether the fact is new (else it gained a phrasing).
    pub new: bool,
    /// How many logged questions left the unanswered list.
    pub resolved: usize,
}

/// Where a quote was found: the article, the paragraph, the paragraph's
/// own words for it, and the article's title (for an error naming places).
struct Found {
    article: ArticleId,
    number: u32,
    quote: String,
    title: String,
}

impl Store {
    /// Teaches `taught`: a new phrasing of an existing fact, or a new fact
    /// citing the paragraph that holds its quote (the one the moderator
    /// named, else the only one in any article that does: a quote in
    /// several paragraphs must say which). The fact's change is one
    /// transaction, as any moderator's; then the question log marks the
    /// question (as asked, and as taught) taught.
    pub fn teach(&self, taught: &Teaching, by: &Moderator) -> Result<Taught, ModError> {
        let reason = teach::reason(&taught.asked);
        let (fact, new) = match &taught.lesson {
            Lesson::Phrasing { fact } => (
                self.alias_fact(*fact, &taught.phrasing, by, Some(&reason))?,
                false,
            ),
            Lesson::Fact {
                answer,
                quote,
                paragraph,
            } => {
                let (article, source) = match self.locate(quote, *paragraph)? {
                    Some(found) => (
                        Some(found.article),
                        Source::Paragraph {
                            number: found.number,
                            quote: Some(found.quote),
                        },
                    ),
                    // The paragraph named does not hold it: adding says
                    // so, with the paragraph's words.
                    None => (
                        None,
                        Source::Paragraph {
                            number: paragraph.ok_or(Invalid::QuoteNotInArticle)?,
                            quote: Some(quote.clone()),
                        },
                    ),
                };
                let draft = Draft {
                    article,
                    questions: vec![taught.phrasing.clone()],
                    answer: answer.clone(),
                    source,
                    kind: None,
                };
                (self.add_fact(&draft, by, Some(&reason))?.fact, true)
            }
        };
        let resolved = self.mark_taught(taught, &fact)?;
        Ok(Taught {
            fact,
            new,
            resolved,
        })
    }

    /// The one paragraph holding `quote` (only paragraph `number` when
    /// given); None when a named paragraph does not hold it; an error when
    /// no paragraph does, or several do.
    fn locate(&self, quote: &str, number: Option<u32>) -> Result<Option<Found>, ModError> {
        let conn = self.conn();
        let op = "finding the quote in the articles";
        let mut st = conn
            .prepare_cached(
                "SELECT p.article_id, p.number, p.text, a.title
                 FROM paragraphs p JOIN articles a ON a.id = p.article_id
                 WHERE ?1 IS NULL OR p.number = ?1
                 ORDER BY p.article_id, p.number",
            )
            .map_err(db(self, op))?;
        let mut rows = st.query(params![number]).map_err(db(self, op))?;
        let mut found = Vec::new();
        while let Some(row) = rows.next().map_err(db(self, op))? {
            let text: String = row.get(2).map_err(db(self, op))?;
            if let Some(words) = find_quote(&text, quote) {
                found.push(Found {
                    article: ArticleId(row.get(0).map_err(db(self, op))?),
                    number: row.get(1).map_err(db(self, op))?,
                    quote: words.to_string(),
                    title: row.get(3).map_err(db(self, op))?,
                });
            }
        }
        match found.len() {
            0 if number.is_some() => Ok(None),
            0 => Err(Invalid::QuoteNotInArticle.into()),
            1 => Ok(found.pop()),
            _ => {
                let several_articles = found.iter().any(|f| f.article != found[0].article);
                let places: Vec<String> = found
                    .iter()
                    .take(5)
                    .map(|f| match several_articles {
                        true => format!("¶{} of “{}”", f.number, f.title),
                        false => format!("¶{}", f.number),
                    })
                    .collect();
                Err(Invalid::QuoteInSeveral {
                    places: places.join(", "),
                }
                .into())
            }
        }
    }

    /// Marks the logged questions asked as `taught` was (or as its
    /// phrasing), in any case, taught by `fact`; how many.
    fn mark_taught(&self, taught: &Teaching, fact: &Fact) -> Result<usize, ModError> {
        let conn = self.conn();
        conn.execute(
            "UPDATE question_log SET taught_fact = ?1
             WHERE taught_fact IS NULL
               AND lower(trim(question)) IN (lower(trim(?2)), lower(trim(?3)))",
            params![fact.id.0, taught.asked, taught.phrasing],
        )
        .map_err(db(self, "marking the question taught"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::FactId;
    use crate::moderation::teach::Form;
    use crate::store::testing::store;
    use crate::store::QuestionLogEntry;

    fn alice() -> Moderator {
        Moderator {
            id: Some(1),
            name: "alice".into(),
        }
    }

    fn log(store: &Store, question: &str) {
        store
            .log_question(&QuestionLogEntry {
                question: question.to_string(),
                answered: false,
                fact_id: None,
                confidence: 0.2,
                channel: crate::store::channel::CLI,
                guild_id: None,
                user_id: None,
            })
            .expect("log");
    }

    fn unanswered(store: &Store) -> Vec<String> {
        store
            .missed_questions(30, 0.6)
            .expect("missed")
            .into_iter()
            .map(|q| q.question)
            .collect()
    }

    #[test]
    fn a_quote_in_several_paragraphs_must_say_which_and_then_is_taught() {
        let (_dir, store) = store();
        log(&store, "Which province is it about??");
        log(&store, "something else entirely");
        let form = Form {
            phrasing: "which province is it about??".into(),
            answer: "Idlib".into(),
            quote: "Idlib".into(),
            ..Form::default()
        };
        let asked = "Which province is it about??";
        let taught = store.teach(&form.read(asked).expect("form"), &alice());
        let Err(ModError::Invalid(Invalid::QuoteInSeveral { places })) = taught else {
            panic!("{taught:?}");
        };
        assert!(places.starts_with('¶'), "{places}");
        assert_eq!(unanswered(&store).len(), 2, "nothing taught yet");

        let named = Form {
            paragraph: "2".into(),
            ..form
        };
        let taught = store
            .teach(&named.read(asked).expect("form"), &alice())
            .expect("taught");
        assert_eq!(taught.fact.paragraph, Some(2));
        assert_eq!(taught.fact.quote, "Idlib");
        assert_eq!(taught.resolved, 1);
        assert_eq!(unanswered(&store), ["something else entirely"]);
        // Asked again and answered from its taught wording, with the model
        // unsure: still off the list. Declined again, it is back on.
        let again = |answered, question: &str| QuestionLogEntry {
            question: question.to_string(),
            answered,
            fact_id: answered.then_some(taught.fact.id),
            confidence: 0.4,
            channel: crate::store::channel::CLI,
            guild_id: None,
            user_id: None,
        };
        store.log_question(&again(true, asked)).expect("log");
        store
            .log_question(&again(true, "WHICH province is it about??  "))
            .expect("log");
        assert_eq!(unanswered(&store), ["something else entirely"]);
        // Answered unsure by another fact, or declined: back on the list.
        let other = QuestionLogEntry {
            fact_id: Some(FactId(taught.fact.id.0 - 1)),
            ..again(true, asked)
        };
        store.log_question(&other).expect("log");
        assert_eq!(unanswered(&store), [asked, "something else entirely"]);
        store.log_question(&again(false, asked)).expect("log");
        assert_eq!(unanswered(&store).len(), 3);
    }

    #[test]
    fn a_quote_found_once_makes_a_sourced_fact_with_a_revision_naming_the_teacher() {
        let (_dir, store) = store();
        log(&store, "what year did the war start?");
        let quote = store
            .paragraphs(store.articles().expect("articles")[0].id)
            .expect("paragraphs")[0]
            .1
            .split(". ")
            .next()
            .expect("a sentence")
            .to_string();
        let teaching = Form {
            phrasing: "What year did the war start?".into(),
            answer: "Not in the article; see the quote".into(),
            quote: quote.replace(' ', "  "),
            ..Form::default()
        }
        .read("what year did the war start?")
        .expect("form");
        let taught = store.teach(&teaching, &alice()).expect("taught");
        assert!(taught.new);
        assert_eq!(taught.resolved, 1);
        assert_eq!(taught.fact.paragraph, Some(1));
        assert!(taught
            .fact
            .quote
            .contains(quote.split(' ').next().unwrap_or("")));
        assert!(unanswered(&store).is_empty());
        let history = store.history(taught.fact.id).expect("history");
        let created = history
            .iter()
            .find(|r| r.version == taught.fact.version)
            .expect("the revision");
        assert_eq!(created.by_name, "alice");
        assert!(created
            .reason
            .as_deref()
            .unwrap_or("")
            .contains("what year did the war start?"));
    }

    #[test]
    fn a_fact_id_adds_the_phrasing_and_a_quote_nowhere_is_refused() {
        let (_dir, store) = store();
        log(&store, "who hosts it");
        let before = store.fact(FactId(1)).expect("load").expect("fact");
        let phrasing = Form {
            phrasing: "who hosts it".into(),
            fact: "1".into(),
            ..Form::default()
        }
        .read("who hosts it")
        .expect("form");
        let taught = store.teach(&phrasing, &alice()).expect("taught");
        assert!(!taught.new);
        assert_eq!(taught.fact.version, before.version + 1);
        assert!(taught.fact.questions.iter().any(|q| q == "who hosts it"));
        assert!(unanswered(&store).is_empty());

        let nowhere = Form {
            phrasing: "what is the population of Tehran?".into(),
            answer: "8.7 million".into(),
            quote: "8.7 million people live there".into(),
            ..Form::default()
        }
        .read("population?")
        .expect("form");
        assert!(matches!(
            store.teach(&nowhere, &alice()),
            Err(ModError::Invalid(Invalid::QuoteNotInArticle))
        ));
        let named = Form {
            paragraph: "2".into(),
            ..Form {
                phrasing: "population?".into(),
                answer: "8.7 million".into(),
                quote: "8.7 million people live there".into(),
                ..Form::default()
            }
        }
        .read("population?")
        .expect("form");
        assert!(matches!(
            store.teach(&named, &alice()),
            Err(ModError::Invalid(Invalid::QuoteNotInParagraph {
                number: 2,
                ..
            }))
        ));
    }
}
