//! A gap, the pure part: what a moderator may write into one (a key, a
//! topic, the note a decline adds, the questions it covers). The learned
//! gap [`NEAR_MISSES`] is part of the decision model's training and built
//! in, so its key is never a stored gap's.
//!
//! No SQL: the store runs these checks inside its transactions.

use super::{check_phrasings, check_text, Invalid, MAX_ANSWER, MAX_PHRASING};
use crate::extract::{Gap, NEAR_MISSES};

/// A key is typed at the command line and in Discord: short, one word.
pub const MAX_GAP_KEY: usize = 64;
/// A topic is a line, as a phrasing is.
pub const MAX_TOPIC: usize = MAX_PHRASING;
/// The note follows "The article doesn't say." in a reply, as an answer.
pub const MAX_GAP_NOTE: usize = MAX_ANSWER;

/// What an edit of a gap changes; None keeps the field.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GapChanges {
    pub topic: Option<String>,
    pub note: Option<String>,
    /// Replaces every question.
    pub questions: Option<Vec<String>>,
}

/// A gap as one of its revisions recorded it (the stored gap's JSON; its
/// other fields, such as the version, are the revision's own).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct GapSnapshot {
    pub topic: String,
    pub note: String,
    pub questions: Vec<String>,
    #[serde(default)]
    pub retired: bool,
}

/// What a gap's revision changed, one line each, as a moderator reads it.
pub fn describe_gap_changes(before: Option<&GapSnapshot>, after: &GapSnapshot) -> Vec<String> {
    let Some(before) = before else {
        return vec![format!(
            "created: “{}”, {} questions",
            after.topic,
            after.questions.len()
        )];
    };
    let mut out = Vec::new();
    let (a, b) = (before, after);
    if a.topic != b.topic {
        out.push(format!("topic: “{}” → “{}”", a.topic, b.topic));
    }
    if a.note != b.note {
        out.push(format!("note: “{}” → “{}”", a.note, b.note));
    }
    for q in b.questions.iter().filter(|q| !a.questions.contains(q)) {
        out.push(format!("+ question “{q}”"));
    }
    for q in a.questions.iter().filter(|q| !b.questions.contains(q)) {
        out.push(format!("− question “{q}”"));
    }
    match (before.retired, after.retired) {
        (false, true) => out.push("retired".to_string()),
        (true, false) => out.push("restored".to_string()),
        _ => {}
    }
    out
}

/// `key` trimmed: lowercase letters, digits and `-`, and not the learned
/// gap's.
pub fn check_gap_key(key: &str) -> Result<String, Invalid> {
    let key = check_text("key", key, MAX_GAP_KEY)?;
    if key == NEAR_MISSES {
        return Err(Invalid::ReservedGapKey { key });
    }
    let fits = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if !key.chars().all(fits) {
        return Err(Invalid::BadGapKey { key });
    }
    Ok(key)
}

/// `gap` with every field checked and trimmed, its questions without
/// repeats.
pub fn check_gap(gap: &Gap) -> Result<Gap, Invalid> {
    Ok(Gap {
        key: check_gap_key(&gap.key)?,
        topic: check_text("topic", &gap.topic, MAX_TOPIC)?,
        note: check_text("note", &gap.note, MAX_GAP_NOTE)?,
        questions: check_phrasings(&gap.questions)?,
    })
}

impl GapChanges {
    /// `gap` with these changes made and checked.
    pub fn apply(&self, gap: &Gap) -> Result<Gap, Invalid> {
        check_gap(&Gap {
            key: gap.key.clone(),
            topic: self.topic.clone().unwrap_or_else(|| gap.topic.clone()),
            note: self.note.clone().unwrap_or_else(|| gap.note.clone()),
            questions: self
                .questions
                .clone()
                .unwrap_or_else(|| gap.questions.clone()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_keys_are_one_lowercase_word_and_never_the_learned_gaps() {
        for (key, ok) in [
            ("summit-outcome", true),
            ("  casualties ", true),
            ("g7", true),
            ("", false),
            ("Summit", false),
            ("two words", false),
            ("émigrés", false),
            (NEAR_MISSES, false),
        ] {
            assert_eq!(check_gap_key(key).is_ok(), ok, "{key:?}");
        }
        assert_eq!(check_gap_key(" g7 "), Ok("g7".to_string()));
    }

    #[test]
    fn a_revision_says_what_it_changed() {
        let snap = |topic: &str, questions: &[&str], retired: bool| GapSnapshot {
            topic: topic.into(),
            note: "Note.".into(),
            questions: questions.iter().map(|q| q.to_string()).collect(),
            retired,
        };
        let first = snap("Deal", &["a", "b"], false);
        assert_eq!(
            describe_gap_changes(None, &first),
            ["created: “Deal”, 2 questions"]
        );
        let edited = snap("The deal", &["b", "c"], false);
        assert_eq!(
            describe_gap_changes(Some(&first), &edited),
            [
                "topic: “Deal” → “The deal”",
                "+ question “c”",
                "− question “a”"
            ]
        );
        let retired = snap("The deal", &["b", "c"], true);
        assert_eq!(describe_gap_changes(Some(&edited), &retired), ["retired"]);
        assert_eq!(describe_gap_changes(Some(&retired), &edited), ["restored"]);
        let stored = r#"{"key":"k","topic":"Deal","note":"Note.","questions":["a","b"],"version":1,"retired":false}"#;
        assert_eq!(
            serde_json::from_str::<GapSnapshot>(stored).expect("a stored gap reads back"),
            first
        );
    }

    #[test]
    fn an_edit_keeps_what_it_does_not_change_and_checks_what_it_does() {
        let gap = Gap {
            key: "k".into(),
            topic: "Topic".into(),
            note: "Note.".into(),
            questions: vec!["q one".into()],
        };
        let note = GapChanges {
            note: Some("Other note.".into()),
            ..GapChanges::default()
        };
        let edited = note.apply(&gap).expect("valid");
        assert_eq!(edited.note, "Other note.");
        assert_eq!(
            (edited.topic, edited.questions),
            (gap.topic.clone(), gap.questions.clone())
        );
        let empty = GapChanges {
            questions: Some(Vec::new()),
            ..GapChanges::default()
        };
        assert_eq!(empty.apply(&gap), Err(Invalid::NoPhrasing));
    }
}
