//! A stand-in Discord for end-to-end tests: Discord's REST API over HTTP and
//! its gateway over WebSocket, both on 127.0.0.1 ephemeral ports, speaking
//! enough of the real protocol for serenity 0.12.5 and poise 0.7.1 to run
//! unchanged against it (see `../shared/discord/STAND-IN.md`).
//!
//! It records every REST call and every gateway frame the client sends, can
//! inject dispatches, and lets a test wait for a call with a timeout. It
//! knows nothing of summit-bot: tests say what they expect.
//!
//! Like Discord it serves several gateway sessions at once, one per shard a
//! client identifies with (`shard: [id, total]`, `[0, 1]` when unsharded),
//! and sends a server's events to the session whose shard is
//! `(guild_id >> 22) % total`, direct messages to shard 0: two processes
//! each running some shards can share one stand-in.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::ws::{CloseFrame, Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::extract::State as AxumState;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::{Json, Router};
use serde_json::{json, Value};
use tokio::sync::{mpsc, watch};

/// The bot's user id; Discord gives a bot's application the same id.
pub const BOT_ID: u64 = 410_000_000_000_000_001;
pub const APP_ID: u64 = BOT_ID;
pub const GUILD_ID: u64 = 420_000_000_000_000_001;
pub const GUILD_CHANNEL_ID: u64 = 430_000_000_000_000_001;
pub const DM_CHANNEL_ID: u64 = 430_000_000_000_000_002;
pub const USER_ID: u64 = 440_000_000_000_000_001;
pub const OTHER_BOT_ID: u64 = 440_000_000_000_000_002;
pub const ROLE_ID: u64 = 450_000_000_000_000_001;

/// The token tests hand the bot; the stand-in checks every call carries it.
pub const TOKEN: &str = "stand-in-token.not-a-real-one";

/// Heartbeat interval the stand-in asks for: short, so a test run sees
/// heartbeats and their ACKs, long enough not to flood the log.
const HEARTBEAT_MS: u64 = 1_000;

/// How long a test waits for something the bot should do promptly. Generous
/// because two cores may be busy compiling; Discord's own window is 3 s.
pub const WAIT: Duration = Duration::from_secs(20);

const DIRECT_MESSAGES: u64 = 1 << 12;
const GUILD_MESSAGES: u64 = 1 << 9;

/// One REST call the client made.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: String,
    /// The path, e.g. `/api/v10/channels/1/messages`.
    pub path: String,
    /// The `Authorization` header as sent.
    pub authorization: Option<String>,
    /// The JSON body (`Null` when there was none or it was not JSON).
    pub body: Value,
    /// The body as sent: a multipart body (a reply with a file) is not JSON.
    pub raw: Vec<u8>,
    /// The status of an injected fault this call was answered with (see
    /// [`StandIn::fail_next`]); None when it was served normally.
    pub fault: Option<u16>,
    /// When it arrived.
    pub at: std::time::Instant,
}

impl Call {
    pub fn is(&self, method: &str, path: &str) -> bool {
        self.method == method && self.path == path
    }
}

#[derive(Default)]
struct Recorded {
    calls: Vec<Call>,
    /// Every frame the client sent on the gateway, parsed.
    frames: Vec<Value>,
    /// The intents of the last IDENTIFY.
    intents: Option<u64>,
    /// Heartbeats ACKed.
    acks: u64,
    /// The live gateway sessions (READY or RESUMED), at most one per shard.
    sessions: Vec<Session>,
    /// Every session ever made, by its `session_id`: what a RESUME names.
    identities: std::collections::HashMap<String, Identity>,
    /// Every dispatch the stand-in sent, in order.
    deliveries: Vec<Delivery>,
    /// The servers the bot is in, listed in the READY of their shard.
    guilds: Vec<u64>,
    /// How many shards `GET /gateway/bot` recommends.
    recommended_shards: u32,
    /// Gateway connections accepted so far.
    connections: u64,
    /// Faults to answer REST calls with, first match first.
    faults: Vec<Fault>,
    /// REST calls to answer late, first match first.
    delays: Vec<Delay>,
    /// How the stand-in answers a RESUME (op 6).
    resume: Resume,
    /// The close code of each close frame the client sent (None: a close
    /// frame with no code).
    closes: Vec<Option<u16>>,
    /// The commands registered, by scope (None: global), as last PUT.
    commands: std::collections::HashMap<Option<String>, Value>,
    /// What Discord's OpenAPI spec says is wrong with the calls made.
    violations: Vec<String>,
    /// Channels `GET /channels/{id}` knows, by id (others are 404).
    channels: std::collections::HashMap<String, Value>,
}

/// A live gateway session: a connection that identified (or resumed) as
/// one shard.
struct Session {
    session_id: String,
    shard: u32,
    total: u32,
    /// Which gateway connection it is on.
    connection: u64,
    out: mpsc::UnboundedSender<Out>,
}

/// What a session identified as, kept for its RESUME.
#[derive(Clone)]
struct Identity {
    shard: u32,
    total: u32,
    intents: u64,
    /// The last sequence number sent on it: each session counts its own.
    seq: u64,
}

