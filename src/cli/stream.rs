//! Reading standard input line by line without trusting it: a line is
//! read up to a cap (its full length still counted), and `ask -` answers
//! each as it comes, logging them in batches.

use std::io::{self, BufRead, Write};
use std::time::{Duration, Instant};

use super::ask::render;
use crate::answer::Reply;
use crate::app::{App, Asker};
use crate::conversation::Conversations;
use crate::store::{channel, QuestionLogEntry};

/// Lines of `ask -` longer than this many bytes are not read whole: they
/// are far past any question limit, and holding them could exhaust memory.
/// Shorter lines are echoed in full, as the JSON contract promises.
pub const MAX_LINE_BYTES: usize = 4 << 20;

/// `ask -` logs questions in batches of at most this many...
const LOG_BATCH: usize = 1000;

/// ...or after this long, whichever comes first, so a slow stream is
/// logged promptly and a fast one costs one commit per batch.
const LOG_EVERY: Duration = Duration::from_secs(1);

/// Reads one line into `buf` (without its `\n`), keeping at most `cap`
/// bytes of it. Returns the line's full length, or `None` at end of input.
pub(super) fn read_line_capped(
    input: &mut impl BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<Option<usize>> {
    buf.clear();
    let mut total = 0;
    let mut started = false;
    loop {
        let available = match input.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(started.then_some(total));
        }
        started = true;
        let newline = available.iter().position(|&b| b == b'\n');
        let chunk = &available[..newline.unwrap_or(available.len())];
        let keep = chunk.len().min(cap.saturating_sub(buf.len()));
        buf.extend_from_slice(&chunk[..keep]);
        total += chunk.len();
        let used = chunk.len() + usize::from(newline.is_some());
        input.consume(used);
        if newline.is_some() {
            return Ok(Some(total));
        }
    }
}

/// The reply to one raw input line: every line gets one, usable or not.
pub(super) fn reply_to_line(app: &App, line: &[u8], len: usize) -> Reply {
    if len > line.len() {
        let start = String::from_utf8_lossy(line);
        return Reply::invalid(
            format!("{start}…"),
            format!(
                "the line is {len} bytes long; questions over {MAX_LINE_BYTES} bytes are not read"
            ),
        );
    }
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    match std::str::from_utf8(line) {
        Ok(question) => app.answer(question),
        Err(_) => Reply::invalid(
            String::from_utf8_lossy(line),
            "the question is not valid UTF-8",
        ),
    }
}

/// One line of `ask --sessions -`.
#[derive(serde::Deserialize)]
struct SessionLine {
    session: serde_json::Value,
    question: String,
}

/// The reply to one line of `ask --sessions -`: its question read as a
/// follow-up of the last one in its session, which it then becomes.
fn reply_in_session(
    app: &App,
    sessions: &mut Conversations<String>,
    line: &[u8],
    len: usize,
) -> Reply {
    if len > line.len() {
        return reply_to_line(app, line, len);
    }
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let parsed = serde_json::from_slice::<SessionLine>(line)
        .ok()
        .filter(|l| l.session.is_string() || l.session.is_number());
    let Some(SessionLine { session, question }) = parsed else {
        return Reply::invalid(
            String::from_utf8_lossy(line),
            "with --sessions each line is a JSON object with \"session\" (a string or number) \
             and \"question\"",
        );
    };
    let key = session.to_string();
    let now = Instant::now();
    let reply = app.answer_following(&question, sessions.previous(&key, now));
    sessions.remember(key, &reply, now);
    reply
}

/// `ask -`: one reply a line of standard input, in order, each flushed as
/// soon as it is written. Questions are logged in batches (see
/// [`LOG_BATCH`]), not one commit each. With `sessions`, each line names
/// its session and questions are read as follow-ups within it.
pub(super) fn ask_stream(app: &App, json: bool, sessions: bool) -> anyhow::Result<()> {
    let mut conversations = sessions.then(|| app.config.conversations::<String>());
    let mut input = io::stdin().lock();
    let mut out = io::stdout().lock();
    let mut line = Vec::new();
    let mut pending: Vec<QuestionLogEntry> = Vec::new();
    let mut last_log = Instant::now();
    let asker = Asker::local(channel::CLI);
    let result = loop {
        let len = match read_line_capped(&mut input, &mut line, MAX_LINE_BYTES) {
            Ok(Some(len)) => len,
            Ok(None) => break Ok(()),
            Err(e) => break Err(anyhow::Error::new(e).context("reading standard input")),
        };
        let reply = match conversations.as_mut() {
            Some(c) => reply_in_session(app, c, &line, len),
            None => reply_to_line(app, &line, len),
        };
        let text = if json {
            match serde_json::to_string(&reply) {
                Ok(text) => text,
                Err(e) => break Err(anyhow::Error::new(e).context("writing a reply as JSON")),
            }
        } else {
            format!("{}\n", render(&reply))
        };
        match writeln!(out, "{text}").and_then(|()| out.flush()) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => break Ok(()),
            Err(e) => break Err(anyhow::Error::new(e).context("writing to standard output")),
        }
        pending.push(app.log_entry(&reply, asker));
        if pending.len() >= LOG_BATCH || last_log.elapsed() >= LOG_EVERY {
            log_batch(app, &mut pending);
            last_log = Instant::now();
        }
    };
    log_batch(app, &mut pending);
    result
}

fn log_batch(app: &App, pending: &mut Vec<QuestionLogEntry>) {
    if pending.is_empty() {
        return;
    }
    if let Err(error) = app.store.log_questions(pending) {
        tracing::error!(%error, questions = pending.len(), "could not log questions");
    }
    pending.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &[u8], cap: usize) -> Vec<(Vec<u8>, usize)> {
        let mut reader = io::BufReader::with_capacity(4, input);
        let mut buf = Vec::new();
        let mut lines = Vec::new();
        while let Some(len) = read_line_capped(&mut reader, &mut buf, cap).expect("reads") {
            lines.push((buf.clone(), len));
        }
        lines
    }

    #[test]
    fn reads_lines_in_table() {
        type Lines = &'static [(&'static [u8], usize)];
        let cases: &[(&[u8], Lines)] = &[
            (b"", &[]),
            (b"\n", &[(b"", 0)]),
            (b"a\n\nb", &[(b"a", 1), (b"", 0), (b"b", 1)]),
            (b"abc\r\n", &[(b"abc\r", 4)]),
            (b"\xff\xfe\n", &[(b"\xff\xfe", 2)]),
            // Longer than the cap: kept in part, length counted in full.
            (b"0123456789\nx\n", &[(b"012345", 10), (b"x", 1)]),
        ];
        for (input, want) in cases {
            let got = read_all(input, 6);
            let want: Vec<(Vec<u8>, usize)> = want.iter().map(|(b, n)| (b.to_vec(), *n)).collect();
            assert_eq!(got, want, "input {input:?}");
        }
    }
}
