//! `/about [page] [article]`: which articles the bot knows, how many facts,
//! which version; the article list paged so one embed stays within
//! Discord's limits however many articles there are.

use poise::serenity_prelude as serenity;

use super::reply::{cut, escape, MAX_DESCRIPTION, MAX_TITLE};
use super::{article, no_mentions, user_error, Context, Error};
use crate::fact::ArticleMeta;

/// Articles listed on one page: a short list to read, and with titles cut
/// to [`TITLE_CHARS`] far inside an embed's 4,096-character description.
pub const PER_PAGE: usize = 10;
/// How much of a title the list shows: more than any real headline.
const TITLE_CHARS: usize = 200;

/// What this bot knows: its articles, their dates, how many facts
#[poise::command(slash_command)]
pub async fn about(
    ctx: Context<'_>,
    #[description = "Which page of the article list (10 a page)"]
    #[min = 1]
    page: Option<u32>,
    #[description = "One article's details, by title or id"]
    #[autocomplete = "article::complete"]
    #[max_length = 256]
    article: Option<String>,
) -> Result<(), Error> {
    let embed = match article {
        Some(wanted) => one_article(ctx, wanted).await?,
        None => {
            let engine = ctx.data().engine();
            let mut articles: Vec<ArticleMeta> = engine.articles().cloned().collect();
            articles.sort_by_key(|a| a.id);
            let page = page.unwrap_or(1);
            let Some(listed) = list(&articles, engine.fact_count(), page) else {
                return Err(user_error(format!(
                    "There is no page {page}: the list has {} pages of {PER_PAGE} articles.",
                    pages(articles.len())
                )));
            };
            listed
        }
    };
    super::respond(
        ctx,
        poise::CreateReply::default()
            .embed(embed.footer(serenity::CreateEmbedFooter::new(format!(
                "summit-bot {}",
                env!("CARGO_PKG_VERSION")
            ))))
            .allowed_mentions(no_mentions()),
    )
    .await?;
    Ok(())
}

/// How many pages `count` articles fill (at least one, saying there is none).
fn pages(count: usize) -> usize {
    count.div_ceil(PER_PAGE).max(1)
}

/// One article's title, date, paragraphs and facts.
async fn one_article(ctx: Context<'_>, wanted: String) -> Result<serenity::CreateEmbed, Error> {
    let (chosen, paragraphs, facts) = ctx
        .data()
        .with_app("loading an article", move |app| {
            let articles = app.store.articles()?;
            let chosen = article::pick(&articles, Some(&wanted))?;
            let paragraphs = app.store.paragraphs(chosen.id)?.len();
            let facts = app
                .store
                .facts(false)?
                .iter()
                .filter(|f| f.article == chosen.id)
                .count();
            Ok::<_, Error>((chosen, paragraphs, facts))
        })
        .await??;
    let mut text = format!("Article #{}", chosen.id.0);
    if let Some(date) = &chosen.date {
        text.push_str(&format!(", {}", escape(date)));
    }
    text.push_str(&format!(
        ": {paragraphs} paragraphs, {facts} facts. `/source article:#{} paragraph:1` reads it.",
        chosen.id.0
    ));
    Ok(serenity::CreateEmbed::new()
        .title(cut(&escape(&chosen.title), MAX_TITLE))
        .description(cut(&text, MAX_DESCRIPTION)))
}

/// Page `page` (from 1) of the article list, or None past the last page.
fn list(articles: &[ArticleMeta], facts: usize, page: u32) -> Option<serenity::CreateEmbed> {
    let text = list_text(articles, facts, page)?;
    Some(
        serenity::CreateEmbed::new()
            .title("About summit-bot")
            .description(text),
    )
}

/// The description of [`list`]: within [`MAX_DESCRIPTION`] for any
/// number of articles and any titles.
fn list_text(articles: &[ArticleMeta], facts: usize, page: u32) -> Option<String> {
    let total = pages(articles.len());
    let index = usize::try_from(page).ok()?.checked_sub(1)?;
    if index >= total {
        return None;
    }
    let mut lines: Vec<String> = articles
        .iter()
        .skip(index * PER_PAGE)
        .take(PER_PAGE)
        .map(|a| {
            let title = cut(&escape(&a.title), TITLE_CHARS);
            match &a.date {
                Some(date) => format!("`#{}` **{title}** ({})", a.id.0, escape(date)),
                None => format!("`#{}` **{title}**", a.id.0),
            }
        })
        .collect();
    if lines.is_empty() {
        lines.push("No article is loaded yet.".to_string());
    }
    lines.push(String::new());
    let from = match articles.len() {
        0 | 1 => "it".to_string(),
        n => format!("these {n} articles"),
    };
    lines.push(format!(
        "I answer from {facts} facts taken from {from}, and say which paragraph each answer \
         rests on."
    ));
    if total > 1 {
        lines.push(format!(
            "Page {page} of {total}: `/about page:<n>` for another, `/about article:<title>` \
             for one article."
        ));
    }
    Some(cut(&lines.join("\n"), MAX_DESCRIPTION))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::reply::MAX_EMBEDS_TOTAL;
    use crate::fact::ArticleId;

    fn articles(count: i64, title: &str) -> Vec<ArticleMeta> {
        (1..=count)
            .map(|i| ArticleMeta {
                id: ArticleId(i),
                title: format!("{title} {i}"),
                date: Some("2018-09-07".to_string()),
            })
            .collect()
    }

    #[test]
    fn pages_hold_ten_articles_each() {
        let stored = articles(23, "Summit");
        let first = list_text(&stored, 99, 1).expect("page 1");
        assert!(first.contains("`#1` **Summit 1** (2018-09-07)"), "{first}");
        assert!(
            first.contains("`#10` ") && !first.contains("`#11` "),
            "{first}"
        );
        assert!(first.contains("Page 1 of 3"), "{first}");
        let last = list_text(&stored, 99, 3).expect("page 3");
        assert!(last.contains("`#21` ") && last.contains("`#23` "), "{last}");
        for page in [0, 4, u32::MAX] {
            assert_eq!(list_text(&stored, 99, page), None, "{page}");
        }
    }

    #[test]
    fn one_article_needs_no_page_line() {
        let text = list_text(&articles(1, "Tehran"), 97, 1).expect("page 1");
        assert!(text.contains("97 facts taken from it"), "{text}");
        assert!(!text.contains("Page"), "{text}");
        let none = list_text(&[], 0, 1).expect("page 1");
        assert!(none.contains("No article is loaded yet."), "{none}");
    }

    #[test]
    fn thousands_of_long_titles_stay_within_an_embed() {
        let stored = articles(5_000, &"Ärzte *streiken* ".repeat(40));
        for page in [1, 250, 500] {
            let text = list_text(&stored, 100_000, page).expect("a page");
            let chars = text.chars().count() + "About summit-bot".len() + 40;
            assert!(chars <= MAX_EMBEDS_TOTAL, "page {page}: {chars}");
            assert!(text.chars().count() <= MAX_DESCRIPTION);
        }
    }
}