/// One dispatch sent to the client, and which session it went to.
#[derive(Debug, Clone)]
pub struct Delivery {
    /// The event name, e.g. `INTERACTION_CREATE`.
    pub name: String,
    /// The payload's `id` (an interaction's or a message's).
    pub id: Option<String>,
    /// The shard of the session that got it.
    pub shard: u32,
    /// The gateway connection that carried it.
    pub connection: u64,
}

/// One IDENTIFY the client sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identified {
    /// The gateway connection it came on.
    pub connection: u64,
    pub shard: u32,
    pub total: u32,
}

/// The shard Discord sends an event with `d` to, of `total`: by the
/// server's id, and shard 0 outside any server (direct messages).
pub fn shard_of(d: &Value, total: u32) -> u32 {
    let guild = d
        .get("guild_id")
        .and_then(Value::as_str)
        .and_then(|g| g.parse::<u64>().ok());
    match guild {
        Some(guild) => ((guild >> 22) % u64::from(total.max(1))) as u32,
        None => 0,
    }
}

/// The first server id from `from` up whose events go to `shard` of
/// `total`: a server for a test to place on a given shard.
pub fn guild_on_shard(shard: u32, total: u32, from: u64) -> u64 {
    let on = |g: u64| shard_of(&json!({"guild_id": g.to_string()}), total) == shard;
    (0..u64::from(total))
        .map(|step| from + (step << 22))
        .find(|g| on(*g))
        .expect("a shard below its total is reached within total steps")
}

impl Recorded {
    /// The live session that gets an event with `d`.
    fn session_for(&self, d: &Value) -> Option<&Session> {
        self.sessions
            .iter()
            .find(|s| s.shard == shard_of(d, s.total))
    }

    /// Makes `session` the live one of its shard.
    fn go_live(&mut self, session: Session) {
        self.sessions
            .retain(|s| (s.shard, s.total) != (session.shard, session.total));
        self.sessions.push(session);
    }

    /// Sends `name` with `d` to the live session it belongs to, recording
    /// the delivery; a MESSAGE_CREATE that session's intents did not ask
    /// for is dropped. Returns the shard, or None with no session for it.
    fn send_dispatch(&mut self, name: &str, d: &Value) -> Option<u32> {
        let session = self.session_for(d)?;
        let (session_id, shard, connection) = (
            session.session_id.clone(),
            session.shard,
            session.connection,
        );
        let out = session.out.clone();
        if name == "MESSAGE_CREATE" {
            let wanted = if d.get("guild_id").is_some() {
                GUILD_MESSAGES
            } else {
                DIRECT_MESSAGES
            };
            let intents = self.identities.get(&session_id).map_or(0, |i| i.intents);
            if intents & wanted == 0 {
                return Some(shard);
            }
        }
        let s = self.next_seq(&session_id);
        self.deliveries.push(Delivery {
            name: name.to_string(),
            id: d.get("id").and_then(Value::as_str).map(str::to_string),
            shard,
            connection,
        });
        let frame = json!({"op": 0, "s": s, "t": name, "d": d}).to_string();
        let _ = out.send(Out::Frame(frame));
        Some(shard)
    }

    /// The next sequence number of session `session_id`.
    fn next_seq(&mut self, session_id: &str) -> u64 {
        match self.identities.get_mut(session_id) {
            Some(identity) => {
                identity.seq += 1;
                identity.seq
            }
            None => 1,
        }
    }
}

/// Something for a live gateway session to do.
enum Out {
    Frame(String),
    /// Drop the connection with no close frame, as a network failure does.
    Drop,
}

/// REST calls to answer with an error instead of serving them.
struct Fault {
    method: String,
    path: String,
    remaining: usize,
    status: u16,
    body: Value,
    headers: Vec<(String, String)>,
}

/// REST calls to serve only after a while, as a slow Discord would.
struct Delay {
    method: String,
    path: String,
    remaining: usize,
    by: Duration,
}

/// How the stand-in answers a client's RESUME (op 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Resume {
    /// A RESUMED dispatch: the session goes on.
    #[default]
    Resumed,
    /// INVALID_SESSION (op 9, not resumable): the client must IDENTIFY again.
    InvalidSession,
}

