//! `/fact …`: the moderators' commands. Add, edit, alias, retire and
//! restore facts, read a fact's history, review what the bot could not
//! answer and the 👍/👎 record, export and import.
//!
//! Who may: Discord hides the command from members without Manage Messages
//! (`default_member_permissions`), but a server admin can change that, so
//! the parent command carries one poise `check`, [`may_moderate`], which
//! poise runs before any subcommand (and before its arguments are read). It
//! checks again from the interaction itself and refuses (privately, before
//! anything is written) anyone else. In DMs `/fact` is refused unless
//! `discord.fact_in_dms`, and then only users named in the config may
//! moderate there. A subcommand added to the list is covered without a line
//! of its own.
//!
//! Every change goes through [`change`]: the store writes it in one
//! transaction and the engine is rebuilt at once, so the next question is
//! answered from the new facts. Every reply here is ephemeral. This file
//! holds the parent command, its check and the changes to one fact; the
//! reports (history, unanswered, feedback) and export/import are in
//! [`reports`], the gaps (`/fact gap …`) in [`gaps`].

mod gaps;
mod reports;

use std::sync::PoisonError;

use anyhow::Context as _;
use poise::serenity_prelude as serenity;

use super::reply::{cut, escape, MAX_DESCRIPTION, MAX_TITLE};
use super::{article, no_mentions, user_error, Context, Data, Error};
use crate::config::DiscordConfig;
use crate::fact::{ArticleId, Fact, FactId};
use crate::moderation::{Changes, Draft, Moderator, Source};
use crate::store::{ModError, Store};
use gaps::gap;
use reports::{export, feedback, history, import, unanswered};

/// What a member who may not moderate is told.
const REFUSED: &str = "Only moderators can use `/fact`: it needs the Manage Messages \
                       permission in this server, or a moderator role. Nothing was changed.";
/// What a DM is told when `/fact` is for servers only (`discord.fact_in_dms`
/// off), whoever sends it.
const SERVER_ONLY: &str = "`/fact` works only in a server: this bot does not take it in \
                           direct messages. Nothing was changed.";
/// What a DM from someone not named in the config is told.
const REFUSED_IN_DM: &str = "In direct messages only the moderators named in the bot's config \
                             can use `/fact`. Nothing was changed.";

/// The one permission check for `/fact`, on the parent command: whether
/// the author may moderate here; a user error saying why not otherwise.
/// Trusts only what Discord computed for this interaction (the member's
/// permissions in the channel and their roles) and the config. Discord is
/// told not to list `/fact` in DMs unless `discord.fact_in_dms` (see
/// [`super::commands`]); this is where that is enforced.
async fn may_moderate(ctx: Context<'_>) -> Result<bool, Error> {
    let member = match ctx {
        poise::Context::Application(app) => app.interaction.member.as_deref(),
        poise::Context::Prefix(_) => None,
    };
    let allowed = permitted(
        &ctx.data().app().config.discord,
        ctx.author().id,
        ctx.guild_id().is_some(),
        member,
    );
    match allowed {
        Ok(()) => Ok(true),
        Err(refused) => {
            tracing::info!(
                user = ctx.author().id.get(),
                ?refused,
                "refused a /fact command"
            );
            Err(user_error(match refused {
                Refused::ServerOnly => SERVER_ONLY,
                Refused::NotNamedForDms => REFUSED_IN_DM,
                Refused::NotModerator => REFUSED,
            }))
        }
    }
}

/// Why someone may not moderate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refused {
    /// In a DM, with `discord.fact_in_dms` off.
    ServerOnly,
    /// In a DM, by someone not in `discord.moderator_user_ids`.
    NotNamedForDms,
    /// In a server, without Manage Messages, Administrator or a moderator
    /// role (or without the member Discord computed them for).
    NotModerator,
}

/// Whether `user` may moderate here: named in the config, or (in a server)
/// a `member` with Manage Messages or Administrator in the channel, as
/// Discord computed for this interaction, or a moderator role. The one
/// check for `/fact` and for the Teach button and form.
pub(super) fn permitted(
    discord: &DiscordConfig,
    user: serenity::UserId,
    in_guild: bool,
    member: Option<&serenity::Member>,
) -> Result<(), Refused> {
    if !in_guild && !discord.fact_in_dms {
        return Err(Refused::ServerOnly);
    }
    if discord.moderator_user_ids.contains(&user.get()) {
        return Ok(());
    }
    if !in_guild {
        return Err(Refused::NotNamedForDms);
    }
    let may = member.is_some_and(|m| {
        m.permissions
            .is_some_and(|p| p.manage_messages() || p.administrator())
            || m.roles
                .iter()
                .any(|r| discord.moderator_role_ids.contains(&r.get()))
    });
    if may {
        Ok(())
    } else {
        Err(Refused::NotModerator)
    }
}

