//! Slices of plain numbers serialised as one run of little-endian bytes
//! (`#[serde(with = "crate::packed::boxed")]` or `crate::packed::vec`)
//! instead of one element at a time.
//!
//! A saved index is mostly such slices (each phrasing's term ids and
//! character pairs, each fact's meaning vectors), and decoding them element
//! by element through serde was most of a large store's start. As bytes,
//! a slice is one length and a copy. The values are the same bits either
//! way: a number written is the number read.
//!
//! Pure: knows nothing of what the numbers mean.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserializer, Serializer};

/// A number that is its little-endian bytes.
pub trait Plain: Copy {
    /// How many bytes one takes.
    const SIZE: usize;
    fn put(self, out: &mut Vec<u8>);
    /// Reads one from exactly [`Plain::SIZE`] bytes.
    fn get(bytes: &[u8]) -> Self;
    /// Reads every value of `bytes` (a whole number of them).
    fn get_all(bytes: &[u8]) -> Vec<Self> {
        bytes.chunks_exact(Self::SIZE).map(Self::get).collect()
    }
}

macro_rules! plain {
    ($($t:ty),*) => {$(
        impl Plain for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            fn put(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn get(bytes: &[u8]) -> Self {
                let mut b = [0; std::mem::size_of::<$t>()];
                b.copy_from_slice(bytes);
                <$t>::from_le_bytes(b)
            }
        }
    )*};
}

plain!(i8, u16, u32, u64, i64, f32);

/// Bytes are themselves: read as one copy (a saved table's facts are tens
/// of megabytes of them at 100,000 facts).
impl Plain for u8 {
    const SIZE: usize = 1;
    fn put(self, out: &mut Vec<u8>) {
        out.push(self);
    }
    fn get(bytes: &[u8]) -> Self {
        bytes[0]
    }
    fn get_all(bytes: &[u8]) -> Vec<Self> {
        bytes.to_vec()
    }
}

/// A pair of plain numbers, one after the other.
impl<A: Plain, B: Plain> Plain for (A, B) {
    const SIZE: usize = A::SIZE + B::SIZE;
    fn put(self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn get(bytes: &[u8]) -> Self {
        (A::get(&bytes[..A::SIZE]), B::get(&bytes[A::SIZE..]))
    }
}

/// Three plain numbers, one after the other.
impl<A: Plain, B: Plain, C: Plain> Plain for (A, B, C) {
    const SIZE: usize = A::SIZE + B::SIZE + C::SIZE;
    fn put(self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
        self.2.put(out);
    }
    fn get(bytes: &[u8]) -> Self {
        let (a, rest) = bytes.split_at(A::SIZE);
        let (b, c) = rest.split_at(B::SIZE);
        (A::get(a), B::get(b), C::get(c))
    }
}

fn serialize_slice<T: Plain, S: Serializer>(
    values: &[T],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut bytes = Vec::with_capacity(values.len() * T::SIZE);
    for &v in values {
        v.put(&mut bytes);
    }
    serializer.serialize_bytes(&bytes)
}

fn deserialize_vec<'de, T: Plain, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    deserializer.deserialize_byte_buf(Packed(PhantomData))
}

/// Reads the bytes of a packed slice (or, from a format without bytes,
/// the same bytes as a sequence).
struct Packed<T>(PhantomData<T>);

impl<T: Plain> Packed<T> {
    fn unpack<E: de::Error>(bytes: &[u8]) -> Result<Vec<T>, E> {
        if !bytes.len().is_multiple_of(T::SIZE) {
            return Err(E::invalid_length(
                bytes.len(),
                &"a whole number of packed values",
            ));
        }
        Ok(T::get_all(bytes))
    }
}

impl<'de, T: Plain> Visitor<'de> for Packed<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "packed values of {} bytes each", T::SIZE)
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Vec<T>, E> {
        Self::unpack(bytes)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut bytes = Vec::new();
        while let Some(b) = seq.next_element::<u8>()? {
            bytes.push(b);
        }
        Self::unpack(&bytes)
    }
}

/// For a `Vec` of plain numbers.
pub mod vec {
    use super::*;

    pub fn serialize<T: Plain, S: Serializer>(v: &[T], s: S) -> Result<S::Ok, S::Error> {
        serialize_slice(v, s)
    }

    pub fn deserialize<'de, T: Plain, D: Deserializer<'de>>(d: D) -> Result<Vec<T>, D::Error> {
        deserialize_vec(d)
    }
}

/// For a boxed slice of plain numbers.
pub mod boxed {
    use super::*;

    pub fn serialize<T: Plain, S: Serializer>(v: &[T], s: S) -> Result<S::Ok, S::Error> {
        serialize_slice(v, s)
    }

    pub fn deserialize<'de, T: Plain, D: Deserializer<'de>>(d: D) -> Result<Box<[T]>, D::Error> {
        deserialize_vec(d).map(Vec::into_boxed_slice)
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        #[serde(with = "super::vec")]
        ids: Vec<u32>,
        #[serde(with = "super::boxed")]
        values: Box<[i8]>,
        #[serde(with = "super::vec")]
        rows: Vec<(u32, f32, f32)>,
        after: String,
    }

    fn sample() -> Sample {
        Sample {
            ids: vec![0, 1, 300, u32::MAX],
            values: vec![-128, -1, 0, 127].into_boxed_slice(),
            rows: vec![(7, 0.1, -3.5e-7), (u32::MAX, f32::MAX, f32::MIN_POSITIVE)],
            after: "the field after them".into(),
        }
    }

    #[test]
    fn packed_values_read_back_bit_for_bit() {
        let bytes = postcard::to_allocvec(&sample()).expect("serialises");
        let back: Sample = postcard::from_bytes(&bytes).expect("deserialises");
        assert_eq!(back, sample());
        let bits = |s: &Sample| {
            s.rows
                .iter()
                .map(|r| (r.1.to_bits(), r.2.to_bits()))
                .collect::<Vec<_>>()
        };
        assert_eq!(bits(&back), bits(&sample()));
    }

    #[test]
    fn a_format_without_bytes_reads_them_back_as_a_sequence() {
        let text = serde_json::to_string(&sample()).expect("serialises");
        let back: Sample = serde_json::from_str(&text).expect("deserialises");
        assert_eq!(back, sample());
    }

    #[test]
    fn bytes_that_are_not_a_whole_number_of_values_are_refused() {
        // Three bytes where u32s were promised.
        let mut bytes = postcard::to_allocvec(&sample()).expect("serialises");
        bytes[0] = 3;
        assert!(postcard::from_bytes::<Sample>(&bytes).is_err());
    }
}