struct Shared {
    recorded: Mutex<Recorded>,
    /// Bumped on every change, so waiters wake and look again.
    version: watch::Sender<u64>,
    next_id: AtomicU64,
    gateway_url: String,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Recorded> {
        // A panicking test thread must not hide what was recorded.
        self.recorded.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn changed(&self) {
        self.version.send_modify(|v| *v += 1);
    }

    fn snowflake(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }
}

/// A running stand-in Discord. Its servers stop when the test's runtime ends.
/// Every REST call is checked against Discord's OpenAPI spec
/// ([`super::openapi`]); a test whose bot made an invalid one fails when its
/// stand-in is dropped.
pub struct StandIn {
    /// Base URL of the REST API (scheme, host, port): what `DISCORD_API_BASE` gets.
    pub api_base: String,
    shared: Arc<Shared>,
}

impl Drop for StandIn {
    fn drop(&mut self) {
        let violations = std::mem::take(&mut self.shared.lock().violations);
        if !violations.is_empty() && !std::thread::panicking() {
            panic!(
                "the bot made REST calls Discord's OpenAPI spec does not allow:\n  {}",
                violations.join("\n  ")
            );
        }
    }
}

impl StandIn {
    pub async fn start() -> StandIn {
        let rest = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind REST port");
        let gateway = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind gateway port");
        let api_base = format!("http://{}", rest.local_addr().expect("REST address"));
        let gateway_url = format!("ws://{}", gateway.local_addr().expect("gateway address"));
        let shared = Arc::new(Shared {
            recorded: Mutex::new(Recorded {
                guilds: vec![GUILD_ID],
                recommended_shards: 1,
                ..Recorded::default()
            }),
            version: watch::channel(0).0,
            next_id: AtomicU64::new(900_000_000_000_000_000),
            gateway_url,
        });

        let rest_app = Router::new().fallback(rest_call).with_state(shared.clone());
        tokio::spawn(async move {
            let _ = axum::serve(rest, rest_app).await;
        });
        let gateway_app = Router::new()
            .route("/", any(gateway_upgrade))
            .with_state(shared.clone());
        tokio::spawn(async move {
            let _ = axum::serve(gateway, gateway_app).await;
        });
        StandIn { api_base, shared }
    }

    /// Every REST call so far.
    pub fn calls(&self) -> Vec<Call> {
        self.shared.lock().calls.clone()
    }

    /// Every frame the client sent on the gateway so far.
    pub fn frames(&self) -> Vec<Value> {
        self.shared.lock().frames.clone()
    }

    /// The intents the client identified with (last).
    pub fn intents(&self) -> Option<u64> {
        self.shared.lock().intents
    }

    /// Every IDENTIFY so far: which connection, which shard of how many.
    pub fn identified(&self) -> Vec<Identified> {
        self.shared
            .lock()
            .frames
            .iter()
            .filter(|f| f["op"] == 2)
            .map(|f| {
                let (shard, total) = identify_shard(f);
                Identified {
                    connection: f["connection"].as_u64().unwrap_or(0),
                    shard,
                    total,
                }
            })
            .collect()
    }

    /// Every dispatch sent so far, with the session it went to.
    pub fn deliveries(&self) -> Vec<Delivery> {
        self.shared.lock().deliveries.clone()
    }

    /// Has `GET /gateway/bot` recommend `shards` shards (1 unless told), as
    /// Discord does for a bot in many servers.
    pub fn recommend_shards(&self, shards: u32) {
        self.shared.lock().recommended_shards = shards;
    }

    /// Adds server `id` to the bot's servers: the READY of its shard lists it.
    pub fn add_guild(&self, id: u64) {
        self.shared.lock().guilds.push(id);
    }

    /// The close codes of the close frames the client sent on the
    /// gateway; 1000 is a normal close.
    pub fn gateway_closes(&self) -> Vec<Option<u16>> {
        self.shared.lock().closes.clone()
    }

    /// Adds a thread (a forum post: type 11) `id` in [`GUILD_ID`] whose
    /// parent is `parent`, for `GET /channels/{id}`.
    pub fn add_thread(&self, id: u64, parent: u64) {
        self.shared.lock().channels.insert(
            id.to_string(),
            json!({"id": id.to_string(), "type": 11, "guild_id": GUILD_ID.to_string(),
                   "parent_id": parent.to_string(), "name": "a post", "owner_id": USER_ID.to_string(),
                   "thread_metadata": {"archived": false, "auto_archive_duration": 1440,
                       "archive_timestamp": "2018-09-07T12:00:00.000000+00:00", "locked": false}}),
        );
    }

    /// Registers `commands` in a scope (None: global) as if an earlier run
    /// of the bot had.
    pub fn preregister(&self, guild: Option<u64>, commands: Value) {
        self.shared
            .lock()
            .commands
            .insert(guild.map(|g| g.to_string()), commands);
    }

    /// How many heartbeats were ACKed.
    pub fn heartbeat_acks(&self) -> u64 {
        self.shared.lock().acks
    }

    /// Waits until `check` finds something in what was recorded, or fails
    /// the test after `timeout`, saying what it waited for.
    pub async fn wait_until<T>(
        &self,
        what: &str,
        timeout: Duration,
        mut check: impl FnMut(&StandIn) -> Option<T>,
    ) -> T {
        let mut version = self.shared.version.subscribe();
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            version.borrow_and_update();
            if let Some(found) = check(self) {
                return found;
            }
            if tokio::time::timeout_at(deadline, version.changed())
                .await
                .is_err()
            {
                let calls: Vec<String> = self
                    .calls()
                    .iter()
                    .map(|c| format!("{} {}", c.method, c.path))
                    .collect();
                panic!("timed out after {timeout:?} waiting for {what}; REST calls: {calls:#?}");
            }
        }
    }

