//! Stopping cleanly: SIGTERM (`systemctl stop`, `docker stop`) and SIGINT
//! (Ctrl-C) both close the gateway connection with a normal close, and
//! the events being handled then (an answer on its way, its question-log
//! write) are given a few seconds to finish before the process exits.
//!
//! Knows nothing of commands or replies: it counts events in flight around
//! the framework, whatever they are.

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude as serenity;
use tokio::sync::watch;

/// How long events in flight may take to finish once the connection is
/// closed: well inside the 10 s systemd and Docker wait before SIGKILL,
/// and far more than an answer and its log write take.
pub const DRAIN_WITHIN: Duration = Duration::from_secs(3);

/// Starts listening for SIGTERM and SIGINT now (a signal before this would
/// still kill the process outright), and returns a receiver that turns
/// `true` when one arrives.
pub fn on_signal() -> watch::Receiver<bool> {
    let (stop, stopped) = watch::channel(false);
    let signals = Signals::new();
    tokio::spawn(async move {
        let Some(name) = signals.recv().await else {
            // No handler could be installed: never report a stop, and keep
            // the sender alive so nobody reads its drop as one.
            std::future::pending::<()>().await;
            return;
        };
        tracing::info!(signal = name, "stopping: disconnecting from Discord");
        let _ = stop.send(true);
    });
    stopped
}

/// Waits until `stopped` turns `true`.
pub async fn wait(mut stopped: watch::Receiver<bool>) {
    if stopped.wait_for(|s| *s).await.is_err() {
        // The sender never goes away (see `on_signal`); if it did, this is
        // no stop.
        std::future::pending::<()>().await;
    }
}

#[cfg(unix)]
struct Signals {
    term: Option<tokio::signal::unix::Signal>,
    int: Option<tokio::signal::unix::Signal>,
}

#[cfg(unix)]
impl Signals {
    fn new() -> Signals {
        use tokio::signal::unix::{signal, SignalKind};
        let listen = |kind: SignalKind, name: &str| match signal(kind) {
            Ok(s) => Some(s),
            Err(error) => {
                tracing::warn!(%error, signal = name, "cannot listen for the signal");
                None
            }
        };
        Signals {
            term: listen(SignalKind::terminate(), "SIGTERM"),
            int: listen(SignalKind::interrupt(), "SIGINT"),
        }
    }

    /// The name of the first signal to arrive; None if neither can.
    async fn recv(mut self) -> Option<&'static str> {
        async fn next(s: &mut Option<tokio::signal::unix::Signal>) -> Option<()> {
            match s {
                Some(s) => s.recv().await,
                None => std::future::pending().await,
            }
        }
        if self.term.is_none() && self.int.is_none() {
            return None;
        }
        tokio::select! {
            Some(()) = next(&mut self.term) => Some("SIGTERM"),
            Some(()) = next(&mut self.int) => Some("SIGINT"),
            else => None,
        }
    }
}

#[cfg(not(unix))]
struct Signals;

#[cfg(not(unix))]
impl Signals {
    fn new() -> Signals {
        Signals
    }

    async fn recv(self) -> Option<&'static str> {
        tokio::signal::ctrl_c().await.ok().map(|()| "Ctrl-C")
    }
}

/// Counts the events being handled.
#[derive(Clone)]
pub struct InFlight(Arc<watch::Sender<usize>>);

impl Default for InFlight {
    fn default() -> InFlight {
        InFlight(Arc::new(watch::channel(0).0))
    }
}

/// One event being handled; counted until dropped.
pub struct Handling(InFlight);

impl Drop for Handling {
    fn drop(&mut self) {
        self.0 .0.send_modify(|n| *n = n.saturating_sub(1));
    }
}

impl InFlight {
    pub fn enter(&self) -> Handling {
        self.0.send_modify(|n| *n += 1);
        Handling(self.clone())
    }

    /// Waits until no event is being handled, or `within` has passed.
    /// Returns how many were still running.
    pub async fn drain(&self, within: Duration) -> usize {
        let mut count = self.0.subscribe();
        let drained = tokio::time::timeout(within, count.wait_for(|n| *n == 0))
            .await
            .is_ok();
        if drained {
            0
        } else {
            *self.0.borrow()
        }
    }
}

/// The framework with every event it handles counted in an [`InFlight`].
pub struct Counted<F> {
    pub inner: F,
    pub in_flight: InFlight,
}

#[::serenity::async_trait]
impl<F: serenity::Framework> serenity::Framework for Counted<F> {
    async fn init(&mut self, client: &serenity::Client) {
        self.inner.init(client).await;
    }

    async fn dispatch(&self, ctx: serenity::Context, event: serenity::FullEvent) {
        let _handling = self.in_flight.enter();
        self.inner.dispatch(ctx, event).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn drain_waits_for_events_in_flight_and_no_longer_than_told() {
        let in_flight = InFlight::default();
        assert_eq!(in_flight.drain(Duration::from_millis(10)).await, 0);

        let handling = in_flight.enter();
        let _stuck = in_flight.enter();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(50)).await;
            drop(handling);
        });
        // One finishes, one never does: the wait ends at the limit.
        assert_eq!(in_flight.drain(Duration::from_millis(300)).await, 1);
    }
}
