//! What goes wrong, and who hears of it. A [`UserError`] is something the
//! user did wrong: shown to them, plainly and privately, and not logged as
//! a failure. Anything else is ours: logged with context, and the user gets
//! [`APOLOGY`]. [`on_error`] is the one handler for every framework error;
//! the message and button handlers, which poise does not wrap, make the
//! same split themselves.

use poise::serenity_prelude as serenity;

use super::{no_mentions, reply, respond, Context, Data, Error};

/// Something the user did wrong: shown to them, plainly and (where Discord
/// allows) privately; not logged as a failure.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UserError(pub String);

/// A [`UserError`] as the error type commands return.
pub fn user_error(message: impl Into<String>) -> Error {
    UserError(message.into()).into()
}

/// What the user is told about `error` from a handler poise does not wrap
/// (a button, a form): a user error as it is; anything else is logged, as
/// `what` failing, and they get [`APOLOGY`].
pub(super) fn told(error: &Error, what: &str) -> String {
    match error.downcast_ref::<UserError>() {
        Some(user) => user.0.clone(),
        None => {
            tracing::error!(error = %format!("{error:#}"), "{what} failed");
            APOLOGY.to_string()
        }
    }
}

/// The one handler for every framework error: user errors go back to the
/// user, privately; internal errors are logged with context and the user
/// gets a short apology.
pub(super) async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    let (ctx, shown) = match error {
        poise::FrameworkError::UnknownInteraction {
            framework,
            interaction,
            ..
        } => return answer_unknown_command(framework, interaction).await,
        error => match what_to_tell(error) {
            Some(told) => told,
            None => return,
        },
    };
    let sent = respond(
        ctx,
        poise::CreateReply::default()
            .content(reply::cut(&shown, reply::MAX_CONTENT))
            .ephemeral(true)
            .allowed_mentions(no_mentions()),
    )
    .await;
    if let Err(error) = sent {
        tracing::error!(%error, "could not tell the user about an error");
    }
}

/// Whom to tell what about `error`, once what is ours is logged; None
/// when no command is there to answer (setup, events).
fn what_to_tell(error: poise::FrameworkError<'_, Data, Error>) -> Option<(Context<'_>, String)> {
    let told = match error {
        poise::FrameworkError::Command { error, ctx, .. } => (ctx, command_failed(ctx, &error)),
        poise::FrameworkError::ArgumentParse { error, ctx, .. } => {
            (ctx, format!("I couldn't read that: {error}. Try `/help`."))
        }
        poise::FrameworkError::CommandPanic { payload, ctx, .. } => {
            tracing::error!(
                command = %ctx.command().qualified_name,
                panic = payload.as_deref().unwrap_or("?"),
                "command panicked"
            );
            (ctx, APOLOGY.to_string())
        }
        poise::FrameworkError::CooldownHit {
            remaining_cooldown,
            ctx,
            ..
        } => (
            ctx,
            format!(
                "Please wait {} s before using that again.",
                remaining_cooldown.as_secs().max(1)
            ),
        ),
        poise::FrameworkError::CommandCheckFailed { error, ctx, .. } => (ctx, check_refused(error)),
        poise::FrameworkError::MissingUserPermissions { ctx, .. }
        | poise::FrameworkError::NotAnOwner { ctx, .. } => (
            ctx,
            "You don't have permission to use that command.".to_string(),
        ),
        poise::FrameworkError::MissingBotPermissions {
            missing_permissions,
            ctx,
            ..
        } => (
            ctx,
            format!("I need these permissions here to do that: {missing_permissions}."),
        ),
        poise::FrameworkError::GuildOnly { ctx, .. } => {
            (ctx, "That command works only in a server.".to_string())
        }
        poise::FrameworkError::DmOnly { ctx, .. } => (
            ctx,
            "That command works only in a direct message.".to_string(),
        ),
        poise::FrameworkError::Setup { error, .. } => {
            tracing::error!(error = %format!("{error:#}"), "setting up the bot failed");
            return None;
        }
        poise::FrameworkError::EventHandler { error, event, .. } => {
            tracing::error!(
                event = event.snake_case_name(),
                error = %format!("{error:#}"),
                "handling a Discord event failed"
            );
            return None;
        }
        other => {
            tracing::warn!(error = %other, "framework error");
            return None;
        }
    };
    Some(told)
}

/// What the user of a failed command is told: a user error as it is;
/// anything else is logged and they get [`APOLOGY`].
fn command_failed(ctx: Context<'_>, error: &Error) -> String {
    match error.downcast_ref::<UserError>() {
        Some(user) => user.0.clone(),
        None => {
            tracing::error!(
                command = %ctx.command().qualified_name,
                error = %format!("{error:#}"),
                "command failed"
            );
            APOLOGY.to_string()
        }
    }
}

/// What a user is told when a command's check refused them. A check that
/// refuses says why as a user error (`/fact`'s moderator check); any other
/// error is ours.
fn check_refused(error: Option<Error>) -> String {
    let refusal = error
        .as_ref()
        .and_then(|e| e.downcast_ref::<UserError>())
        .map(|user| user.0.clone());
    match (refusal, error) {
        (Some(refusal), _) => refusal,
        (None, error) => {
            if let Some(error) = error {
                tracing::error!(error = %format!("{error:#}"), "a command check failed");
            }
            "You can't use that command here.".to_string()
        }
    }
}

/// Answers a command Discord still lists but this version no longer has.
async fn answer_unknown_command(
    framework: poise::FrameworkContext<'_, Data, Error>,
    interaction: &serenity::CommandInteraction,
) {
    tracing::warn!(command = %interaction.data.name, "unknown command");
    let response = serenity::CreateInteractionResponse::Message(
        serenity::CreateInteractionResponseMessage::new()
            .content("That command is no longer available. Try `/help`.")
            .ephemeral(true)
            .allowed_mentions(no_mentions()),
    );
    let sent = framework
        .user_data
        .rest
        .respond(interaction.id, &interaction.token, &response)
        .await;
    if let Err(error) = sent {
        tracing::error!(%error, "could not answer an unknown command");
    }
}

/// What a user sees when something broke on our side.
pub const APOLOGY: &str = "Sorry, something went wrong on my side. Please try again in a moment.";
