//! Grading a question set: a port of `../shared/eval/grade.py`'s rule, so
//! `summit-bot eval` and the accuracy test agree with the graders.
//!
//! An answerable question is right when the bot answered, one of its cited
//! sources is one of the question's paragraphs, and its answer contains one
//! of `any_of` (ignoring case and accents); an unanswerable one is right when
//! the bot declined. Pure: no files, no engine; callers bring the replies.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

use crate::answer::Reply;

/// One line of a question set (`dev.jsonl`'s format). Other fields are
/// ignored.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct EvalQuestion {
    pub id: String,
    pub question: String,
    #[serde(default)]
    pub kind: Option<String>,
    pub answerable: bool,
    /// Paragraphs whose text answers it (1-based).
    #[serde(default)]
    pub paragraphs: Vec<u32>,
    /// A right answer contains one of these.
    #[serde(default)]
    pub any_of: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("line {line}: not a question: {cause}")]
    Parse {
        line: usize,
        cause: serde_json::Error,
    },
    #[error("{questions} questions but {answers} answers")]
    Count { questions: usize, answers: usize },
    #[error("{id}: the answer is for another question: {got:?}")]
    Mismatch { id: String, got: String },
}

/// Parses a question set, one JSON object a line; blank lines are skipped.
pub fn parse_questions(text: &str) -> Result<Vec<EvalQuestion>, EvalError> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line).map_err(|cause| EvalError::Parse { line: i + 1, cause })
        })
        .collect()
}

/// Case- and accent-insensitive form, as grade.py's `fold`: NFKD, combining
/// marks dropped, case folded.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd().filter(|c| canonical_combining_class(*c) == 0) {
        // Python's casefold is lowercasing plus a few full foldings; these
        // are the ones that matter for Latin and Greek text.
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'ς' => out.push('σ'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A string as Python's `repr` writes it, so the report reads like
/// grade.py's: single quotes unless the text holds one and no double quote.
pub fn py_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..=0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            // Python also escapes other separators and invisible characters.
            c if c != ' ' && (c.is_whitespace() || c.is_control()) => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Whether `reply` is right for `q`; `Err` says why not.
pub fn judge(q: &EvalQuestion, reply: &Reply) -> Result<(), String> {
    if !q.answerable {
        return if reply.answered {
            Err("answered an unanswerable question".to_string())
        } else {
            Ok(())
        };
    }
    if !reply.answered {
        return Err("declined".to_string());
    }
    let mut cited: Vec<u32> = reply.sources.iter().filter_map(|s| s.paragraph).collect();
    cited.sort_unstable();
    cited.dedup();
    if !cited.iter().any(|p| q.paragraphs.contains(p)) {
        return Err(format!("cited {cited:?} not {:?}", q.paragraphs));
    }
    let answer = fold(reply.answer.as_deref().unwrap_or(""));
    if !q.any_of.is_empty() && !q.any_of.iter().any(|s| answer.contains(&fold(s))) {
        let any_of: Vec<String> = q.any_of.iter().map(|s| py_repr(s)).collect();
        return Err(format!("answer lacks any of [{}]", any_of.join(", ")));
    }
    Ok(())
}

/// A question the bot got wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    pub id: String,
    pub kind: String,
    pub question: String,
    pub why: String,
    pub answer: String,
}

/// Right and total.
pub type Score = (usize, usize);

/// The grade of a run, printed as grade.py prints it (misses included).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    pub by_kind: BTreeMap<String, Score>,
    pub answerable: Score,
    pub unanswerable: Score,
    pub misses: Vec<Miss>,
    pub right: usize,
    pub total: usize,
    /// Answers given (not declined), and how many of them were right.
    pub given: Score,
}

impl Report {
    /// Right over total (0 for an empty set).
    pub fn accuracy(&self) -> f64 {
        ratio((self.right, self.total))
    }

    /// Of the answers given, the share that were right (1 when none were
    /// given: nothing wrong was said), as `quality.py` counts it.
    pub fn precision(&self) -> f64 {
        if self.given.1 == 0 {
            1.0
        } else {
            ratio(self.given)
        }
    }
}

