//! The REST calls the bot makes itself: interaction responses, edits of a
//! deferred response, channel messages, command registration. Each is
//! retried with exponential backoff (backon) when Discord says to try
//! again, waiting what its `retry_after` says on a 429.
//!
//! Serenity cannot do this for us: its errors keep neither the body nor
//! the headers of a 429, so `retry_after` is lost, and its own rate limiter
//! retries nothing on interaction routes and is off behind a proxy
//! (`discord.api_base`). The bodies are serenity's builders, serialised as
//! serenity would send them. Calls serenity and poise make on their own
//! (the gateway URL, autocomplete results, files) are not covered.
//!
//! Knows nothing of questions or replies.

use std::time::Duration;

use backon::{ExponentialBuilder, Retryable as _};
use poise::serenity_prelude as serenity;
use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde_json::Value;

/// Discord itself.
pub const DISCORD: &str = "https://discord.com";
/// The API version every path is under.
const API: &str = "/api/v10";

/// The first retry waits about this long (with jitter)...
const FIRST_WAIT: Duration = Duration::from_millis(250);
/// ...doubling up to this...
const LONGEST_BACKOFF: Duration = Duration::from_secs(2);
/// ...for at most this many retries: past a few seconds an answer is late
/// and an interaction token may have lapsed (3 s for the first response).
const RETRIES: usize = 3;
/// A `retry_after` longer than this is not waited out: the caller gets the
/// 429. A global limit of minutes is no reason to hang a reply.
const LONGEST_RETRY_AFTER: Duration = Duration::from_secs(10);
/// Discord answers within seconds or not at all.
const TIMEOUT: Duration = Duration::from_secs(15);

/// Whether a call may be sent again after Discord may have acted on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// Sending it twice does no harm: reads, `PUT`s, edits, and interaction
    /// responses (Discord refuses a second response to one interaction).
    /// Retried on 429, on 500/502/503/504 and when Discord was not reached.
    Safe,
    /// Sending it twice could post twice (a new message): retried only on
    /// 429, which means it was not made.
    Once,
}

/// What a call carries.
#[derive(Clone, Copy)]
enum Body<'a> {
    Json(&'a Value),
    /// A message with one file: `payload_json` and `files[0]`.
    WithFile {
        payload: &'a Value,
        name: &'a str,
        bytes: &'a [u8],
    },
}

#[derive(Debug, thiserror::Error)]
pub enum RestError {
    #[error("Discord answered {method} {route} with {status}: {message}")]
    Status {
        method: Method,
        /// The route with ids and tokens left out, for logs.
        route: &'static str,
        status: StatusCode,
        message: String,
        /// What Discord asked us to wait, on a 429.
        retry_after: Option<Duration>,
    },
    #[error("could not reach Discord for {method} {route}: {cause}")]
    Transport {
        method: Method,
        route: &'static str,
        cause: reqwest::Error,
    },
    #[error("Discord's answer to {method} {route} is not JSON: {cause}")]
    Body {
        method: Method,
        route: &'static str,
        cause: serde_json::Error,
    },
}

impl RestError {
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            RestError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    fn retryable(&self, repeat: Repeat) -> bool {
        match (self, repeat) {
            (RestError::Status { status, .. }, _) if *status == StatusCode::TOO_MANY_REQUESTS => {
                true
            }
            (RestError::Status { status, .. }, Repeat::Safe) => {
                matches!(status.as_u16(), 500 | 502 | 503 | 504)
            }
            (RestError::Transport { .. }, Repeat::Safe) => true,
            _ => false,
        }
    }

    /// The wait before the next try: Discord's `retry_after` when it gave
    /// one (and it is not absurd), else the backoff's; None to stop.
    fn wait(&self, backoff: Option<Duration>) -> Option<Duration> {
        let backoff = backoff?;
        match self {
            RestError::Status {
                retry_after: Some(after),
                ..
            } => (*after <= LONGEST_RETRY_AFTER).then_some(*after),
            _ => Some(backoff),
        }
    }
}

