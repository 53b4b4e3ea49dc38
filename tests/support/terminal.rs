//! The real binary at a pseudo-terminal, through script(1) (util-linux):
//! what a person at a terminal sees (progress, line editing), driven as
//! they would drive it.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::binary::{clean_env, data_home};

/// How long a terminal test waits for what it expects to be shown.
const WAIT: Duration = Duration::from_secs(60);

/// The binary at a pseudo-terminal (script(1)), so its standard streams
/// are a terminal, driven as a person would drive it: wait for what it
/// shows, then type.
pub struct Terminal {
    child: Child,
    keys: Option<ChildStdin>,
    shown: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
}

impl Terminal {
    /// Starts the binary in `dir` with `args`, its data directory in
    /// `dir` as [`super::binary::summit`] gives it.
    pub fn start(dir: &Path, args: &[&str]) -> Terminal {
        let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
        let mut line = quote(env!("CARGO_BIN_EXE_summit-bot"));
        for a in args {
            line.push(' ');
            line.push_str(&quote(a));
        }
        let mut cmd = Command::new("script");
        cmd.args(["--quiet", "--return", "--command", &line, "/dev/null"])
            .current_dir(dir)
            .env("HOME", dir)
            .env("XDG_DATA_HOME", data_home(dir))
            .env("TERM", "xterm")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        clean_env(&mut cmd);
        let mut child = cmd.spawn().expect("script(1) runs (util-linux)");
        let keys = child.stdin.take();
        let mut out = child.stdout.take().expect("stdout");
        let shown = Arc::new(Mutex::new(Vec::new()));
        let sink = shown.clone();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().expect("lock").extend_from_slice(&buf[..n]);
            }
        });
        Terminal {
            child,
            keys,
            shown,
            reader: Some(reader),
        }
    }

    /// All the terminal has shown so far.
    pub fn shown(&self) -> String {
        String::from_utf8_lossy(&self.shown.lock().expect("lock")).into_owned()
    }

    /// Waits until the terminal has shown `what` `times` times in all,
    /// and `prompt` after the last of them: ready for the next line.
    pub fn wait_for(&self, what: &str, times: usize, prompt: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            let shown = self.shown();
            let ready = shown
                .match_indices(what)
                .nth(times - 1)
                .is_some_and(|(at, _)| shown[at..].contains(prompt));
            if ready {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "never saw {what:?} {times} times, then the prompt: {shown:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Types `keys` (bytes as a terminal sends them: `\r` for Enter,
    /// `ESC [ A` for ↑).
    pub fn type_keys(&mut self, keys: &[u8]) {
        let stdin = self.keys.as_mut().expect("still typing");
        stdin
            .write_all(keys)
            .and_then(|()| stdin.flush())
            .expect("type");
    }

    /// Stops typing, waits for the program to end; whether it succeeded,
    /// and all the terminal showed.
    pub fn finish(mut self) -> (bool, String) {
        drop(self.keys.take());
        let status = self.child.wait().expect("script(1) ends");
        if let Some(reader) = self.reader.take() {
            reader.join().expect("reader");
        }
        (status.success(), self.shown())
    }
}