fn ratio((right, total): Score) -> f64 {
    if total == 0 {
        0.0
    } else {
        right as f64 / total as f64
    }
}

/// Grades `replies` against `questions`, matched in order.
pub fn grade(questions: &[EvalQuestion], replies: &[Reply]) -> Result<Report, EvalError> {
    if questions.len() != replies.len() {
        return Err(EvalError::Count {
            questions: questions.len(),
            answers: replies.len(),
        });
    }
    let mut report = Report {
        total: questions.len(),
        ..Report::default()
    };
    for (q, reply) in questions.iter().zip(replies) {
        if reply.question != q.question {
            return Err(EvalError::Mismatch {
                id: q.id.clone(),
                got: reply.question.clone(),
            });
        }
        let verdict = judge(q, reply);
        let ok = usize::from(verdict.is_ok());
        let kind = q.kind.clone().unwrap_or_else(|| "?".to_string());
        let score = report.by_kind.entry(kind.clone()).or_default();
        score.0 += ok;
        score.1 += 1;
        let group = if q.answerable {
            &mut report.answerable
        } else {
            &mut report.unanswerable
        };
        group.0 += ok;
        group.1 += 1;
        report.right += ok;
        if reply.answered {
            report.given.0 += ok;
            report.given.1 += 1;
        }
        if let Err(why) = verdict {
            report.misses.push(Miss {
                id: q.id.clone(),
                kind,
                question: q.question.clone(),
                why,
                answer: reply.answer.clone().unwrap_or_default(),
            });
        }
    }
    Ok(report)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = |f: &mut fmt::Formatter<'_>, label: &str, score: Score| {
            writeln!(
                f,
                "{label:<12} {:>4}/{:<4} {:.3}",
                score.0,
                score.1,
                ratio(score)
            )
        };
        for (kind, score) in &self.by_kind {
            line(f, kind, *score)?;
        }
        if self.answerable.1 > 0 {
            line(f, "answerable", self.answerable)?;
        }
        if self.unanswerable.1 > 0 {
            line(f, "declined ok", self.unanswerable)?;
        }
        for m in &self.misses {
            let answer: String = m.answer.chars().take(100).collect();
            writeln!(
                f,
                "MISS {} [{}] {}: {}; answer={}",
                m.id,
                m.kind,
                py_repr(&m.question),
                m.why,
                py_repr(&answer)
            )?;
        }
        write!(
            f,
            "accuracy: {:.3} ({}/{})",
            self.accuracy(),
            self.right,
            self.total
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::SourceRef;
    use crate::fact::FactId;

    fn question(answerable: bool, paragraphs: &[u32], any_of: &[&str]) -> EvalQuestion {
        EvalQuestion {
            id: "t1".into(),
            question: "q".into(),
            kind: Some("plain".into()),
            answerable,
            paragraphs: paragraphs.to_vec(),
            any_of: any_of.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn answered(answer: &str, paragraphs: &[Option<u32>]) -> Reply {
        Reply {
            taking: None,
            question: "q".into(),
            answered: true,
            answer: Some(answer.into()),
            confidence: 0.9,
            fact_id: Some(FactId(1)),
            sources: paragraphs
                .iter()
                .map(|p| SourceRef {
                    paragraph: *p,
                    quote: "x".into(),
                    title: "t".into(),
                })
                .collect(),
            alternatives: Vec::new(),
            error: None,
            note: None,
            why: None,
        }
    }

    fn declined() -> Reply {
        Reply {
            taking: None,
            answered: false,
            answer: None,
            fact_id: None,
            sources: Vec::new(),
            ..answered("", &[])
        }
    }

    #[test]
    fn fold_in_table() {
        let cases = [
            ("Erdoğan", "erdogan"),
            ("ROUHANI", "rouhani"),
            ("Straße", "strasse"),
            ("İdlib", "idlib"),
            ("ﬁve", "five"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "{input:?}");
        }
    }

    #[test]
    fn judge_in_table() {
        let cases: &[(EvalQuestion, Reply, Result<(), &str>)] = &[
            (
                question(true, &[16], &["3.5 million"]),
                answered("Turkey hosts 3.5 million.", &[Some(16)]),
                Ok(()),
            ),
            (
                question(true, &[16], &["erdogan"]),
                answered("Erdoğan said so", &[Some(16)]),
                Ok(()),
            ),
            (
                question(true, &[16], &[]),
                answered("anything", &[Some(16)]),
                Ok(()),
            ),
            (question(true, &[16], &["x"]), declined(), Err("declined")),
            (
                question(true, &[16], &["3.5"]),
                answered("3.5", &[Some(2), None]),
                Err("cited [2] not [16]"),
            ),
            (
                question(true, &[16], &["3.5"]),
                answered("3.5", &[]),
                Err("cited [] not [16]"),
            ),
            (
                question(true, &[1, 2], &["Idlib"]),
                answered("Russia", &[Some(2)]),
                Err("answer lacks any of ['Idlib']"),
            ),
            (question(false, &[], &[]), declined(), Ok(())),
            (
                question(false, &[], &[]),
                answered("x", &[Some(1)]),
                Err("answered an unanswerable question"),
            ),
        ];
        for (q, reply, want) in cases {
            assert_eq!(
                judge(q, reply),
                want.map_err(str::to_string),
                "{q:?} {reply:?}"
            );
        }
    }

    #[test]
    fn report_prints_like_grade_py() {
        let mut unanswerable = question(false, &[], &[]);
        unanswerable.kind = Some("near".into());
        let questions = vec![
            question(true, &[16], &["3.5"]),
            unanswerable,
            question(true, &[3], &["x"]),
        ];
        let replies = vec![answered("3.5 million", &[Some(16)]), declined(), declined()];
        let report = grade(&questions, &replies).expect("grades");
        assert_eq!(report.right, 2);
        let printed = report.to_string();
        let lines: Vec<&str> = printed.lines().collect();
        assert_eq!(
            lines,
            [
                "near            1/1    1.000",
                "plain           1/2    0.500",
                "answerable      1/2    0.500",
                "declined ok     1/1    1.000",
                "MISS t1 [plain] 'q': declined; answer=''",
                "accuracy: 0.667 (2/3)",
            ]
        );
    }

    #[test]
    fn py_repr_in_table() {
        let cases = [
            ("", "''"),
            ("plain", "'plain'"),
            ("what's up", "\"what's up\""),
            ("both ' and \"", "'both \\' and \"'"),
            ("tab\tnew\nline\\", "'tab\\tnew\\nline\\\\'"),
            ("Erdoğan “said”", "'Erdoğan “said”'"),
            ("\u{1}\u{a0}\u{2028}", "'\\x01\\xa0\\u2028'"),
        ];
        for (input, want) in cases {
            assert_eq!(py_repr(input), want, "{input:?}");
        }
    }

    #[test]
    fn grade_refuses_misaligned_runs() {
        let questions = vec![question(true, &[1], &[])];
        assert!(matches!(
            grade(&questions, &[]),
            Err(EvalError::Count { .. })
        ));
        let mut other = declined();
        other.question = "another".into();
        assert!(matches!(
            grade(&questions, &[other]),
            Err(EvalError::Mismatch { .. })
        ));
    }

    #[test]
    fn parses_question_lines_and_skips_blank_ones() {
        let text = "{\"id\":\"a\",\"question\":\"q?\",\"kind\":\"plain\",\"answerable\":true,\"paragraphs\":[1],\"any_of\":[\"x\"]}\n\n{\"id\":\"b\",\"question\":\"r\",\"answerable\":false}\n";
        let qs = parse_questions(text).expect("parses");
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[1].kind, None);
        let err = parse_questions("{}\nnot json").expect_err("fails");
        assert!(err.to_string().starts_with("line 1:"), "{err}");
    }
}
