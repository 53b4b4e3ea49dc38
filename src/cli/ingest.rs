//! `ingest`: an article (the shipped one with its curated facts, or a
//! plain-text file with its sentences) into the store.

use std::path::Path;
use std::time::Instant;

use anyhow::Context as _;

use super::print_out;
use crate::article::{Article, Meta};
use crate::config::Config;
use crate::distractors;
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

/// `ingest --distractors N`: generated stories holding N facts, stored as
/// `ingest FILE` would store each, in one process.
pub(super) fn ingest_distractors(
    config: &Config,
    db: Option<&Path>,
    facts: usize,
    seed: u64,
) -> anyhow::Result<()> {
    let path = db.unwrap_or(&config.database);
    let mut store = Store::open_seeded(path)?;
    let started = Instant::now();
    let stories = distractors::stories(seed, facts);
    let (mut added, mut kept) = (0, 0);
    for story in &stories {
        let (article, facts) = story
            .facts()
            .with_context(|| format!("parsing the story {:?}", story.meta.title))?;
        let report = store.ingest(&article, &facts)?;
        added += report.added_facts;
        kept += report.kept_facts;
    }
    print_out(&format!(
        "Stored {} distractor stories (seed {seed}) in {} in {:.2} s: {added} facts added, \
         {kept} already stored and kept as they are; {} facts in all.",
        stories.len(),
        store.path().display(),
        started.elapsed().as_secs_f64(),
        store.fact_count()?,
    ))
}

/// `gen-distractors DIR --facts N`: the stories as plain-text files, and
/// `index.tsv` naming each file's title and date.
pub(super) fn gen_distractors(dir: &Path, facts: usize, seed: u64) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let stories = distractors::stories(seed, facts);
    let mut index = String::new();
    for (i, story) in stories.iter().enumerate() {
        let name = format!("story-{:06}.txt", i + 1);
        let file = dir.join(&name);
        std::fs::write(&file, format!("{}\n", story.text))
            .with_context(|| format!("writing {}", file.display()))?;
        index.push_str(&format!(
            "{name}\t{}\t{}\n",
            story.meta.title,
            story.meta.date.as_deref().unwrap_or("")
        ));
    }
    let file = dir.join("index.tsv");
    std::fs::write(&file, index).with_context(|| format!("writing {}", file.display()))?;
    print_out(&format!(
        "Wrote {} stories ({facts} facts, seed {seed}) and index.tsv to {}.",
        stories.len(),
        dir.display()
    ))
}