    /// Waits for the first REST call that `matches`.
    pub async fn wait_for_call(&self, what: &str, matches: impl Fn(&Call) -> bool) -> Call {
        self.wait_until(what, WAIT, |s| s.calls().into_iter().find(|c| matches(c)))
            .await
    }

    /// Waits until the client is connected, identified and READY, and has
    /// registered its commands (`PUT .../commands`).
    pub async fn wait_ready(&self) -> Call {
        self.wait_until("the gateway session", WAIT, |s| {
            (!s.shared.lock().sessions.is_empty()).then_some(())
        })
        .await;
        self.wait_for_call("command registration", |c| {
            c.method == "PUT" && c.path.ends_with("/commands")
        })
        .await
    }

    /// Waits until a session of shard `shard` of `total` is live (READY).
    pub async fn wait_shard(&self, shard: u32, total: u32) {
        self.wait_until(
            &format!("a session of shard {shard} of {total}"),
            WAIT,
            |s| {
                let recorded = s.shared.lock();
                recorded
                    .sessions
                    .iter()
                    .any(|x| (x.shard, x.total) == (shard, total))
                    .then_some(())
            },
        )
        .await;
    }

    /// Sends one dispatch (`op` 0) to the session of the shard it belongs
    /// to (see [`shard_of`]), once one is live, and returns that shard.
    /// Like the real Discord, drops a MESSAGE_CREATE the session's intents
    /// did not ask for.
    pub async fn dispatch(&self, name: &str, d: Value) -> u32 {
        let shard = self
            .wait_until("a gateway session to dispatch to", WAIT, |s| {
                s.shared.lock().send_dispatch(name, &d)
            })
            .await;
        self.shared.changed();
        shard
    }

    // ---- faults --------------------------------------------------------------------

    /// Answers the next `times` calls of `method` on exactly `path` with
    /// `status` and the JSON `body` (and `headers`), instead of serving them.
    pub fn fail_next(
        &self,
        method: &str,
        path: &str,
        times: usize,
        status: u16,
        body: Value,
        headers: &[(&str, &str)],
    ) {
        self.shared.lock().faults.push(Fault {
            method: method.to_string(),
            path: path.to_string(),
            remaining: times,
            status,
            body,
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        });
    }

    /// Serves the next `times` calls of `method` on exactly `path` only
    /// after `by` (recorded at once, answered late).
    pub fn delay_next(&self, method: &str, path: &str, times: usize, by: Duration) {
        self.shared.lock().delays.push(Delay {
            method: method.to_string(),
            path: path.to_string(),
            remaining: times,
            by,
        });
    }

    /// How the stand-in answers the next RESUMEs.
    pub fn answer_resume_with(&self, resume: Resume) {
        self.shared.lock().resume = resume;
    }

    /// How many gateway connections the stand-in has accepted.
    pub fn gateway_connections(&self) -> u64 {
        self.shared.lock().connections
    }

    /// Drops every live gateway connection without a close frame, as a
    /// network failure would. Returns whether there was one.
    pub fn drop_gateway(&self) -> bool {
        let sessions = std::mem::take(&mut self.shared.lock().sessions);
        let mut any = false;
        for session in sessions {
            any |= session.out.send(Out::Drop).is_ok();
        }
        any
    }

    /// Sends RECONNECT (op 7) on every live gateway connection: Discord's
    /// way of asking the client to reconnect and resume. The stand-in stops
    /// dispatching on them at once. Returns whether there was one.
    pub fn send_reconnect(&self) -> bool {
        let sessions = std::mem::take(&mut self.shared.lock().sessions);
        let frame = json!({"op": 7, "d": null, "s": null, "t": null}).to_string();
        let mut any = false;
        for session in sessions {
            any |= session.out.send(Out::Frame(frame.clone())).is_ok();
        }
        any
    }

    pub fn snowflake(&self) -> u64 {
        self.shared.snowflake()
    }

    // ---- payloads a test injects -------------------------------------------------

    /// A slash command (`type` 2) invocation. Returns its token (unique, so
    /// the callback path `/interactions/{id}/{token}/callback` is too) and payload.
    pub fn command(&self, place: Place, name: &str, options: Value) -> (Interaction, Value) {
        self.interaction(
            place,
            2,
            json!({"id": "1", "name": name, "type": 1, "options": options}),
        )
    }

    /// A message context-menu command (`type` 2, command type 3) named
    /// `name` on `target` (a Message object, e.g. from [`StandIn::message`]),
    /// which Discord sends whole under `resolved.messages`.
    pub fn message_command(&self, place: Place, name: &str, target: Value) -> (Interaction, Value) {
        let target_id = target["id"].clone();
        let mut messages = serde_json::Map::new();
        messages.insert(target_id.as_str().unwrap_or("0").to_string(), target);
        self.interaction(
            place,
            2,
            json!({"id": "2", "name": name, "type": 3, "target_id": target_id,
                   "resolved": {"messages": messages}}),
        )
    }