/// Who is making a change, for the history. Only called once
/// [`may_moderate`] has let them in.
fn moderator(ctx: Context<'_>) -> Moderator {
    moderator_of(ctx.author())
}

/// `user` as the history names them.
pub(super) fn moderator_of(user: &serenity::User) -> Moderator {
    Moderator {
        id: Some(user.id.get()),
        name: user.name.clone(),
    }
}

/// A moderation error as the command returns it: the moderator's mistakes
/// go back to them, the database's are logged.
pub(super) fn mod_error(error: ModError) -> Error {
    if error.is_user_error() {
        user_error(sentence(&error.to_string()))
    } else if error.is_read_only() {
        // Not the moderator's doing, but they must know the change is lost
        // and that answering goes on; the log says which file and why.
        tracing::error!(error = %error, "a moderator's change was refused: the database is read-only");
        user_error(READ_ONLY)
    } else {
        anyhow::Error::new(error)
    }
}

/// What a moderator sees when the database has turned read-only.
pub const READ_ONLY: &str = "Nothing was saved: the database is read-only right now. Questions \
     are still answered from the facts as they are. Whoever runs the bot must make the database \
     file and its folder writable again (the bot's log names the file); then try again.";

/// `text` with a capital first letter and a full stop.
pub(super) fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// Runs a change on the store off the async threads, then rebuilds the
/// engine so the next question sees it. The app's lock is taken for the
/// change and the rebuild, never across an `.await`.
pub(super) async fn change<T: Send + 'static>(
    data: &Data,
    what: &'static str,
    f: impl FnOnce(&Store) -> Result<T, ModError> + Send + 'static,
) -> Result<T, Error> {
    let app = data.app.clone();
    let done = tokio::task::spawn_blocking(move || {
        let mut app = app.write().unwrap_or_else(PoisonError::into_inner);
        let out = f(&app.store)?;
        // The change is committed either way: a failed rebuild is logged,
        // and the next successful one (any change, or a restart) shows it.
        if let Err(error) = app.reload() {
            tracing::error!(error = %format!("{error:#}"), "rebuilding the engine after a change");
        }
        Ok(out)
    })
    .await
    .context(what)?;
    done.map_err(mod_error)
}

/// Runs a read on the store off the async threads.
async fn look<T: Send + 'static>(
    data: &Data,
    what: &'static str,
    f: impl FnOnce(&Store) -> Result<T, ModError> + Send + 'static,
) -> Result<T, Error> {
    data.with_app(what, move |app| f(&app.store))
        .await?
        .map_err(mod_error)
}

/// Sends `title` and `body` privately, as one embed cut to Discord's limits.
async fn say(ctx: Context<'_>, title: &str, body: &str) -> Result<(), Error> {
    let embed = serenity::CreateEmbed::new()
        .title(cut(title, MAX_TITLE))
        .description(cut(body, MAX_DESCRIPTION));
    super::respond(
        ctx,
        poise::CreateReply::default()
            .embed(embed)
            .ephemeral(true)
            .allowed_mentions(no_mentions()),
    )
    .await?;
    Ok(())
}

