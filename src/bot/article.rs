//! The `article` option that `/fact add`, `/fact edit`, `/source` and
//! `/about` share: autocomplete over the stored articles' titles, and the
//! article a typed id or title names (found as the CLI's `--article` finds
//! it, with [`moderation::find_article`]). It must not touch SQL beyond the
//! store's methods.

use poise::serenity_prelude as serenity;

use super::reply::{cut, MAX_CHOICE};
use super::{user_error, Context, Error};
use crate::fact::ArticleMeta;
use crate::moderation;

/// Discord shows at most this many autocomplete choices.
const MAX_CHOICES: usize = 25;

/// Offers the stored articles whose titles contain what has been typed so
/// far (any case), in id order; every article, up to 25, when nothing is.
pub async fn complete(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let engine = ctx.data().engine();
    let mut articles: Vec<&ArticleMeta> = engine.articles().collect();
    articles.sort_by_key(|a| a.id);
    let choices = matching(&articles, partial)
        .into_iter()
        .map(|a| serenity::AutocompleteChoice::new(cut(&a.title, MAX_CHOICE), choice_value(a)))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// The articles (in the order given) whose titles contain `partial` in
/// any case, or whose id it is; at most [`MAX_CHOICES`].
pub fn matching<'a>(articles: &[&'a ArticleMeta], partial: &str) -> Vec<&'a ArticleMeta> {
    let wanted = partial.trim().to_lowercase();
    let id = wanted.trim_start_matches('#').parse::<i64>().ok();
    articles
        .iter()
        .copied()
        .filter(|a| a.title.to_lowercase().contains(&wanted) || Some(a.id.0) == id)
        .take(MAX_CHOICES)
        .collect()
}

/// What choosing `article` sends back: its title, or its id when the title
/// is longer than a choice's value may be.
fn choice_value(article: &ArticleMeta) -> String {
    if article.title.chars().count() <= MAX_CHOICE {
        article.title.clone()
    } else {
        format!("#{}", article.id.0)
    }
}

/// The article `wanted` names among `articles`, or the first when None; a
/// user error naming the known articles when it names none.
pub fn pick(articles: &[ArticleMeta], wanted: Option<&str>) -> Result<ArticleMeta, Error> {
    match wanted {
        Some(wanted) => moderation::find_article(articles, wanted)
            .cloned()
            .map_err(|e| user_error(super::moderation::sentence(&e.to_string()))),
        None => articles
            .iter()
            .min_by_key(|a| a.id)
            .cloned()
            .ok_or_else(|| user_error("There is no article in the store yet.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::ArticleId;

    #[test]
    fn titles_match_in_any_case_and_by_id() {
        let stored = [
            ArticleMeta::undated(1, "Iran, Russia and Turkey meet in Tehran over Idlib"),
            ArticleMeta::undated(2, "Cork harbour reopens"),
            ArticleMeta::undated(3, "Ärzte in Köln streiken"),
        ];
        let all: Vec<&ArticleMeta> = stored.iter().collect();
        let cases: [(&str, &[i64]); 7] = [
            ("", &[1, 2, 3]),
            ("cork", &[2]),
            ("HARBOUR re", &[2]),
            ("köln", &[3]),
            ("#2", &[2]),
            ("3", &[3]),
            ("zebra", &[]),
        ];
        for (partial, ids) in cases {
            let got: Vec<i64> = matching(&all, partial).iter().map(|a| a.id.0).collect();
            assert_eq!(got, ids, "{partial:?}");
        }
    }

    #[test]
    fn at_most_25_choices() {
        let stored: Vec<ArticleMeta> = (1..=40)
            .map(|i| ArticleMeta::undated(i, "A summit"))
            .collect();
        let all: Vec<&ArticleMeta> = stored.iter().collect();
        assert_eq!(matching(&all, "summit").len(), 25);
    }

    #[test]
    fn a_long_title_is_chosen_by_id() {
        assert_eq!(choice_value(&ArticleMeta::undated(2, "Cork")), "Cork");
        assert_eq!(
            choice_value(&ArticleMeta::undated(7, &"x".repeat(101))),
            "#7"
        );
    }

    #[test]
    fn no_article_named_is_the_first() {
        let stored = [
            ArticleMeta::undated(2, "Cork"),
            ArticleMeta::undated(1, "Tehran"),
        ];
        assert_eq!(pick(&stored, None).expect("first").id, ArticleId(1));
        assert_eq!(pick(&stored, Some("cork")).expect("cork").id, ArticleId(2));
        let refused = pick(&stored, Some("Dublin")).expect_err("unknown");
        let text = refused.to_string();
        assert!(
            text.contains("Dublin") && text.contains("Cork") && text.contains("Tehran"),
            "{text}"
        );
        assert!(pick(&[], None).is_err());
    }
}