    /// An autocomplete request for `name`'s option `option`, typed so far `partial`.
    pub fn autocomplete(
        &self,
        place: Place,
        name: &str,
        option: &str,
        partial: &str,
    ) -> (Interaction, Value) {
        self.interaction(
            place,
            4,
            json!({"id": "1", "name": name, "type": 1, "options": [
                {"name": option, "type": 3, "value": partial, "focused": true}
            ]}),
        )
    }

    /// An autocomplete request with `options` as Discord nests them (a
    /// subcommand's options inside it), the focused one marked so.
    pub fn autocomplete_options(
        &self,
        place: Place,
        name: &str,
        options: Value,
    ) -> (Interaction, Value) {
        self.interaction(
            place,
            4,
            json!({"id": "1", "name": name, "type": 1, "options": options}),
        )
    }

    /// A click on the button `custom_id` of `message` (a Message object the
    /// bot sent, e.g. from [`message_from_call`]).
    pub fn click(&self, place: Place, custom_id: &str, message: Value) -> (Interaction, Value) {
        let (interaction, mut payload) = self.interaction(
            place,
            3,
            json!({"custom_id": custom_id, "component_type": 2}),
        );
        payload["message"] = message;
        (interaction, payload)
    }

    /// A form (modal) submitted (`type` 5): `custom_id` with each field's
    /// value, opened from a button on `message`, which Discord sends along.
    pub fn submit(
        &self,
        place: Place,
        custom_id: &str,
        fields: &[(&str, &str)],
        message: Value,
    ) -> (Interaction, Value) {
        let rows: Vec<Value> = fields
            .iter()
            .map(|(id, value)| {
                json!({"type": 1, "components": [
                    {"type": 4, "custom_id": id, "value": value}
                ]})
            })
            .collect();
        let (interaction, mut payload) = self.interaction(
            place,
            5,
            json!({"custom_id": custom_id, "components": rows}),
        );
        payload["message"] = message;
        (interaction, payload)
    }

    fn interaction(&self, place: Place, kind: u8, data: Value) -> (Interaction, Value) {
        let id = self.snowflake();
        let token = format!("interaction-token-{id}");
        let mut payload = json!({
            "id": id.to_string(),
            "application_id": APP_ID.to_string(),
            "type": kind,
            "token": token,
            "version": 1,
            "locale": "en-US",
            "entitlements": [],
            "attachment_size_limit": 8_388_608,
            "data": data,
        });
        match place {
            Place::Dm => {
                payload["channel_id"] = json!(DM_CHANNEL_ID.to_string());
                payload["user"] = user(USER_ID, "asker", false);
            }
            Place::Guild => {
                payload["channel_id"] = json!(GUILD_CHANNEL_ID.to_string());
                payload["guild_id"] = json!(GUILD_ID.to_string());
                payload["member"] = member(USER_ID, "asker");
            }
        }
        (Interaction { id, token }, payload)
    }

    /// A MESSAGE_CREATE payload from `author`.
    pub fn message(&self, place: Place, author: Value, content: &str, mentions: Value) -> Value {
        let mut m = json!({
            "id": self.snowflake().to_string(),
            "author": author,
            "content": content,
            "timestamp": "2018-09-07T12:00:00.000000+00:00",
            "tts": false,
            "mention_everyone": content.contains("@everyone"),
            "mentions": mentions,
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": false,
            "type": 0,
        });
        match place {
            Place::Dm => m["channel_id"] = json!(DM_CHANNEL_ID.to_string()),
            Place::Guild => {
                m["channel_id"] = json!(GUILD_CHANNEL_ID.to_string());
                m["guild_id"] = json!(GUILD_ID.to_string());
                m["member"] = json!({"roles": [], "deaf": false, "mute": false, "flags": 0,
                    "joined_at": "2018-01-01T00:00:00.000000+00:00"});
            }
        }
        m
    }
}

/// Where an interaction or message happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Dm,
    Guild,
}

/// An injected interaction: where its response goes.
#[derive(Debug, Clone)]
pub struct Interaction {
    pub id: u64,
    pub token: String,
}

impl Interaction {
    /// The path of this interaction's initial response.
    pub fn callback_path(&self) -> String {
        format!("/api/v10/interactions/{}/{}/callback", self.id, self.token)
    }

    /// Whether `call` responds to this interaction in any way (callback,
    /// edit of the original after a deferral, or a follow-up).
    pub fn answered_by(&self, call: &Call) -> bool {
        call.path == self.callback_path()
            || call
                .path
                .starts_with(&format!("/api/v10/webhooks/{APP_ID}/{}", self.token))
    }
}

pub fn user(id: u64, name: &str, bot: bool) -> Value {
    json!({"id": id.to_string(), "username": name, "discriminator": "0",
        "global_name": null, "avatar": null, "bot": bot})
}

fn member(id: u64, name: &str) -> Value {
    json!({
        "user": user(id, name, false),
        "roles": [],
        "deaf": false,
        "mute": false,
        "flags": 0,
        "joined_at": "2018-01-01T00:00:00.000000+00:00",
        "permissions": super::MEMBER_PERMISSIONS.to_string(),
    })
}

