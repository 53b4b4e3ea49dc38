//! Fingerprints of what the engine is built from besides the store, for the
//! stamp of a saved engine (`src/snapshot.rs`): the data files (compiled
//! in) and the source (the index's layout and every scoring rule). A
//! snapshot written by another build is then never trusted.

use std::path::{Path, PathBuf};

/// FNV-1a, 64 bits: stable across Rust versions (unlike `DefaultHasher`),
/// and a fingerprint, not a defence against anyone.
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// Every file under `dir`, sorted, so the hash does not depend on the
/// order the file system lists them in.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The hash of the files under each of `roots` (a root may be a file):
/// their paths and contents.
fn fingerprint(roots: &[&str]) -> String {
    let mut all = Vec::new();
    for root in roots {
        let path = Path::new(root);
        if path.is_dir() {
            files(path, &mut all);
        } else {
            all.push(path.to_path_buf());
        }
    }
    all.sort();
    let mut h = Fnv::new();
    for path in all {
        h.write(path.to_string_lossy().as_bytes());
        h.write(&[0]);
        if let Ok(bytes) = std::fs::read(&path) {
            h.write(&(bytes.len() as u64).to_le_bytes());
            h.write(&bytes);
        }
    }
    format!("{:016x}", h.0)
}

fn main() {
    for watched in ["data", "src", "Cargo.lock", "Cargo.toml", "build.rs"] {
        println!("cargo:rerun-if-changed={watched}");
    }
    println!(
        "cargo:rustc-env=SUMMIT_DATA_HASH={}",
        fingerprint(&["data"])
    );
    println!(
        "cargo:rustc-env=SUMMIT_SOURCE_HASH={}",
        fingerprint(&["src", "Cargo.lock", "Cargo.toml", "build.rs"])
    );
}
