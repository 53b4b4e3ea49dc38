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