/// The Message object Discord makes of the bot's reply in `call` (a
/// `POST .../messages` or an interaction callback): what a later click
/// on one of its buttons carries.
pub fn message_from_call(call: &Call, id: u64, place: Place) -> Value {
    let body = call.body.get("data").unwrap_or(&call.body);
    let mut m = json!({
        "id": id.to_string(),
        "author": user(BOT_ID, "summit-bot", true),
        "content": body.get("content").cloned().unwrap_or(json!("")),
        "timestamp": "2018-09-07T12:00:01.000000+00:00",
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": body.get("embeds").cloned().unwrap_or(json!([])),
        "components": body.get("components").cloned().unwrap_or(json!([])),
        "pinned": false,
        "type": 0,
    });
    match place {
        Place::Dm => m["channel_id"] = json!(DM_CHANNEL_ID.to_string()),
        Place::Guild => m["channel_id"] = json!(GUILD_CHANNEL_ID.to_string()),
    }
    m
}

// ---- REST ------------------------------------------------------------------------

async fn rest_call(
    AxumState(shared): AxumState<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_string();
    let raw = body.to_vec();
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let call = Call {
        raw,
        method: method.to_string(),
        path: path.clone(),
        authorization: headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        body: body.clone(),
        fault: None,
        at: std::time::Instant::now(),
    };
    let authorised = call.authorization.as_deref() == Some(&format!("Bot {TOKEN}"));
    let violations = super::openapi::violations(&call.method, &call.path, &call.raw);
    for violation in &violations {
        eprintln!("stand-in: not valid by Discord's OpenAPI spec: {violation}");
    }
    let (fault, delay) = {
        let mut recorded = shared.lock();
        recorded.violations.extend(violations);
        let delay = recorded
            .delays
            .iter_mut()
            .find(|d| d.remaining > 0 && d.method == call.method && d.path == call.path)
            .map(|d| {
                d.remaining -= 1;
                d.by
            });
        let fault = recorded
            .faults
            .iter_mut()
            .find(|f| f.remaining > 0 && f.method == call.method && f.path == call.path)
            .map(|f| {
                f.remaining -= 1;
                (f.status, f.body.clone(), f.headers.clone())
            });
        recorded.calls.push(Call {
            fault: fault.as_ref().map(|f| f.0),
            ..call
        });
        (fault, delay)
    };
    shared.changed();
    if let Some(by) = delay {
        tokio::time::sleep(by).await;
    }
    if let Some((status, body, headers)) = fault {
        let mut response = Json(body).into_response();
        *response.status_mut() =
            StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        for (name, value) in headers {
            if let (Ok(name), Ok(value)) = (
                axum::http::HeaderName::from_bytes(name.as_bytes()),
                axum::http::HeaderValue::from_str(&value),
            ) {
                response.headers_mut().insert(name, value);
            }
        }
        return response;
    }
    if !authorised && !path.starts_with("/api/v10/interactions/") && !path.contains("/webhooks/") {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"message": "401: Unauthorized", "code": 0})),
        )
            .into_response();
    }

    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match (method.as_str(), segments.as_slice()) {
        ("GET", ["api", "v10", "gateway"]) => Json(json!({"url": shared.gateway_url})).into_response(),
        ("GET", ["api", "v10", "gateway", "bot"]) => Json(json!({
            "url": shared.gateway_url,
            "shards": shared.lock().recommended_shards,
            "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
        }))
        .into_response(),
        ("GET", ["api", "v10", "oauth2", "applications", "@me"]) => Json(json!({
            "id": APP_ID.to_string(),
            "name": "summit-bot",
            "icon": null,
            "description": "",
            "bot_public": true,
            "bot_require_code_grant": false,
            "verify_key": "0",
            "owner": user(USER_ID, "owner", false),
            "flags": 0,
        }))
        .into_response(),
        ("PUT", ["api", "v10", "applications", _, "commands"])
        | ("PUT", ["api", "v10", "applications", _, "guilds", _, "commands"]) => {
            let guild = (segments.len() == 7).then(|| segments[5]);
            let echoed: Vec<Value> = body
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(|mut c| {
                    if c.get("type").is_none() {
                        c["type"] = json!(1);
                    }
                    c["id"] = json!(shared.snowflake().to_string());
                    c["application_id"] = json!(APP_ID.to_string());
                    c["version"] = json!(shared.snowflake().to_string());
                    if let Some(guild) = guild {
                        c["guild_id"] = json!(guild);
                    }
                    c
                })
                .collect();
            shared
                .lock()
                .commands
                .insert(guild.map(str::to_string), Value::Array(echoed.clone()));
            Json(Value::Array(echoed)).into_response()
        }
        ("GET", ["api", "v10", "applications", _, "commands"])
        | ("GET", ["api", "v10", "applications", _, "guilds", _, "commands"]) => {
            let guild = (segments.len() == 7).then(|| segments[5].to_string());
            let listed = shared.lock().commands.get(&guild).cloned();
            Json(listed.unwrap_or_else(|| json!([]))).into_response()
        }
        ("POST", ["api", "v10", "interactions", _, _, "callback"]) => StatusCode::NO_CONTENT.into_response(),
        ("GET", ["api", "v10", "channels", channel]) => match shared.lock().channels.get(*channel) {
            Some(found) => Json(found.clone()).into_response(),
            None => (
                StatusCode::NOT_FOUND,
                Json(json!({"message": "Unknown Channel", "code": 10003})),
            )
                .into_response(),
        },
        ("POST", ["api", "v10", "channels", channel, "messages"]) => {
            let message = sent_message(&shared, channel, &body);
            Json(message).into_response()
        }
        ("PATCH", ["api", "v10", "webhooks", _, _, "messages", _])
        | ("POST", ["api", "v10", "webhooks", _, _]) => {
            let message = sent_message(&shared, &GUILD_CHANNEL_ID.to_string(), &body);
            Json(message).into_response()
        }
        _ => (
            StatusCode::NOT_FOUND,
            Json(json!({"message": "404: Not Found", "code": 0})),
        )
            .into_response(),
    }
}

