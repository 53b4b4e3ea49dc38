//! Values by slot that, read back from a saved engine, stay as the bytes
//! they were saved as until first wanted, then are decoded once.
//!
//! A question reads a handful of a large store's facts and a few hundred of
//! its index's docs, while the store holds hundreds of thousands of each:
//! decoding every one at start (their texts and vectors, a dozen
//! allocations each) had been most of a 100,000-fact start. Used by the
//! engine's facts table and the index's docs; what their scans ask of every
//! value they keep decoded beside it.
//!
//! The saved bytes are [`Bytes`]: read from a file mapped in memory, they
//! stay in the file's pages, never copied.
//!
//! Pure: knows nothing of what the values are, or of files.

use std::cell::RefCell;
use std::fmt;
use std::ops::Deref;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use serde::de::{self, DeserializeOwned, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Bytes a value owns, or a part of a larger run of bytes it shares (a
/// snapshot file mapped in memory, see [`reading_from`]).
#[derive(Clone)]
pub enum Bytes {
    Owned(Vec<u8>),
    Shared {
        whole: Arc<dyn AsRef<[u8]> + Send + Sync>,
        start: usize,
        len: usize,
    },
}

impl Default for Bytes {
    fn default() -> Self {
        Bytes::Owned(Vec::new())
    }
}

impl Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Owned(v) => v,
            Bytes::Shared { whole, start, len } => &(**whole).as_ref()[*start..*start + *len],
        }
    }
}

impl fmt::Debug for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} bytes", self.len())
    }
}

thread_local! {
    /// What is being decoded on this thread, when it is a run of bytes
    /// that decoded [`Bytes`] may share rather than copy.
    static SOURCE: RefCell<Option<Arc<dyn AsRef<[u8]> + Send + Sync>>> = const { RefCell::new(None) };
}

/// Runs `decode`, which decodes from `whole`'s bytes: [`Bytes`] decoded
/// meanwhile share `whole` instead of copying their part of it.
pub fn reading_from<R>(whole: Arc<dyn AsRef<[u8]> + Send + Sync>, decode: impl FnOnce() -> R) -> R {
    /// Puts back what was there before, however `decode` ends.
    struct Restore(Option<Arc<dyn AsRef<[u8]> + Send + Sync>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let before = self.0.take();
            SOURCE.with(|s| *s.borrow_mut() = before);
        }
    }
    let _restore = Restore(SOURCE.with(|s| s.replace(Some(whole))));
    decode()
}

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_bytes(BytesVisitor)
    }
}

struct BytesVisitor;

