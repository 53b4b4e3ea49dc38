//! Asking: `ask` (one question, or `ask -` for a stream), plain `run`
//! (Discord when a token is configured, else the console chat) and `eval`
//! (a question set graded). Human replies are formatted in one place,
//! [`render`]; `--json` prints the [`Reply`] contract as it is.

use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use super::chat::chat;
use super::stream::ask_stream;
use super::{open_app, print_out};
use crate::answer::Reply;
use crate::app::App;
use crate::config::Config;
use crate::eval;
use crate::store::channel;

/// `ask`: one question (its words joined), or with `-` one a line of
/// standard input.
pub(super) fn ask(app: &App, words: &[String], json: bool, sessions: bool) -> anyhow::Result<()> {
    if words.len() == 1 && words[0] == "-" {
        return ask_stream(app, json, sessions);
    }
    let reply = app.ask(&words.join(" "), channel::CLI);
    let text = if json {
        serde_json::to_string(&reply)?
    } else {
        render(&reply)
    };
    print_out(&text)
}

/// `run`: Discord if a token is configured, else the console chat;
/// `progress` shows building the index at a terminal.
pub(super) fn run_bot(
    config: Config,
    db: Option<&Path>,
    progress: bool,
) -> anyhow::Result<ExitCode> {
    if config.discord.token.is_some() {
        let app = open_app(&config, db, progress)?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .context("starting the async runtime")?;
        let app = std::sync::Arc::new(std::sync::RwLock::new(app));
        runtime.block_on(crate::bot::run(app, config))?;
        return Ok(ExitCode::SUCCESS);
    }
    // Under systemd or Docker there is nobody to chat with: the chat would
    // read an empty stdin and exit 0, and the service would look fine.
    if !io::stdin().is_terminal() {
        eprintln!(
            "error: no Discord token configured, and no terminal to chat on. Set DISCORD_TOKEN \
             in the environment (or `token = \"...\"` under [discord] in config/local.toml) \
             and run `summit-bot run` again; `summit-bot chat` chats over standard input."
        );
        return Ok(ExitCode::from(2));
    }
    eprintln!(
        "No Discord token configured: starting the console chat. To run on Discord, set \
         DISCORD_TOKEN (or discord.token in config/local.toml) and run `summit-bot run`."
    );
    let mut app = open_app(&config, db, progress)?;
    chat(&mut app)?;
    Ok(ExitCode::SUCCESS)
}

/// The human form of a reply, as `ask` and the console chat print it.
pub fn render(reply: &Reply) -> String {
    let mut out = String::new();
    if let Some(error) = &reply.error {
        out.push_str(&format!("I can't take that as a question: {error}."));
        return out;
    }
    if reply.answered {
        if let Some(taking) = &reply.taking {
            out.push_str(&format!("{}: ", taking.sentence()));
        }
        out.push_str(reply.answer.as_deref().unwrap_or(""));
        for source in &reply.sources {
            // A sentence fact's answer is its quote: don't say it twice.
            if reply.answer.as_deref() != Some(source.quote.as_str()) {
                out.push_str(&format!(
                    "\n  “{}”",
                    source.quote.trim_matches(['“', '”', '"'])
                ));
            }
            match source.paragraph {
                Some(p) => out.push_str(&format!("\n  — {}, ¶{p}", source.title)),
                None => out.push_str(&format!("\n  — {}", source.title)),
            }
        }
        out.push_str(&format!("\n  (confidence {:.2})", reply.confidence));
        return out;
    }
    let note = reply.note.as_deref().unwrap_or("The article doesn't say.");
    // A follow-up declined says how it was read too.
    if let Some(taking) = &reply.taking {
        out.push_str(&format!("{}: ", taking.sentence()));
    }
    out.push_str(note);
    if !reply.alternatives.is_empty() {
        // Small talk's note already offers its suggestions.
        if crate::answer::is_not_covered(note) {
            out.push_str("\nNearest topics it does cover:");
        }
        for alt in &reply.alternatives {
            out.push_str(&format!("\n  - {} ({})", alt.question, alt.fact_id));
        }
    }
    out
}

/// `eval`: grades `app` on the question set in `file`; below
/// `min_accuracy` the exit code is 1, the report printed all the same.
pub(super) fn run_eval(
    app: &App,
    file: &Path,
    min_accuracy: Option<f64>,
) -> anyhow::Result<ExitCode> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let questions =
        eval::parse_questions(&text).with_context(|| format!("reading {}", file.display()))?;
    let replies: Vec<Reply> = questions.iter().map(|q| app.answer(&q.question)).collect();
    let report = eval::grade(&questions, &replies)?;
    print_out(&report.to_string())?;
    if let Some(min) = min_accuracy.filter(|min| report.accuracy() < *min) {
        eprintln!(
            "accuracy {:.3} is below --min-accuracy {min}",
            report.accuracy()
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Alternative, SourceRef};
    use crate::fact::FactId;

    fn reply() -> Reply {
        Reply {
            taking: None,
            question: "how many refugees does turkey host".into(),
            answered: true,
            answer: Some("3.5 million".into()),
            confidence: 0.876,
            fact_id: Some(FactId(3)),
            sources: vec![SourceRef {
                paragraph: Some(16),
                quote: "Turkey already hosts 3.5 million Syrian refugees.".into(),
                title: "Summit".into(),
            }],
            alternatives: Vec::new(),
            error: None,
            note: None,
            why: None,
        }
    }

    #[test]
    fn renders_an_answer_with_quote_paragraph_and_confidence() {
        assert_eq!(
            render(&reply()),
            "3.5 million\n  “Turkey already hosts 3.5 million Syrian refugees.”\n  — Summit, ¶16\n  (confidence 0.88)"
        );
        let mut sentence = reply();
        sentence.answer = Some(sentence.sources[0].quote.clone());
        assert_eq!(
            render(&sentence),
            "Turkey already hosts 3.5 million Syrian refugees.\n  — Summit, ¶16\n  (confidence 0.88)"
        );
    }

    #[test]
    fn a_follow_up_says_what_it_took_the_question_to_mean() {
        let mut followed = reply();
        followed.taking = Some(crate::answer::Taking {
            took: "it".into(),
            as_: "Turkey".into(),
            read_as: "how many refugees does turkey host".into(),
        });
        assert!(render(&followed).starts_with("Taking *it* as Turkey: 3.5 million\n"));
        // Declined, it still says how it read the question.
        followed.answered = false;
        followed.answer = None;
        followed.note = Some("None of the 2 articles covers that.".into());
        followed.alternatives = vec![Alternative {
            fact_id: FactId(4),
            question: "Who hosts the summit?".into(),
            confidence: 0.3,
        }];
        assert_eq!(
            render(&followed),
            "Taking *it* as Turkey: None of the 2 articles covers that.\n\
             Nearest topics it does cover:\n  - Who hosts the summit? (#4)"
        );
    }

    #[test]
    fn renders_a_decline_with_nearest_topics() {
        let mut declined = reply();
        declined.answered = false;
        declined.answer = None;
        declined.sources.clear();
        declined.note = Some("The article doesn't say what Merkel said.".into());
        declined.alternatives = vec![Alternative {
            fact_id: FactId(7),
            question: "What did Erdogan warn of?".into(),
            confidence: 0.3,
        }];
        assert_eq!(
            render(&declined),
            "The article doesn't say what Merkel said.\nNearest topics it does cover:\n  - What did Erdogan warn of? (#7)"
        );
        let invalid = Reply::invalid("", "the question is empty");
        assert_eq!(
            render(&invalid),
            "I can't take that as a question: the question is empty."
        );
    }
}