/// The Message object Discord returns for a message the bot sent.
fn sent_message(shared: &Shared, channel: &str, body: &Value) -> Value {
    json!({
        "id": shared.snowflake().to_string(),
        "channel_id": channel,
        "author": user(BOT_ID, "summit-bot", true),
        "content": body.get("content").cloned().unwrap_or(json!("")),
        "timestamp": "2018-09-07T12:00:01.000000+00:00",
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": body.get("embeds").cloned().unwrap_or(json!([])),
        "components": body.get("components").cloned().unwrap_or(json!([])),
        "pinned": false,
        "type": if body.get("message_reference").is_some() { 19 } else { 0 },
    })
}

// ---- gateway ---------------------------------------------------------------------

async fn gateway_upgrade(
    AxumState(shared): AxumState<Arc<Shared>>,
    upgrade: WebSocketUpgrade,
) -> Response {
    upgrade.on_upgrade(move |socket| gateway_session(shared, socket))
}

async fn gateway_session(shared: Arc<Shared>, mut socket: WebSocket) {
    let hello = json!({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_MS}, "s": null, "t": null});
    if socket
        .send(WsMessage::Text(hello.to_string().into()))
        .await
        .is_err()
    {
        return;
    }
    let (outgoing, mut queue) = mpsc::unbounded_channel::<Out>();
    let connection = {
        let mut recorded = shared.lock();
        recorded.connections += 1;
        recorded.connections
    };
    shared.changed();
    loop {
        tokio::select! {
            frame = socket.recv() => {
                let text = match frame {
                    Some(Ok(WsMessage::Text(text))) => text.as_str().to_string(),
                    Some(Ok(WsMessage::Binary(bytes))) => String::from_utf8_lossy(&bytes).into_owned(),
                    Some(Ok(WsMessage::Ping(_) | WsMessage::Pong(_))) => continue,
                    // The client closed or went away: flush rather than close from here.
                    Some(Ok(WsMessage::Close(frame))) => {
                        shared.lock().closes.push(frame.map(|f| f.code));
                        shared.changed();
                        break;
                    }
                    Some(Err(_)) | None => break,
                };
                let Ok(frame) = serde_json::from_str::<Value>(&text) else { continue };
                {
                    let mut logged = frame.clone();
                    // Keep the token out of anything a failing test prints.
                    if let Some(token) = logged.pointer_mut("/d/token") {
                        *token = json!("<token>");
                    }
                    // Which connection sent it: not part of Discord's frame.
                    logged["connection"] = json!(connection);
                    shared.lock().frames.push(logged);
                }
                let op = frame.get("op").and_then(Value::as_u64);
                let reply = match op {
                    Some(2) => {
                        let (shard, total) = identify_shard(&frame);
                        if total == 0 || shard >= total {
                            // Discord's "Invalid shard" close.
                            let _ = socket
                                .send(WsMessage::Close(Some(CloseFrame {
                                    code: 4010,
                                    reason: "Invalid shard".into(),
                                })))
                                .await;
                            break;
                        }
                        let intents = frame.pointer("/d/intents").and_then(Value::as_u64);
                        let session_id = format!("stand-in-session-{connection}");
                        let mut recorded = shared.lock();
                        recorded.intents = intents;
                        recorded.identities.insert(
                            session_id.clone(),
                            Identity { shard, total, intents: intents.unwrap_or(0), seq: 0 },
                        );
                        recorded.go_live(Session {
                            session_id: session_id.clone(),
                            shard,
                            total,
                            connection,
                            out: outgoing.clone(),
                        });
                        let s = recorded.next_seq(&session_id);
                        let d = ready(&shared, &recorded.guilds, &session_id, shard, total);
                        Some(json!({"op": 0, "s": s, "t": "READY", "d": d}))
                    }
                    Some(6) => {
                        let mut recorded = shared.lock();
                        let session_id = frame
                            .pointer("/d/session_id")
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_string();
                        let identity = recorded.identities.get(&session_id).cloned();
                        match (recorded.resume, identity) {
                            (Resume::Resumed, Some(identity)) => {
                                recorded.go_live(Session {
                                    session_id: session_id.clone(),
                                    shard: identity.shard,
                                    total: identity.total,
                                    connection,
                                    out: outgoing.clone(),
                                });
                                let s = recorded.next_seq(&session_id);
                                Some(json!({"op": 0, "s": s, "t": "RESUMED", "d": {}}))
                            }
                            // A session the stand-in never made cannot resume.
                            (Resume::InvalidSession, _) | (_, None) => {
                                Some(json!({"op": 9, "d": false, "s": null, "t": null}))
                            }
                        }
                    }
                    Some(1) => {
                        shared.lock().acks += 1;
                        Some(json!({"op": 11, "d": null, "s": null, "t": null}))
                    }
                    _ => None,
                };
                shared.changed();
                if let Some(reply) = reply {
                    if socket.send(WsMessage::Text(reply.to_string().into())).await.is_err() {
                        break;
                    }
                }
            }
            Some(out) = queue.recv() => {
                let frame = match out {
                    Out::Frame(frame) => frame,
                    Out::Drop => break,
                };
                if socket.send(WsMessage::Text(frame.into())).await.is_err() {
                    break;
                }
            }
        }
    }
    // A newer connection may already hold this one's shards.
    shared
        .lock()
        .sessions
        .retain(|s| s.connection != connection);
    shared.changed();
}