impl<'de> Visitor<'de> for BytesVisitor {
    type Value = Bytes;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("bytes")
    }

    fn visit_borrowed_bytes<E: de::Error>(self, bytes: &'de [u8]) -> Result<Bytes, E> {
        let shared = SOURCE.with(|s| {
            let whole = s.borrow().clone()?;
            let base = (*whole).as_ref().as_ptr() as usize;
            let whole_len = (*whole).as_ref().len();
            let at = (bytes.as_ptr() as usize).checked_sub(base)?;
            (at + bytes.len() <= whole_len).then_some(Bytes::Shared {
                whole,
                start: at,
                len: bytes.len(),
            })
        });
        Ok(shared.unwrap_or_else(|| Bytes::Owned(bytes.to_vec())))
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Bytes, E> {
        Ok(Bytes::Owned(bytes.to_vec()))
    }

    fn visit_byte_buf<E: de::Error>(self, bytes: Vec<u8>) -> Result<Bytes, E> {
        Ok(Bytes::Owned(bytes))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Bytes, A::Error> {
        let mut bytes = Vec::new();
        while let Some(b) = seq.next_element::<u8>()? {
            bytes.push(b);
        }
        Ok(Bytes::Owned(bytes))
    }
}

pub struct Lazy<T> {
    /// Per slot: the value, once decoded (at once when put in).
    /// Boxed, so a value put in or taken out moves a pointer.
    slots: Vec<OnceLock<Box<T>>>,
    /// Per slot: where its saved bytes are in `encoded` (empty for a
    /// value put in, which is decoded).
    spans: Vec<(u64, u64)>,
    encoded: Bytes,
    /// Some saved value did not decode: the bytes it was read from are
    /// not what was saved (changed under the process), so whatever holds
    /// this must not be saved again (its damage would then carry a good
    /// checksum).
    damaged: AtomicBool,
}

impl<T> Default for Lazy<T> {
    fn default() -> Self {
        Lazy {
            slots: Vec::new(),
            spans: Vec::new(),
            encoded: Bytes::default(),
            damaged: AtomicBool::new(false),
        }
    }
}

impl<T: Serialize + DeserializeOwned> Lazy<T> {
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    pub fn push(&mut self, value: T) {
        self.insert(self.len(), value);
    }

    /// Puts `value` in slot `i`, the slots from `i` on moving up one.
    pub fn insert(&mut self, i: usize, value: T) {
        self.slots.insert(i, OnceLock::from(Box::new(value)));
        self.spans.insert(i, (0, 0));
    }

    /// Puts `value` in place of slot `i`'s.
    pub fn set(&mut self, i: usize, value: T) {
        self.slots[i] = OnceLock::from(Box::new(value));
        self.spans[i] = (0, 0);
    }

    /// Takes slot `i` out, the slots after it moving down one.
    pub fn remove(&mut self, i: usize) {
        self.slots.remove(i);
        self.spans.remove(i);
    }

    /// Slot `i`'s value, decoded if need be; None when its saved bytes do
    /// not decode or the decoded value is not `fits` (never expected: the
    /// file's checksum held and this build wrote it; the caller says so).
    pub fn get(&self, i: usize, fits: impl FnOnce(&T) -> bool) -> Option<&T> {
        if let Some(value) = self.slots[i].get() {
            return Some(value);
        }
        let value = self.decode(i, fits)?;
        Some(self.slots[i].get_or_init(|| Box::new(value)))
    }

    /// Slot `i`'s value, decoded if need be; `or()` (kept in its place)
    /// when its saved bytes do not decode or do not fit.
    pub fn get_or(&self, i: usize, fits: impl FnOnce(&T) -> bool, or: impl FnOnce() -> T) -> &T {
        self.slots[i].get_or_init(|| Box::new(self.decode(i, fits).unwrap_or_else(or)))
    }

    /// Slot `i`'s value to change, decoded if need be (`or()` as for
    /// [`Lazy::get_or`]).
    pub fn get_mut_or(
        &mut self,
        i: usize,
        fits: impl FnOnce(&T) -> bool,
        or: impl FnOnce() -> T,
    ) -> &mut T {
        if self.slots[i].get().is_none() {
            let value = self.decode(i, fits).unwrap_or_else(or);
            self.set(i, value);
        }
        self.slots[i].get_mut().expect("put in above")
    }

    /// Slot `i`'s saved value, if it decodes and `fits`; else None, and
    /// the values marked [damaged](Lazy::damaged) (said in the log once).
    fn decode(&self, i: usize, fits: impl FnOnce(&T) -> bool) -> Option<T> {
        let value = self
            .spans
            .get(i)
            .and_then(|&(start, end)| self.encoded.get(start as usize..end as usize))
            .and_then(|bytes| postcard::from_bytes(bytes).ok())
            .filter(fits);
        if value.is_none() && !self.damaged.swap(true, Ordering::Relaxed) {
            tracing::error!(
                slot = i,
                of = std::any::type_name::<T>(),
                "a value of the saved index does not decode (was the file changed in place?); \
                 this process will not save the index again"
            );
        }
        value
    }

    /// Whether some saved value did not decode.
    pub fn damaged(&self) -> bool {
        self.damaged.load(Ordering::Relaxed)
    }

    /// Every value's bytes one after another, and where each ends: a value
    /// never decoded is saved as the bytes it was read from, the others
    /// are encoded now.
    pub fn encode(&self) -> postcard::Result<(Vec<u64>, Vec<u8>)> {
        let mut encoded = Vec::new();
        let mut ends = Vec::with_capacity(self.len());
        for (slot, &(start, end)) in self.slots.iter().zip(&self.spans) {
            match slot.get() {
                Some(value) => encoded = postcard::to_extend(value.as_ref(), encoded)?,
                None => encoded.extend_from_slice(&self.encoded[start as usize..end as usize]),
            }
            ends.push(encoded.len() as u64);
        }
        Ok((ends, encoded))
    }

    /// Values saved by [`Lazy::encode`], none decoded yet; None when the
    /// ends do not fit the bytes.
    pub fn decoded_later(ends: &[u64], encoded: Bytes) -> Option<Self> {
        let whole = ends.last().map_or(0, |&e| e as usize);
        if whole != encoded.len() || ends.windows(2).any(|w| w[0] > w[1]) {
            return None;
        }
        Some(Lazy {
            slots: ends.iter().map(|_| OnceLock::new()).collect(),
            spans: ends
                .iter()
                .scan(0, |start, &end| Some((std::mem::replace(start, end), end)))
                .collect(),
            encoded,
            damaged: AtomicBool::new(false),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Lazy<String> {
        let mut lazy = Lazy::default();
        for s in ["one", "two", "three"] {
            lazy.push(s.to_string());
        }
        lazy
    }

    fn round_trip(lazy: &Lazy<String>) -> Lazy<String> {
        let (ends, encoded) = lazy.encode().expect("encodes");
        Lazy::decoded_later(&ends, Bytes::Owned(encoded)).expect("fits")
    }

    #[test]
    fn values_read_back_are_the_values_saved_and_decode_once_wanted() {
        let back = round_trip(&sample());
        assert!(!back.damaged());
        assert!(back.slots.iter().all(|s| s.get().is_none()));
        assert_eq!(back.get(1, |_| true).map(String::as_str), Some("two"));
        assert!(back.slots[1].get().is_some() && back.slots[0].get().is_none());
        assert_eq!(back.get(0, |_| true).map(String::as_str), Some("one"));
        assert_eq!(back.get(2, |_| true).map(String::as_str), Some("three"));
    }

    #[test]
    fn saved_again_decoded_or_not_the_bytes_are_the_same() {
        let saved = sample().encode().expect("encodes");
        let back = round_trip(&sample());
        assert_eq!(back.encode().expect("encodes"), saved);
        back.get(2, |_| true);
        assert_eq!(back.encode().expect("encodes"), saved);
    }

    #[derive(Serialize, Deserialize)]
    struct Saved {
        before: String,
        bytes: Bytes,
    }

    #[test]
    fn bytes_decoded_from_a_shared_run_share_it_and_read_the_same() {
        let saved = postcard::to_allocvec(&Saved {
            before: "x".into(),
            bytes: Bytes::Owned(vec![1, 2, 3, 250]),
        })
        .expect("encodes");
        let whole: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(saved.clone());
        let back: Saved = reading_from(whole.clone(), || postcard::from_bytes((*whole).as_ref()))
            .expect("decodes");
        assert!(matches!(back.bytes, Bytes::Shared { .. }));
        assert_eq!(&back.bytes[..], [1, 2, 3, 250]);
        // Elsewhere, or from other bytes, they are copied.
        let copied: Saved = postcard::from_bytes(&saved).expect("decodes");
        assert!(matches!(copied.bytes, Bytes::Owned(_)));
        assert_eq!(&copied.bytes[..], [1, 2, 3, 250]);
        assert_eq!(postcard::to_allocvec(&back).expect("encodes"), saved);
    }

    #[test]
    fn changes_after_reading_back_are_saved() {
        let mut back = round_trip(&sample());
        back.insert(1, "one and a half".into());
        back.remove(3);
        back.get_mut_or(0, |_| true, String::new).push('!');
        let again = round_trip(&back);
        let all: Vec<_> = (0..again.len())
            .filter_map(|i| again.get(i, |_| true))
            .collect();
        assert_eq!(all, ["one!", "one and a half", "two"]);
    }

    #[test]
    fn a_value_that_does_not_decode_or_fit_is_none() {
        let (mut ends, mut encoded) = sample().encode().expect("encodes");
        // The first value's length byte made longer than its text.
        encoded[0] = 9;
        let back =
            Lazy::<String>::decoded_later(&ends, Bytes::Owned(encoded.clone())).expect("fits");
        assert_eq!(back.get(0, |_| true), None);
        assert_eq!(back.get(1, |s| s == "two").map(String::as_str), Some("two"));
        assert_eq!(back.get(2, |s| s == "two"), None);
        assert!(back.damaged());
        assert_eq!(back.get_or(0, |_| true, || "none".into()), "none");
        assert_eq!(back.get_or(2, |_| true, || "none".into()), "three");
        ends[1] = ends[2] + 1;
        assert!(Lazy::<String>::decoded_later(&ends, Bytes::Owned(encoded)).is_none());
    }
}
