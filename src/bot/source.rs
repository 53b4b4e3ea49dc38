//! `/source paragraph:<n> [article]`: one paragraph of an article (the
//! first by default), with its neighbours named, so a reader can check an answer's ¶ in context.

use poise::serenity_prelude as serenity;

use super::reply::{cut, escape, MAX_DESCRIPTION, MAX_TITLE};
use super::{article, no_mentions, user_error, Context, Error};
use crate::fact::ArticleMeta;

/// How many words of a neighbouring paragraph name it: enough to recognise,
/// short enough for an embed field.
const NEIGHBOUR_WORDS: usize = 12;

/// Show a paragraph of an article, with its neighbours named
#[poise::command(slash_command)]
pub async fn source(
    ctx: Context<'_>,
    #[description = "Paragraph number (the ¶ an answer cites), from 1"]
    #[min = 1]
    paragraph: u32,
    #[description = "The article, by title or id (default: the first article)"]
    #[autocomplete = "article::complete"]
    #[max_length = 256]
    article: Option<String>,
) -> Result<(), Error> {
    let (article, paragraphs) = ctx
        .data()
        .with_app("loading the article", move |app| {
            let articles = app.store.articles()?;
            let chosen = article::pick(&articles, article.as_deref())?;
            let paragraphs = app.store.paragraphs(chosen.id)?;
            Ok::<_, Error>((chosen, paragraphs))
        })
        .await??;
    let Some(page) = page(&article, &paragraphs, paragraph) else {
        return Err(user_error(format!(
            "There is no paragraph {paragraph} in “{}”: it has paragraphs 1 to {}.",
            cut(&escape(&article.title), MAX_TITLE),
            paragraphs.len()
        )));
    };
    super::respond(
        ctx,
        poise::CreateReply::default()
            .embed(page.embed())
            .allowed_mentions(no_mentions()),
    )
    .await?;
    Ok(())
}

/// One paragraph, rendered.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub title: String,
    pub text: String,
    /// ("Before: ¶n" / "After: ¶n", its opening words), or a note that
    /// there is none.
    pub neighbours: Vec<(String, String)>,
}

/// Paragraph `n` of `article`, or None if it has no such paragraph.
pub fn page(article: &ArticleMeta, paragraphs: &[(u32, String)], n: u32) -> Option<Page> {
    let index = paragraphs.iter().position(|(number, _)| *number == n)?;
    let (_, text) = &paragraphs[index];
    let total = paragraphs.len();
    let neighbour = |label: &str, at: Option<usize>| match at.and_then(|i| paragraphs.get(i)) {
        Some((number, text)) => (format!("{label}: ¶{number}"), opening(text)),
        None => (
            label.to_string(),
            "(none: this is where the article ends)".to_string(),
        ),
    };
    Some(Page {
        title: cut(
            &format!("¶{n} of {total}: {}", escape(&article.title)),
            MAX_TITLE,
        ),
        text: cut(&escape(text), MAX_DESCRIPTION),
        neighbours: vec![
            neighbour("Before", index.checked_sub(1)),
            neighbour("After", Some(index + 1)),
        ],
    })
}

/// The first words of a paragraph, quoted.
fn opening(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut shown = words[..words.len().min(NEIGHBOUR_WORDS)].join(" ");
    if words.len() > NEIGHBOUR_WORDS {
        shown.push('…');
    }
    format!("“{}”", escape(&shown))
}

impl Page {
    pub fn embed(&self) -> serenity::CreateEmbed {
        serenity::CreateEmbed::new()
            .title(&self.title)
            .description(&self.text)
            .fields(
                self.neighbours
                    .iter()
                    .map(|(name, value)| (name, value, true)),
            )
            .footer(serenity::CreateEmbedFooter::new(
                "Another paragraph: /source paragraph:<number>",
            ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::ArticleId;

    fn article() -> ArticleMeta {
        ArticleMeta {
            id: ArticleId(1),
            title: "Iran, Russia and Turkey meet in Tehran over Idlib".to_string(),
            date: Some("2018-09-07".to_string()),
        }
    }

    fn paragraphs() -> Vec<(u32, String)> {
        vec![
            (1, "One two three.".to_string()),
            (2, "a b c d e f g h i j k l m n o p".to_string()),
            (3, "Last *one*.".to_string()),
        ]
    }

    #[test]
    fn a_middle_paragraph_names_both_neighbours() {
        let page = page(&article(), &paragraphs(), 2).expect("paragraph 2");
        assert_eq!(
            page.title,
            "¶2 of 3: Iran, Russia and Turkey meet in Tehran over Idlib"
        );
        assert_eq!(page.text, "a b c d e f g h i j k l m n o p");
        assert_eq!(
            page.neighbours,
            [
                ("Before: ¶1".to_string(), "“One two three.”".to_string()),
                ("After: ¶3".to_string(), "“Last \\*one\\*.”".to_string()),
            ]
        );
    }

    #[test]
    fn the_ends_say_there_is_no_neighbour() {
        let first = page(&article(), &paragraphs(), 1).expect("paragraph 1");
        assert_eq!(first.neighbours[0].0, "Before");
        assert!(first.neighbours[1].1.contains("a b c d e f g h i j k l…"));
        let last = page(&article(), &paragraphs(), 3).expect("paragraph 3");
        assert_eq!(last.neighbours[1].0, "After");
    }

    #[test]
    fn a_missing_paragraph_is_none() {
        for n in [0, 4, u32::MAX] {
            assert_eq!(page(&article(), &paragraphs(), n), None, "{n}");
        }
        assert_eq!(page(&article(), &[], 1), None);
    }
}