/// The `shard: [id, total]` an IDENTIFY asks for; `[0, 1]` when it names
/// none, as Discord reads it.
fn identify_shard(frame: &Value) -> (u32, u32) {
    let part = |i: usize| {
        frame
            .pointer(&format!("/d/shard/{i}"))
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
    };
    match (part(0), part(1)) {
        (Some(shard), Some(total)) => (shard, total),
        _ => (0, 1),
    }
}

/// The READY of session `session_id`, shard `shard` of `total`: it lists
/// the servers of that shard only, and echoes the shard.
fn ready(shared: &Shared, guilds: &[u64], session_id: &str, shard: u32, total: u32) -> Value {
    let guilds: Vec<Value> = guilds
        .iter()
        .filter(|g| shard_of(&json!({"guild_id": g.to_string()}), total) == shard)
        .map(|g| json!({"id": g.to_string(), "unavailable": true}))
        .collect();
    json!({
        "v": 10,
        "user": user(BOT_ID, "summit-bot", true),
        "guilds": guilds,
        "session_id": session_id,
        "resume_gateway_url": shared.gateway_url,
        "shard": [shard, total],
        "application": {"id": APP_ID.to_string(), "flags": 0},
    })
}

/// The embeds of an interaction callback or message body.
pub fn embeds_of(body: &Value) -> Vec<Value> {
    let data = body.get("data").unwrap_or(body);
    data.get("embeds")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

/// All text of the first embed (title, description, fields, footer), for
/// assertions that should not care where in the embed a thing sits.
pub fn embed_text(body: &Value) -> String {
    let Some(embed) = embeds_of(body).into_iter().next() else {
        return String::new();
    };
    let mut text = String::new();
    for key in ["/title", "/description", "/footer/text", "/author/name"] {
        if let Some(s) = embed.pointer(key).and_then(Value::as_str) {
            text.push_str(s);
            text.push('\n');
        }
    }
    if let Some(fields) = embed.get("fields").and_then(Value::as_array) {
        for f in fields {
            for key in ["name", "value"] {
                if let Some(s) = f.get(key).and_then(Value::as_str) {
                    text.push_str(s);
                    text.push('\n');
                }
            }
        }
    }
    text
}

/// The custom ids and labels of the buttons in a message or callback body.
pub fn buttons_of(body: &Value) -> Vec<(String, String)> {
    let data = body.get("data").unwrap_or(body);
    let mut out = Vec::new();
    for row in data
        .get("components")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        for c in row
            .get("components")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let id = c.get("custom_id").and_then(Value::as_str).unwrap_or("");
            let label = c.get("label").and_then(Value::as_str).unwrap_or("");
            out.push((id.to_string(), label.to_string()));
        }
    }
    out
}

/// Asserts that `allowed_mentions` in `body` (or its `data`) parses nothing
/// and names no user or role: nobody can be pinged.
pub fn assert_pings_nobody(body: &Value) {
    let data = body.get("data").unwrap_or(body);
    let am = data
        .get("allowed_mentions")
        .unwrap_or_else(|| panic!("no allowed_mentions in {data}"));
    assert_eq!(
        am.get("parse"),
        Some(&json!([])),
        "allowed_mentions parses something: {am}"
    );
    for key in ["users", "roles"] {
        let named = am.get(key).and_then(Value::as_array).map_or(0, Vec::len);
        assert_eq!(named, 0, "allowed_mentions names {key}: {am}");
    }
    assert_ne!(
        am.get("replied_user"),
        Some(&json!(true)),
        "reply pings its author: {am}"
    );
}