/// `a | b | c` as a list of phrasings.
fn split_phrasings(text: &str) -> Vec<String> {
    text.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A fact, for a moderator to read.
fn fact_text(f: &Fact) -> String {
    let mut out = format!("**Answer:** {}\n", escape(&f.answer));
    match (f.paragraph, &f.source_note) {
        (Some(p), _) => out.push_str(&format!("**Source:** ¶{p}: “{}”\n", escape(&f.quote))),
        (None, Some(note)) => out.push_str(&format!(
            "**Source:** {} (quoting “{}”)\n",
            escape(note),
            escape(&f.quote)
        )),
        (None, None) => out.push_str(&format!("**Quote:** “{}”\n", escape(&f.quote))),
    }
    out.push_str(&format!(
        "**Kind:** {} · **origin:** {}\n**Phrasings:**",
        f.kind.as_str(),
        f.origin.as_str()
    ));
    for q in &f.questions {
        out.push_str(&format!("\n• {}", escape(q)));
    }
    out
}

/// The article an `article` option names (None: the store's default, the
/// first article), found as the CLI's `--article` finds it.
fn article_id(store: &Store, wanted: Option<&str>) -> Result<Option<ArticleId>, ModError> {
    wanted
        .map(|wanted| store.article(wanted).map(|a| a.id))
        .transpose()
}

/// "**Article:** its title" and a new line when the bot knows several
/// articles, so a moderator sees where a fact went; else nothing.
fn in_article(ctx: Context<'_>, f: &Fact) -> String {
    let engine = ctx.data().engine();
    if engine.articles().nth(1).is_none() {
        return String::new();
    }
    engine
        .article(f.article)
        .map(|a| format!("**Article:** {}\n", escape(&a.title)))
        .unwrap_or_default()
}

fn fact_title(f: &Fact) -> String {
    format!(
        "Fact {} · version {}{}",
        f.id,
        f.version,
        if f.retired { " · retired" } else { "" }
    )
}

/// Moderators: add, edit, retire and restore facts and gaps, and review what the bot missed
#[poise::command(
    slash_command,
    default_member_permissions = "MANAGE_MESSAGES",
    check = "may_moderate",
    subcommand_required,
    subcommands(
        "add",
        "edit",
        "alias",
        "remove",
        "restore",
        "show",
        "history",
        "unanswered",
        "feedback",
        "export",
        "import",
        "gap"
    )
)]
pub async fn fact(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Add a fact: a question, a short answer, and its source
#[poise::command(slash_command)]
#[allow(clippy::too_many_arguments)]
async fn add(
    ctx: Context<'_>,
    #[description = "A question this fact answers"]
    #[max_length = 100]
    question: String,
    #[description = "The short answer"]
    #[max_length = 1024]
    answer: String,
    #[description = "The article paragraph (¶) it rests on"]
    #[min = 1]
    paragraph: Option<u32>,
    #[description = "The article that paragraph is in, by title or id (default: the first article)"]
    #[autocomplete = "article::complete"]
    #[max_length = 256]
    article: Option<String>,
    #[description = "The words of that paragraph quoted (default: its sentence closest to the answer)"]
    #[max_length = 1024]
    quote: Option<String>,
    #[description = "For facts from outside the article: a URL or note"]
    #[max_length = 256]
    source: Option<String>,
    #[description = "More phrasings, separated by |"] more_phrasings: Option<String>,
) -> Result<(), Error> {
    let who = moderator(ctx);
    let source = match (paragraph, source) {
        (Some(_), Some(_)) => {
            return Err(user_error(
                "Give either a paragraph or an outside source, not both.",
            ))
        }
        (Some(number), None) => Source::Paragraph { number, quote },
        (None, Some(note)) => Source::Outside { note, quote },
        (None, None) => {
            return Err(user_error(
                "Give the source: a `paragraph` of the article, or a `source` URL or note.",
            ))
        }
    };
    let mut questions = vec![question];
    questions.extend(
        more_phrasings
            .as_deref()
            .map(split_phrasings)
            .unwrap_or_default(),
    );
    let mut draft = Draft {
        article: None,
        questions,
        answer,
        source,
        kind: None,
    };
    let added = change(ctx.data(), "adding a fact", move |store| {
        draft.article = article_id(store, article.as_deref())?;
        store.add_fact(&draft, &who, None)
    })
    .await?;
    let f = &added.fact;
    tracing::info!(
        fact = f.id.0,
        article = f.article.0,
        "moderator added a fact"
    );
    let mut body = in_article(ctx, f);
    body.push_str(&fact_text(f));
    if added.picked_quote {
        body.push_str("\n\nNo quote given, so it cites the sentence closest to the answer. ");
        if added.sentences.len() > 1 {
            body.push_str("The paragraph's sentences (`/fact edit quote:` to cite another):");
            for (i, s) in added.sentences.iter().enumerate() {
                body.push_str(&format!("\n{}. {}", i + 1, escape(s)));
            }
        }
    }
    say(ctx, &format!("Added {}", fact_title(f)), &body).await
}

/// Edit a fact's answer, source or phrasings (give the version you are editing)
#[poise::command(slash_command)]
#[allow(clippy::too_many_arguments)]
async fn edit(
    ctx: Context<'_>,
    #[description = "The fact's id"] id: i64,
    #[description = "The version you are editing (from /fact show): refused if it changed since"]
    version: i64,
    #[description = "The new short answer"]
    #[max_length = 1024]
    answer: Option<String>,
    #[description = "Cite this paragraph (¶) instead"]
    #[min = 1]
    paragraph: Option<u32>,
    #[description = "Move the fact to this article (by title or id), citing its `paragraph`"]
    #[autocomplete = "article::complete"]
    #[max_length = 256]
    article: Option<String>,
    #[description = "The new quote, word for word from the paragraph"]
    #[max_length = 1024]
    quote: Option<String>,
    #[description = "Cite this URL or note instead of a paragraph"]
    #[max_length = 256]
    source: Option<String>,
    #[description = "Replace all phrasings: questions separated by |"] phrasings: Option<String>,
    #[description = "Why (kept in the history)"]
    #[max_length = 512]
    reason: Option<String>,
) -> Result<(), Error> {
    let who = moderator(ctx);
    let mut changes = Changes {
        article: None,
        answer,
        paragraph,
        quote,
        note: source,
        questions: phrasings.as_deref().map(split_phrasings),
        kind: None,
    };
    if changes.is_empty() && article.is_none() {
        return Err(user_error(
            "Say what to change: answer, article, paragraph, quote, source or phrasings.",
        ));
    }
    let id = FactId(id);
    let f = change(ctx.data(), "editing a fact", move |store| {
        changes.article = article_id(store, article.as_deref())?;
        store.edit_fact(id, version, &changes, &who, reason.as_deref())
    })
    .await?;
    let body = in_article(ctx, &f) + &fact_text(&f);
    say(ctx, &format!("Edited: {}", fact_title(&f)), &body).await
}

/// Add a phrasing (a way people ask) to a fact
#[poise::command(slash_command)]
async fn alias(
    ctx: Context<'_>,
    #[description = "The fact's id"] id: i64,
    #[description = "Another way people ask for it"]
    #[max_length = 100]
    phrasing: String,
) -> Result<(), Error> {
    let who = moderator(ctx);
    let f = change(ctx.data(), "adding a phrasing", move |store| {
        store.alias_fact(FactId(id), &phrasing, &who, None)
    })
    .await?;
    say(
        ctx,
        &format!("Phrasing added: {}", fact_title(&f)),
        &fact_text(&f),
    )
    .await
}

/// Retire a fact: kept and restorable, but no longer answered from
#[poise::command(slash_command)]
async fn remove(
    ctx: Context<'_>,
    #[description = "The fact's id"] id: i64,
    #[description = "Why (kept in the history)"]
    #[max_length = 512]
    reason: String,
) -> Result<(), Error> {
    let who = moderator(ctx);
    let f = change(ctx.data(), "retiring a fact", move |store| {
        store.retire_fact(FactId(id), &who, &reason)
    })
    .await?;
    say(
        ctx,
        &format!("Retired: {}", fact_title(&f)),
        &format!(
            "No longer answered from. `/fact restore id:{}` brings it back.",
            f.id.0
        ),
    )
    .await
}

/// Bring back a retired fact, or an earlier version of one
#[poise::command(slash_command)]
async fn restore(
    ctx: Context<'_>,
    #[description = "The fact's id"] id: i64,
    #[description = "The version to bring back (default: as it was when retired)"]
    #[min = 1]
    version: Option<i64>,
    #[description = "Why (kept in the history)"]
    #[max_length = 512]
    reason: Option<String>,
) -> Result<(), Error> {
    let who = moderator(ctx);
    let f = change(ctx.data(), "restoring a fact", move |store| {
        store.restore_fact(FactId(id), version, &who, reason.as_deref())
    })
    .await?;
    say(
        ctx,
        &format!("Restored: {}", fact_title(&f)),
        &fact_text(&f),
    )
    .await
}

/// Show a fact as it is now, with its version
#[poise::command(slash_command)]
async fn show(ctx: Context<'_>, #[description = "The fact's id"] id: i64) -> Result<(), Error> {
    let id = FactId(id);
    let f = look(ctx.data(), "loading a fact", move |store| {
        store.fact(id)?.ok_or(ModError::UnknownFact(id))
    })
    .await?;
    say(ctx, &fact_title(&f), &fact_text(&f)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrasings_split_on_bars() {
        assert_eq!(
            split_phrasings(" a? | b |  | c"),
            ["a?".to_string(), "b".to_string(), "c".to_string()]
        );
        assert!(split_phrasings(" | ").is_empty());
    }

    #[test]
    fn errors_read_as_sentences() {
        assert_eq!(sentence("there is no fact #3"), "There is no fact #3.");
        assert_eq!(sentence("ünknown?"), "Ünknown?");
        assert_eq!(sentence(""), ".");
    }
}