/// Discord's REST API as the bot uses it. Cheap to clone.
#[derive(Clone)]
pub struct Rest {
    client: reqwest::Client,
    /// Scheme, host and port: Discord, or `discord.api_base`.
    base: String,
    /// `Bot <token>`: a secret, never logged (no Debug on this type).
    authorization: String,
}

impl std::fmt::Debug for Rest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rest")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

impl Rest {
    /// `base` is Discord ([`DISCORD`]) or a proxy or stand-in.
    pub fn new(client: reqwest::Client, base: &str, token: &str) -> Rest {
        Rest {
            client,
            base: base.trim_end_matches('/').to_string(),
            authorization: format!("Bot {token}"),
        }
    }

    /// Sends one call, retrying as [`Repeat`] allows. Returns Discord's
    /// JSON answer (`Null` for 204 No Content).
    pub async fn send(
        &self,
        method: Method,
        route: &'static str,
        path: &str,
        body: Option<&Value>,
        repeat: Repeat,
    ) -> Result<Value, RestError> {
        let body = body.map(Body::Json);
        self.send_body(method, route, path, body, repeat).await
    }

    async fn send_body(
        &self,
        method: Method,
        route: &'static str,
        path: &str,
        body: Option<Body<'_>>,
        repeat: Repeat,
    ) -> Result<Value, RestError> {
        let backoff = ExponentialBuilder::default()
            .with_min_delay(FIRST_WAIT)
            .with_max_delay(LONGEST_BACKOFF)
            .with_max_times(RETRIES)
            .with_jitter();
        (|| self.send_once(method.clone(), route, path, body))
            .retry(backoff)
            .sleep(tokio::time::sleep)
            .when(|e| e.retryable(repeat))
            .adjust(|e, backoff| e.wait(backoff))
            .notify(|e, wait| {
                tracing::warn!(
                    error = %e,
                    wait_ms = wait.as_millis() as u64,
                    "a Discord REST call failed: trying again"
                )
            })
            .await
    }

    async fn send_once(
        &self,
        method: Method,
        route: &'static str,
        path: &str,
        body: Option<Body<'_>>,
    ) -> Result<Value, RestError> {
        let transport = |cause| RestError::Transport {
            method: method.clone(),
            route,
            cause,
        };
        let mut request = self
            .client
            .request(method.clone(), format!("{}{API}{path}", self.base))
            .header(reqwest::header::AUTHORIZATION, &self.authorization)
            .header(reqwest::header::USER_AGENT, USER_AGENT)
            .timeout(TIMEOUT);
        match body {
            Some(Body::Json(body)) => {
                request = request
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .body(body.to_string());
            }
            Some(Body::WithFile {
                payload,
                name,
                bytes,
            }) => {
                let file = reqwest::multipart::Part::bytes(bytes.to_vec())
                    .file_name(name.to_string())
                    .mime_str("application/json")
                    .map_err(transport)?;
                let payload = reqwest::multipart::Part::text(payload.to_string())
                    .mime_str("application/json")
                    .map_err(transport)?;
                request = request.multipart(
                    reqwest::multipart::Form::new()
                        .part("payload_json", payload)
                        .part("files[0]", file),
                );
            }
            None => {}
        }
        let response = request.send().await.map_err(transport)?;
        let status = response.status();
        let header_wait = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(seconds);
        let bytes = response.bytes().await.map_err(transport)?;
        if status.is_success() {
            if bytes.is_empty() {
                return Ok(Value::Null);
            }
            return serde_json::from_slice(&bytes).map_err(|cause| RestError::Body {
                method,
                route,
                cause,
            });
        }
        let json: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        // The body's `retry_after` is in seconds with a fraction; the
        // header only in whole seconds. Prefer the body.
        let body_wait = json
            .get("retry_after")
            .and_then(Value::as_f64)
            .filter(|s| s.is_finite() && *s >= 0.0)
            .map(Duration::from_secs_f64);
        Err(RestError::Status {
            method,
            route,
            status,
            message: json
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            retry_after: (status == StatusCode::TOO_MANY_REQUESTS)
                .then_some(body_wait.or(header_wait))
                .flatten(),
        })
    }

