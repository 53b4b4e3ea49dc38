//! The question log and the 👍/👎 feedback: written as people ask and vote,
//! read back (one query each) for the moderators' reviews.

use rusqlite::params;

use super::error::{db, sql_err, ModError, StoreError};
use super::{id_to_sql, Store};
use crate::fact::{ArticleId, FactId};
use crate::moderation::{FeedbackTally, LoggedQuestion};

/// One asked question, for the question log.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionLogEntry {
    pub question: String,
    pub answered: bool,
    pub fact_id: Option<FactId>,
    pub confidence: f64,
    /// One of the [`channel`] constants.
    pub channel: &'static str,
    pub guild_id: Option<u64>,
    /// Only when the config allows logging user ids.
    pub user_id: Option<u64>,
}

impl Store {
    /// Adds one question to the question log.
    pub fn log_question(&self, entry: &QuestionLogEntry) -> Result<(), StoreError> {
        self.log_questions(std::slice::from_ref(entry))
    }

    /// Adds several questions to the question log in one transaction: what
    /// a stream of questions should use, as one commit per question would
    /// cost more than answering it.
    pub fn log_questions(&self, entries: &[QuestionLogEntry]) -> Result<(), StoreError> {
        let op = "logging questions";
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(sql_err(&self.path, op))?;
        {
            let mut st = tx
                .prepare_cached(
                    "INSERT INTO question_log (question, answered, fact_id, confidence, channel,
                                               guild_id, user_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(sql_err(&self.path, op))?;
            for e in entries {
                st.execute(params![
                    e.question,
                    e.answered,
                    e.fact_id.map(|f| f.0),
                    e.confidence,
                    e.channel,
                    e.guild_id.map(id_to_sql),
                    e.user_id.map(id_to_sql),
                ])
                .map_err(sql_err(&self.path, op))?;
            }
        }
        tx.commit().map_err(sql_err(&self.path, op))
    }

    /// Records a user's 👍 (`helpful`) or 👎 on a fact; a second vote by the
    /// same user on the same fact replaces the first.
    pub fn record_feedback(
        &self,
        fact_id: FactId,
        user_id: u64,
        helpful: bool,
    ) -> Result<(), StoreError> {
        self.conn()
            .prepare_cached(
                "INSERT INTO feedback (fact_id, user_id, helpful) VALUES (?1, ?2, ?3)
                 ON CONFLICT (fact_id, user_id) DO UPDATE
                 SET helpful = excluded.helpful, at = excluded.at",
            )
            .and_then(|mut st| st.execute(params![fact_id.0, id_to_sql(user_id), helpful]))
            .map_err(sql_err(&self.path, "recording feedback"))?;
        Ok(())
    }

    /// Questions of the last `days` days that were declined or answered with
    /// confidence below `low`, and not taught since, newest first. A question
    /// once taught stays off the list when asked again (in any case) and
    /// answered by the fact it was taught as: that answer comes from its own
    /// wording, which a moderator settled, even where the model alone is
    /// unsure of it.
    pub fn missed_questions(&self, days: u32, low: f64) -> Result<Vec<LoggedQuestion>, ModError> {
        let conn = self.conn();
        let op = "reading the question log";
        let mut st = conn
            .prepare_cached(
                "SELECT question, answered, confidence, at FROM question_log
                 WHERE at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?1)
                   AND (answered = 0 OR confidence < ?2)
                   AND taught_fact IS NULL
                   AND NOT (answered = 1 AND EXISTS (
                        SELECT 1 FROM question_log AS t
                        WHERE t.taught_fact = question_log.fact_id
                          AND lower(trim(t.question)) = lower(trim(question_log.question))))
                 ORDER BY at DESC, id DESC",
            )
            .map_err(db(self, op))?;
        let since = format!("-{days} days");
        let rows = st
            .query_map(params![since, low], |row| {
                Ok(LoggedQuestion {
                    question: row.get(0)?,
                    answered: row.get(1)?,
                    confidence: row.get(2)?,
                    at: row.get(3)?,
                })
            })
            .map_err(db(self, op))?;
        rows.collect::<Result<_, _>>().map_err(db(self, op))
    }

    /// The facts with the worst 👍/👎 record (most 👎 over 👍), at most
    /// `limit`, each with its answer; only facts someone voted on, and with
    /// `article` only that article's. One query.
    pub fn feedback_tallies(
        &self,
        limit: usize,
        article: Option<ArticleId>,
    ) -> Result<Vec<FeedbackTally>, ModError> {
        let conn = self.conn();
        let op = "tallying feedback";
        let mut st = conn
            .prepare_cached(
                "SELECT v.fact_id, sum(v.helpful), sum(1 - v.helpful), coalesce(f.answer, '')
                 FROM feedback v LEFT JOIN facts f ON f.id = v.fact_id
                 WHERE ?2 IS NULL OR f.article_id = ?2
                 GROUP BY v.fact_id
                 ORDER BY sum(1 - v.helpful) - sum(v.helpful) DESC, sum(1 - v.helpful) DESC,
                          v.fact_id
                 LIMIT ?1",
            )
            .map_err(db(self, op))?;
        let rows = st
            .query_map(
                params![
                    i64::try_from(limit).unwrap_or(i64::MAX),
                    article.map(|a| a.0)
                ],
                |row| {
                    Ok(FeedbackTally {
                        fact_id: FactId(row.get(0)?),
                        helpful: row.get(1)?,
                        unhelpful: row.get(2)?,
                        answer: row.get(3)?,
                    })
                },
            )
            .map_err(db(self, op))?;
        rows.collect::<Result<_, _>>().map_err(db(self, op))
    }
}

#[cfg(test)]
mod tests {
    use crate::fact::FactId;
    use crate::store::testing::store;

    #[test]
    fn feedback_tallies_carry_the_answer_worst_first() {
        let (_dir, store) = store();
        store.record_feedback(FactId(2), 1, false).expect("vote");
        store.record_feedback(FactId(2), 2, false).expect("vote");
        store.record_feedback(FactId(3), 1, true).expect("vote");
        let tallies = store.feedback_tallies(10, None).expect("tallies");
        let answer = |id| store.fact(FactId(id)).expect("load").map(|f| f.answer);
        assert_eq!(tallies.len(), 2);
        assert_eq!(
            (tallies[0].fact_id, tallies[0].unhelpful, tallies[0].helpful),
            (FactId(2), 2, 0)
        );
        assert_eq!(Some(tallies[0].answer.clone()), answer(2));
        assert_eq!(Some(tallies[1].answer.clone()), answer(3));
        assert_eq!(store.feedback_tallies(1, None).expect("tallies").len(), 1);
        let first = store.fact(FactId(2)).expect("load").expect("fact").article;
        let other = crate::fact::ArticleId(first.0 + 1);
        assert_eq!(
            store
                .feedback_tallies(10, Some(first))
                .expect("tallies")
                .len(),
            2
        );
        assert!(store
            .feedback_tallies(10, Some(other))
            .expect("tallies")
            .is_empty());
    }
}
