//! The console chat: one question a line, the same replies as `ask`. At a
//! terminal the line is edited with rustyline (arrows, Home/End, Ctrl-R,
//! the session's earlier questions on ↑); otherwise plain lines are read
//! from standard input, capped as `ask -` caps them. Either way a line is
//! cleaned of terminal escapes and control characters before it is asked,
//! so a stray arrow key never lands in the question log as `^[[A`.

use std::io::{self, IsTerminal};

use anyhow::Context as _;
use rustyline::error::ReadlineError;

use super::ask::render;
use super::print_out;
use super::stream::{read_line_capped, reply_to_line, MAX_LINE_BYTES};
use crate::app::{App, Asker};
use crate::conversation::Conversations;
use crate::store::channel;
use std::time::Instant;

/// What the chat shows before each line at a terminal.
const PROMPT: &str = "> ";
/// How many earlier questions ↑ reaches (this session's only: they are in
/// the question log already, and a history file would be a second copy).
const HISTORY: usize = 500;

/// The console chat. Notices fact changes made by other processes (a bot's
/// moderators) before each question.
pub fn chat(app: &mut App) -> anyhow::Result<()> {
    let mut conversation = app.config.conversations::<()>();
    let titles = crate::fact::titles_named(&app.store.articles()?);
    print_out(&format!(
        "Ask me about {titles}. One question a line; `quit` or end of input ends."
    ))?;
    if io::stdin().is_terminal() {
        edited_lines(app, &mut conversation)
    } else {
        plain_lines(app, &mut conversation)
    }
}

/// Lines typed at a terminal, edited with rustyline. End of input (Ctrl-D)
/// and Ctrl-C end the chat, as `quit` does.
fn edited_lines(app: &mut App, conversation: &mut Conversations<()>) -> anyhow::Result<()> {
    let config = rustyline::Config::builder()
        .max_history_size(HISTORY)
        .context("setting up line editing")?
        .auto_add_history(false)
        .build();
    let mut editor =
        rustyline::DefaultEditor::with_config(config).context("setting up line editing")?;
    loop {
        let line = match editor.readline(PROMPT) {
            Ok(line) => line,
            Err(ReadlineError::Eof | ReadlineError::Interrupted) => return Ok(()),
            Err(e) => return Err(e).context("reading a line at the terminal"),
        };
        let question = clean_line(&line);
        if !question.is_empty() {
            // Only fails for a history that refuses entries: nothing lost.
            editor.add_history_entry(question.as_str()).ok();
        }
        if !turn(app, conversation, &question, None)? {
            return Ok(());
        }
    }
}

/// Lines from a pipe or a file, as `ask -` reads them (one over
/// [`MAX_LINE_BYTES`] gets an error reply, not its whole self in memory).
fn plain_lines(app: &mut App, conversation: &mut Conversations<()>) -> anyhow::Result<()> {
    let mut input = io::stdin().lock();
    let mut line = Vec::new();
    while let Some(len) =
        read_line_capped(&mut input, &mut line, MAX_LINE_BYTES).context("reading standard input")?
    {
        let question = clean_line(&String::from_utf8_lossy(&line));
        let too_long = (len > line.len()).then_some((line.as_slice(), len));
        if !turn(app, conversation, &question, too_long)? {
            break;
        }
    }
    Ok(())
}

/// Answers one cleaned line, as a follow-up of the last one when it leans
/// on it (the console is one conversation, like a DM); false when it ends
/// the chat. `too_long` is the start of a line too long to read whole, and
/// its length.
fn turn(
    app: &mut App,
    conversation: &mut Conversations<()>,
    question: &str,
    too_long: Option<(&[u8], usize)>,
) -> anyhow::Result<bool> {
    if question.is_empty() {
        return Ok(true);
    }
    if matches!(question.to_lowercase().as_str(), "quit" | "exit") {
        return Ok(false);
    }
    if let Err(error) = app.reload_if_changed() {
        tracing::warn!(error = %format!("{error:#}"), "could not reload changed facts");
    }
    let now = Instant::now();
    let reply = match too_long {
        Some((start, len)) => reply_to_line(app, start, len),
        None => {
            let reply = app.answer_following(question, conversation.previous(&(), now));
            app.log(&reply, Asker::local(channel::CONSOLE));
            reply
        }
    };
    conversation.remember((), &reply, now);
    print_out(&format!("{}\n", render(&reply)))?;
    Ok(true)
}

/// `line` as a question: terminal escape sequences (an arrow key's
/// `ESC [ A`, a colour code, a title change) and other control characters
/// dropped, tabs made spaces, the ends trimmed.
pub(super) fn clean_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                // CSI: parameters and intermediates up to a final byte.
                Some('[') => skip_csi(&mut chars),
                // OSC, DCS, PM, APC, SOS: up to BEL or ESC \.
                Some(']' | 'P' | '^' | '_' | 'X') => skip_string(&mut chars),
                // SS2, SS3 (an arrow key in application mode): one more.
                Some('N' | 'O') => {
                    chars.next();
                }
                // Anything else is a two-character escape (Alt-x).
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

/// Skips a control sequence's parameters and intermediates (` ` to `?`)
/// and the character after them: its final one (`@` to `~`), or whatever
/// ends a broken sequence.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if !(' '..='?').contains(&c) {
            return;
        }
    }
}

/// Skips a control string up to its terminator (BEL, or ESC \).
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::clean_line;

    #[test]
    fn lines_are_cleaned_of_escapes_and_control_characters() {
        let cases = [
            ("how many refugees", "how many refugees"),
            ("\u{1b}[A", ""),
            ("\u{1b}[A\u{1b}[B\u{1b}[C\u{1b}[D", ""),
            ("\u{1b}[Awho hosted the summit", "who hosted the summit"),
            ("who \u{1b}[1;5Chosted", "who hosted"),
            ("\u{1b}OAwho", "who"),
            ("\u{1b}[31mred\u{1b}[0m idlib", "red idlib"),
            ("\u{1b}]0;title\u{7}where", "where"),
            ("\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\", "link"),
            ("\u{9b}2Jclear", "clear"),
            ("a\u{1b}xb", "ab"),
            ("tab\there", "tab here"),
            ("bell\u{7} and\u{0} nul\u{7f}", "bell and nul"),
            ("  Erdoğan и Путин?  ", "Erdoğan и Путин?"),
            ("trailing escape \u{1b}", "trailing escape"),
            ("\u{1b}[", ""),
            ("", ""),
        ];
        for (line, want) in cases {
            assert_eq!(clean_line(line), want, "{line:?}");
        }
    }
}