    // ---- the calls ---------------------------------------------------------

    /// The first response to an interaction (`POST
    /// /interactions/{id}/{token}/callback`).
    pub async fn respond(
        &self,
        interaction: serenity::InteractionId,
        token: &str,
        response: &serenity::CreateInteractionResponse,
    ) -> Result<(), RestError> {
        let path = format!("/interactions/{interaction}/{token}/callback");
        self.send(
            Method::POST,
            "/interactions/{id}/{token}/callback",
            &path,
            Some(&json(response)),
            Repeat::Safe,
        )
        .await?;
        Ok(())
    }

    /// The first response to an interaction, carrying one file (the
    /// message's `attachments[0]`): a multipart body whose `payload_json`
    /// is `response` with the attachment described, as Discord's spec types
    /// it (its id a snowflake string).
    pub async fn respond_with_file(
        &self,
        interaction: serenity::InteractionId,
        token: &str,
        response: &serenity::CreateInteractionResponse,
        name: &str,
        bytes: &[u8],
    ) -> Result<(), RestError> {
        let mut payload = json(response);
        if let Some(data) = payload.get_mut("data").and_then(Value::as_object_mut) {
            data.insert(
                "attachments".to_string(),
                serde_json::json!([{"id": "0", "filename": name}]),
            );
        }
        let path = format!("/interactions/{interaction}/{token}/callback");
        self.send_body(
            Method::POST,
            "/interactions/{id}/{token}/callback",
            &path,
            Some(Body::WithFile {
                payload: &payload,
                name,
                bytes,
            }),
            Repeat::Safe,
        )
        .await?;
        Ok(())
    }

    /// Replaces a deferred response (`PATCH
    /// /webhooks/{app}/{token}/messages/@original`), as Discord asks rather
    /// than a follow-up.
    pub async fn edit_original(
        &self,
        application: serenity::ApplicationId,
        token: &str,
        edit: &serenity::EditInteractionResponse,
    ) -> Result<(), RestError> {
        let path = format!("/webhooks/{application}/{token}/messages/@original");
        self.send(
            Method::PATCH,
            "/webhooks/{app}/{token}/messages/@original",
            &path,
            Some(&json(edit)),
            Repeat::Safe,
        )
        .await?;
        Ok(())
    }

    /// A new message in a channel.
    pub async fn send_message(
        &self,
        channel: serenity::ChannelId,
        message: &serenity::CreateMessage,
    ) -> Result<(), RestError> {
        let path = format!("/channels/{channel}/messages");
        self.send(
            Method::POST,
            "/channels/{channel}/messages",
            &path,
            Some(&json(message)),
            Repeat::Once,
        )
        .await?;
        Ok(())
    }

    /// Replaces the commands of a scope (all of them: an empty list clears it).
    pub async fn put_commands(
        &self,
        application: serenity::ApplicationId,
        guild: Option<serenity::GuildId>,
        commands: &Value,
    ) -> Result<Value, RestError> {
        let (route, path) = commands_path(application, guild);
        self.send(Method::PUT, route, &path, Some(commands), Repeat::Safe)
            .await
    }

    /// The commands registered in a scope.
    pub async fn get_commands(
        &self,
        application: serenity::ApplicationId,
        guild: Option<serenity::GuildId>,
    ) -> Result<Vec<Value>, RestError> {
        let (route, path) = commands_path(application, guild);
        let listed = self
            .send(Method::GET, route, &path, None, Repeat::Safe)
            .await?;
        Ok(listed.as_array().cloned().unwrap_or_default())
    }

    /// The channel a thread (a forum post) belongs to: `parent_id` of `GET
    /// /channels/{id}`; None for a channel that is no thread.
    pub async fn parent_of(
        &self,
        channel: serenity::ChannelId,
    ) -> Result<Option<serenity::ChannelId>, RestError> {
        let found = self
            .send(
                Method::GET,
                "/channels/{channel.id}",
                &format!("/channels/{channel}"),
                None,
                Repeat::Safe,
            )
            .await?;
        Ok(found
            .get("parent_id")
            .and_then(Value::as_str)
            .and_then(|id| id.parse::<u64>().ok())
            .filter(|id| *id != 0)
            .map(serenity::ChannelId::new))
    }

