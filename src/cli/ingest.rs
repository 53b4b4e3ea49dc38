//! `ingest`: an article (the shipped one with its curated facts, or a
//! plain-text file with its sentences) into the store.

use std::path::Path;

use anyhow::Context as _;

use super::print_out;
use crate::article::{Article, Meta};
use crate::config::Config;
use crate::extract;
use crate::store::Store;

pub(super) fn ingest(
    config: &Config,
    db: Option<&Path>,
    file: Option<&Path>,
    title: Option<String>,
    date: Option<String>,
) -> anyhow::Result<()> {
    let path = db.unwrap_or(&config.database);
    // A new database gets the shipped article first, as every other
    // command gives it: an added article joins it rather than replacing it.
    let mut store = match file {
        Some(_) => Store::open_seeded(path)?,
        None => Store::open(path)?,
    };
    let (article, facts) = match file {
        None => {
            let article = Article::builtin()?;
            let facts = extract::builtin_facts(&article)?;
            (article, facts)
        }
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("reading {}", file.display()))?;
            // Editors on Windows start UTF-8 files with a byte-order mark;
            // it is not part of the first sentence.
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
            let article = Article::parse(meta, text)
                .with_context(|| format!("parsing {}", file.display()))?;
            // Curated facts belong to the shipped article; a new one gets
            // its sentences.
            let facts = extract::sentence_facts(&article);
            (article, facts)
        }
    };
    let report = store.ingest(&article, &facts)?;
    let what = if report.added_article {
        format!(
            "Added “{}” to {}",
            article.meta.title,
            store.path().display()
        )
    } else {
        format!(
            "“{}” was already in {}",
            article.meta.title,
            store.path().display()
        )
    };
    print_out(&format!(
        "{what} ({} paragraphs): {} facts added, {} already stored and kept as they are.",
        article.paragraphs.len(),
        report.added_facts,
        report.kept_facts,
    ))
}
