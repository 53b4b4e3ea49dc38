//! Where a fact's quote comes from: the words of the paragraph it cites,
//! checked word for word, or the sentence picked for the moderator. One
//! function, [`Store::cite`], chooses it for every change that needs one.

use rusqlite::{params, Connection, OptionalExtension};

use super::error::{db, ModError};
use super::Store;
use crate::fact::ArticleId;
use crate::moderation::{self, check_quote, Invalid};

/// What [`Store::cite`] chooses a quote from.
pub(super) struct Quoting<'a> {
    /// The quote the moderator gave (blank counts as none).
    pub given: Option<&'a str>,
    /// The quote the fact has now, kept if its paragraph still holds it.
    pub kept: Option<&'a str>,
    pub answer: &'a str,
    /// The fact's main phrasing.
    pub question: &'a str,
}

/// A quote chosen by [`Store::cite`].
pub(super) struct Cited {
    pub quote: String,
    /// Whether it was picked for the moderator (none was given or kept).
    pub picked: bool,
}

impl Store {
    /// The one way a fact citing paragraph `number` gets its quote: the
    /// quote given, checked word for word against the paragraph; else the
    /// quote it has, if the paragraph holds it; else the paragraph's
    /// sentence sharing most words with the answer and the main phrasing.
    pub(super) fn cite(
        &self,
        conn: &Connection,
        article: ArticleId,
        number: u32,
        quoting: Quoting<'_>,
    ) -> Result<Cited, ModError> {
        let text = self.paragraph_text(conn, article, number)?;
        if let Some(given) = quoting.given.filter(|q| !q.trim().is_empty()) {
            let quote = check_quote(number, &text, given)?;
            return Ok(Cited {
                quote,
                picked: false,
            });
        }
        if let Some(kept) = quoting.kept.filter(|k| text.contains(k)) {
            return Ok(Cited {
                quote: kept.to_string(),
                picked: false,
            });
        }
        let sentences = sentences(conn, article, number)
            .map_err(db(self, "loading the paragraph's sentences"))?;
        let i = moderation::pick_sentence(&sentences, quoting.answer, quoting.question)
            .ok_or(Invalid::NoSentence { number })?;
        Ok(Cited {
            quote: sentences[i].clone(),
            picked: true,
        })
    }

    pub(super) fn paragraph_text(
        &self,
        conn: &Connection,
        article: ArticleId,
        number: u32,
    ) -> Result<String, ModError> {
        let op = "loading a paragraph";
        let text: Option<String> = conn
            .query_row(
                "SELECT text FROM paragraphs WHERE article_id = ?1 AND number = ?2",
                params![article.0, number],
                |row| row.get(0),
            )
            .optional()
            .map_err(db(self, op))?;
        match text {
            Some(t) => Ok(t),
            None => {
                let count: u32 = conn
                    .query_row(
                        "SELECT count(*) FROM paragraphs WHERE article_id = ?1",
                        [article.0],
                        |row| row.get(0),
                    )
                    .map_err(db(self, op))?;
                Err(Invalid::ParagraphOutOfRange { number, count }.into())
            }
        }
    }
}

pub(super) fn sentences(
    conn: &Connection,
    article: ArticleId,
    paragraph: u32,
) -> rusqlite::Result<Vec<String>> {
    let mut st = conn.prepare_cached(
        "SELECT text FROM sentences WHERE article_id = ?1 AND paragraph = ?2 ORDER BY position",
    )?;
    let rows = st.query_map(params![article.0, paragraph], |row| row.get(0))?;
    rows.collect()
}