    /// The bot's application id (`GET /oauth2/applications/@me`).
    pub async fn application_id(&self) -> Result<Option<serenity::ApplicationId>, RestError> {
        let app = self
            .send(
                Method::GET,
                "/oauth2/applications/@me",
                "/oauth2/applications/@me",
                None,
                Repeat::Safe,
            )
            .await?;
        Ok(app
            .get("id")
            .and_then(Value::as_str)
            .and_then(|id| id.parse::<u64>().ok())
            .filter(|id| *id != 0)
            .map(serenity::ApplicationId::new))
    }
}

/// The HTTP client for Discord, as serenity builds its own (rustls), so
/// serenity and [`Rest`] can share one connection pool.
pub fn http_client() -> Result<reqwest::Client, reqwest::Error> {
    reqwest::Client::builder().use_rustls_tls().build()
}

/// Identifies the bot to Discord as its API asks (`DiscordBot (url,
/// version)`): the same as serenity's own calls, made with the same library.
const USER_AGENT: &str = ::serenity::constants::USER_AGENT;

fn commands_path(
    application: serenity::ApplicationId,
    guild: Option<serenity::GuildId>,
) -> (&'static str, String) {
    match guild {
        Some(guild) => (
            "/applications/{app}/guilds/{guild}/commands",
            format!("/applications/{application}/guilds/{guild}/commands"),
        ),
        None => (
            "/applications/{app}/commands",
            format!("/applications/{application}/commands"),
        ),
    }
}

/// A builder as JSON. Serenity's builders serialise to exactly what it
/// sends; a failure would be a bug there, so it becomes `null` and
/// Discord's 400 says so.
fn json(builder: &impl Serialize) -> Value {
    serde_json::to_value(builder).unwrap_or_else(|error| {
        tracing::error!(%error, "could not serialise a Discord request");
        Value::Null
    })
}

/// `Retry-After` as seconds (Discord sends a number, sometimes with a
/// fraction).
fn seconds(text: &str) -> Option<Duration> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(Duration::from_secs_f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(code: u16, retry_after: Option<f64>) -> RestError {
        RestError::Status {
            method: Method::POST,
            route: "/x",
            status: StatusCode::from_u16(code).expect("a status"),
            message: String::new(),
            retry_after: retry_after.map(Duration::from_secs_f64),
        }
    }

    #[test]
    fn what_is_retried_depends_on_whether_a_repeat_is_safe() {
        let cases = [
            (429, Repeat::Once, true),
            (429, Repeat::Safe, true),
            (500, Repeat::Safe, true),
            (503, Repeat::Safe, true),
            (500, Repeat::Once, false),
            (400, Repeat::Safe, false),
            (401, Repeat::Safe, false),
            (404, Repeat::Safe, false),
        ];
        for (code, repeat, want) in cases {
            assert_eq!(
                status(code, None).retryable(repeat),
                want,
                "{code} {repeat:?}"
            );
        }
    }

    #[test]
    fn the_wait_is_retry_after_when_given_and_sane() {
        let backoff = Some(Duration::from_millis(300));
        assert_eq!(
            status(429, Some(1.5)).wait(backoff),
            Some(Duration::from_millis(1_500))
        );
        assert_eq!(status(429, None).wait(backoff), backoff);
        assert_eq!(status(500, None).wait(backoff), backoff);
        assert_eq!(status(429, Some(600.0)).wait(backoff), None, "too long");
        assert_eq!(status(429, Some(1.0)).wait(None), None, "out of tries");
    }

    #[test]
    fn retry_after_headers_read_as_seconds() {
        assert_eq!(seconds("2"), Some(Duration::from_secs(2)));
        assert_eq!(seconds(" 0.25 "), Some(Duration::from_millis(250)));
        assert_eq!(seconds("soon"), None);
        assert_eq!(seconds("-1"), None);
    }
}
