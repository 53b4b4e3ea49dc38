//! What the moderators' read commands show, as plain data: a fact's
//! history, the questions the bot could not answer (grouped), the 👍/👎
//! tallies, and what an import did. Both edges call these (the CLI's
//! `facts …`, printing text or `--json`, and the bot's `/fact …`, printing
//! embeds) and only format what comes back. Each is one store query; the
//! limit on each list is named here, once.

use serde::Serialize;

use super::{group_questions, question_key, FeedbackTally, Moderator, QuestionGroup, UNSURE_BELOW};
use crate::fact::{ArticleId, FactId};
use crate::normalize::Stemmer;
use crate::store::{ImportReport, ModError, RevisionAction, Store};

/// How many groups `unanswered` lists: what a moderator works through in
/// one sitting, and what fits one Discord embed.
pub const UNANSWERED_ROWS: usize = 15;
/// How many facts `feedback` lists, worst first.
pub const FEEDBACK_ROWS: usize = 15;
/// How many days `unanswered` looks back unless told.
pub const DEFAULT_DAYS: u32 = 7;

/// Every version of one fact, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct History {
    pub fact_id: FactId,
    pub versions: Vec<Version>,
}

/// One version of a fact: who made it, when, why, and what it changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Version {
    pub version: i64,
    pub action: RevisionAction,
    pub by_id: Option<u64>,
    pub by_name: String,
    /// UTC, ISO 8601.
    pub at: String,
    pub reason: Option<String>,
    /// One line per field changed.
    pub changes: Vec<String>,
}

/// Fact `id`'s history.
pub fn history(store: &Store, id: FactId) -> Result<History, ModError> {
    let versions = store
        .history(id)?
        .into_iter()
        .map(|r| Version {
            changes: r.changes(),
            version: r.version,
            action: r.action,
            by_id: r.by_id,
            by_name: r.by_name,
            at: r.at,
            reason: r.reason,
        })
        .collect();
    Ok(History {
        fact_id: id,
        versions,
    })
}

/// The questions of the last `days` days the bot declined or was unsure
/// of, grouped by what they ask, most asked first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unanswered {
    pub days: u32,
    /// How many groups there are in all.
    pub total: usize,
    /// The first [`UNANSWERED_ROWS`] of them.
    pub groups: Vec<QuestionGroup>,
}

/// What was not answered in the last `days` days.
pub fn unanswered(store: &Store, days: u32) -> Result<Unanswered, ModError> {
    let rows = store.missed_questions(days, UNSURE_BELOW)?;
    let stemmer = Stemmer::default();
    let mut groups = group_questions(&rows, |q| question_key(&stemmer, q));
    let total = groups.len();
    groups.truncate(UNANSWERED_ROWS);
    Ok(Unanswered {
        days,
        total,
        groups,
    })
}

/// The facts with the worst 👍/👎 record, at most [`FEEDBACK_ROWS`]; with
/// `article`, only that article's.
pub fn feedback(store: &Store, article: Option<ArticleId>) -> Result<Vec<FeedbackTally>, ModError> {
    store.feedback_tallies(FEEDBACK_ROWS, article)
}

/// Imports an export (or, with `apply` false, says what it would change).
pub fn import(
    store: &Store,
    json: &str,
    by: &Moderator,
    apply: bool,
) -> Result<ImportReport, ModError> {
    store.import_facts(json, by, apply)
}

/// What an import did (or would do), in one sentence: "added 1, changed
/// 2; 40 already as in the file; 3 facts not in the file left as they are."
pub fn import_summary(report: &ImportReport) -> String {
    let (add, change) = if report.applied {
        ("added", "changed")
    } else {
        ("would add", "would change")
    };
    format!(
        "{add} {}, {change} {}; {} already as in the file; {} facts not in the file left as \
         they are.",
        report.added.len(),
        report.changed.len(),
        report.unchanged,
        report.not_in_file,
    )
}

/// One line per fact an import adds (`+ #12`) or changes (`~ #3: what`).
pub fn import_lines(report: &ImportReport) -> Vec<String> {
    let added = report.added.iter().map(|id| format!("+ {id}"));
    let changed = report
        .changed
        .iter()
        .map(|(id, changes)| format!("~ {id}: {}", changes.join("; ")));
    added.chain(changed).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_is_summed_up_the_same_for_both_edges() {
        let mut report = ImportReport {
            added: vec![FactId(9)],
            changed: vec![(FactId(3), vec!["answer: “a” → “b”".to_string()])],
            unchanged: 40,
            not_in_file: 2,
            applied: false,
        };
        assert_eq!(
            import_summary(&report),
            "would add 1, would change 1; 40 already as in the file; 2 facts not in the file \
             left as they are."
        );
        report.applied = true;
        assert!(import_summary(&report).starts_with("added 1, changed 1;"));
        assert_eq!(import_lines(&report), ["+ #9", "~ #3: answer: “a” → “b”"]);
    }
}
