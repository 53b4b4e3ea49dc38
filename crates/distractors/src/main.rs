//! `summit-distractors`: a store at a given size for a benchmark, or the
//! stories as text files. Dev-only: `cargo run -p summit-distractors --
//! ingest --db var/big.db --facts 100000`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use summit_bot::store::Store;
use summit_distractors::DEFAULT_SEED;

/// Seeded distractor stories (other news: budgets, football, trials,
/// storms...) for summit-bot's benchmarks.
#[derive(Debug, Parser)]
#[command(name = "summit-distractors")]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Store stories holding FACTS facts in all in a summit-bot database
    /// (created, with the shipped article, if need be), as `summit-bot
    /// ingest FILE` stores each.
    Ingest {
        /// The summit-bot database.
        #[arg(long, value_name = "PATH")]
        db: PathBuf,
        /// How many facts (sentences) the stories hold in all.
        #[arg(long)]
        facts: usize,
        /// The seed (the same seed, the same stories).
        #[arg(long, default_value_t = DEFAULT_SEED)]
        seed: u64,
    },
    /// Write the stories as plain-text files in DIR, with `index.tsv`
    /// (file, title, date) for `summit-bot ingest FILE --title --date`.
    Gen {
        /// The folder to write to (created if need be).
        dir: PathBuf,
        /// How many facts (sentences) the stories hold in all.
        #[arg(long)]
        facts: usize,
        /// The seed (the same seed, the same stories).
        #[arg(long, default_value_t = DEFAULT_SEED)]
        seed: u64,
    },
}

fn main() -> anyhow::Result<()> {
    match Args::parse().command {
        Command::Ingest { db, facts, seed } => ingest(&db, facts, seed),
        Command::Gen { dir, facts, seed } => generate(&dir, facts, seed),
    }
}

fn ingest(db: &Path, facts: usize, seed: u64) -> anyhow::Result<()> {
    let mut store = Store::open_seeded(db)?;
    let started = Instant::now();
    let done = summit_distractors::ingest(&mut store, seed, facts)?;
    println!(
        "Stored {} distractor stories (seed {seed}) in {} in {:.2} s: {} facts added, {} \
         already stored and kept as they are; {} facts in all.",
        done.stories,
        store.path().display(),
        started.elapsed().as_secs_f64(),
        done.added,
        done.kept,
        store.fact_count()?,
    );
    Ok(())
}

fn generate(dir: &Path, facts: usize, seed: u64) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let stories = summit_distractors::stories(seed, facts);
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
    println!(
        "Wrote {} stories ({facts} facts, seed {seed}) and index.tsv to {}.",
        stories.len(),
        dir.display()
    );
    Ok(())
}
