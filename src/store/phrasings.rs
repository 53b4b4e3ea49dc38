//! A fact's phrasings (the ways people ask for it): written in order, and
//! never shared between two facts in force, compared as
//! [`crate::moderation::phrasing_key`] compares them.

use std::collections::HashMap;

use rusqlite::{params, Connection, Transaction};

use super::error::{db, ModError};
use super::Store;
use crate::fact::{Fact, FactId};
use crate::moderation;

impl Store {
    /// Refuses a phrasing that already belongs to another fact in force.
    pub(super) fn refuse_taken(
        &self,
        tx: &Transaction<'_>,
        questions: &[String],
        except: Option<FactId>,
    ) -> Result<(), ModError> {
        let op = "checking phrasings";
        let wanted: Vec<(String, &String)> = questions
            .iter()
            .map(|q| (moderation::phrasing_key(q), q))
            .collect();
        let mut st = tx
            .prepare_cached(
                "SELECT q.fact_id, q.question FROM fact_questions q JOIN facts f ON f.id = q.fact_id
                 WHERE f.retired = 0 AND f.id != ?1",
            )
            .map_err(db(self, op))?;
        let mut rows = st
            .query([except.map_or(0, |f| f.0)])
            .map_err(db(self, op))?;
        while let Some(row) = rows.next().map_err(db(self, op))? {
            let other: i64 = row.get(0).map_err(db(self, op))?;
            let text: String = row.get(1).map_err(db(self, op))?;
            let key = moderation::phrasing_key(&text);
            if let Some((_, q)) = wanted.iter().find(|(k, _)| *k == key) {
                return Err(ModError::PhrasingTaken {
                    phrasing: (*q).clone(),
                    other: FactId(other),
                });
            }
        }
        Ok(())
    }
}

/// Among `facts` (those in force after a change), the first phrasing two
/// of them share, as the error that names it.
pub(super) fn shared_phrasing<'a>(facts: impl Iterator<Item = &'a Fact>) -> Option<ModError> {
    let mut owners: HashMap<String, FactId> = HashMap::new();
    for f in facts.filter(|f| !f.retired) {
        for q in &f.questions {
            let key = moderation::phrasing_key(q);
            match owners.get(&key) {
                Some(other) if *other != f.id => {
                    return Some(ModError::BadFact {
                        id: f.id,
                        problem: ModError::PhrasingTaken {
                            phrasing: q.clone(),
                            other: *other,
                        }
                        .to_string(),
                    })
                }
                _ => {
                    owners.insert(key, f.id);
                }
            }
        }
    }
    None
}

pub(super) fn write_questions(
    conn: &Connection,
    id: FactId,
    questions: &[String],
) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM fact_questions WHERE fact_id = ?1", [id.0])?;
    add_questions(conn, id, questions)
}

/// Writes the phrasings of a fact that has none yet (a new one): what the
/// ingest calls once per fact, so it skips [`write_questions`]' delete.
pub(super) fn add_questions(
    conn: &Connection,
    id: FactId,
    questions: &[String],
) -> rusqlite::Result<()> {
    let mut st = conn.prepare_cached(
        "INSERT INTO fact_questions (fact_id, position, question) VALUES (?1, ?2, ?3)",
    )?;
    for (i, q) in questions.iter().enumerate() {
        st.execute(params![id.0, i + 1, q])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::store::testing::{draft, store, who};

    #[test]
    fn a_retired_fact_frees_its_phrasings_and_restoring_checks_them_again() {
        let (_dir, store) = store();
        let q = "What is Tehran's population?";
        let first = store
            .add_fact(&draft(q), &who("a"), None)
            .expect("added")
            .fact
            .id;
        store.retire_fact(first, &who("a"), "dup").expect("retired");
        let second = store
            .add_fact(&draft(q), &who("b"), None)
            .expect("free again")
            .fact
            .id;
        let error = store
            .restore_fact(first, None, &who("a"), None)
            .expect_err("taken");
        assert!(
            error.to_string().contains(&format!("answers {second}")),
            "{error}"
        );
    }
}
