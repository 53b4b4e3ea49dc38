//! The matcher (being written).
