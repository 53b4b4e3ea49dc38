//! `ingest`: an article (the shipped one with its curated facts, or a
//! plain-text file with its sentences) into the store; with `--replace`,
//! a new text for an article stored under the same title.

use std::path::Path;

use anyhow::Context as _;

use super::args::IngestArgs;
use super::{print_out, progress};
use crate::article::{Article, Meta};
use crate::config::Config;
use crate::extract::{self, NewFact};
use crate::store::{ChangedText, IngestReport, Replaced, Store, StoreError};

/// `ingest`; `show` draws a bar while the rows are written (see
/// [`super::progress`]).
pub(super) fn ingest(
    config: &Config,
    db: Option<&Path>,
    args: IngestArgs,
    show: bool,
) -> anyhow::Result<()> {
    let path = db.unwrap_or(&config.database);
    // A new database gets the shipped article first, as every other
    // command gives it: an added article joins it rather than replacing it.
    let mut store = match args.file {
        Some(_) => Store::open_seeded(path)?,
        None => Store::open(path)?,
    };
    let (article, facts) = read_article(args.file.as_deref(), args.title, args.date)?;
    let changed = if args.replace {
        ChangedText::Replace
    } else {
        ChangedText::Refuse
    };
    let bar = progress::bar(show, "Storing sentences and facts");
    let stored = store.ingest_with(&article, &facts, changed, &mut |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    let report = match stored {
        Err(StoreError::TextChanged { title }) => anyhow::bail!(
            "“{title}” is stored already, with another text; nothing was changed. To replace \
             it, run the same command with --replace: the earlier text is kept as a revision, \
             moderators' facts whose quotes are still in the new text are kept, and the others \
             retired"
        ),
        other => other?,
    };
    print_out(&said(&store, &article, &report))
}

/// The article to store and its facts: the shipped one, or `file`'s.
fn read_article(
    file: Option<&Path>,
    title: Option<String>,
    date: Option<String>,
) -> anyhow::Result<(Article, Vec<NewFact>)> {
    let Some(file) = file else {
        let article = Article::builtin()?;
        let facts = extract::builtin_facts(&article)?;
        return Ok((article, facts));
    };
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    // Editors on Windows start UTF-8 files with a byte-order mark; it is
    // not part of the first sentence.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let title = match title {
        Some(t) => t,
        None => file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .context("give the article a --title")?,
    };
    let meta = Meta {
        title,
        date,
        publisher: None,
    };
    let article =
        Article::parse(meta, text).with_context(|| format!("parsing {}", file.display()))?;
    // Curated facts belong to the shipped article; a new one gets its
    // sentences.
    let facts = extract::sentence_facts(&article);
    Ok((article, facts))
}

/// What the ingest did, for the operator.
fn said(store: &Store, article: &Article, report: &IngestReport) -> String {
    let title = &article.meta.title;
    let db = store.path().display().to_string();
    let paragraphs = article.paragraphs.len();
    if let Some(replaced) = &report.replaced {
        return replaced_text(title, &db, paragraphs, report, replaced);
    }
    let what = if report.added_article {
        format!("Added “{title}” to {db}")
    } else {
        format!("“{title}” was already in {db}")
    };
    format!(
        "{what} ({paragraphs} paragraphs): {} facts added, {} already stored and kept as they \
         are.",
        report.added_facts, report.kept_facts,
    )
}

fn replaced_text(
    title: &str,
    db: &str,
    paragraphs: usize,
    report: &IngestReport,
    r: &Replaced,
) -> String {
    let ids = |ids: &[crate::fact::FactId]| {
        ids.iter()
            .map(|id| id.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut text = format!(
        "Replaced the text of “{title}” in {db} ({paragraphs} paragraphs; the earlier text is \
         kept as article revision {}).\nIts facts: {} added, {} rewritten for the new text, {} \
         retired (not in it any more).\nModerators' facts: {} kept",
        r.revision, report.added_facts, r.rewritten, r.retired, r.kept,
    );
    if !r.moved.is_empty() {
        text.push_str(&format!(
            " ({} cite another paragraph now: {})",
            r.moved.len(),
            ids(&r.moved)
        ));
    }
    if r.lost.is_empty() {
        text.push('.');
    } else {
        text.push_str(&format!(
            "; {} retired, their quotes gone from the text: {} (`summit-bot facts history ID` \
             shows each; add them again where the new text says it).",
            r.lost.len(),
            ids(&r.lost)
        ));
    }
    text
}
