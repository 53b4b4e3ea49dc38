//! The lexicon: named entities and their variants (Rowhani/Rouhani,
//! Ankara for Turkey), synonym groups and chat shorthand, from
//! `data/entities.toml`. Pure data and lookups.

/// The shipped lexicon.
pub const BUILTIN_ENTITIES: &str = include_str!("../data/entities.toml");

#[derive(Debug, Default)]
pub struct Lexicon {}

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("entities file does not parse: {0}")]
    Parse(#[from] toml::de::Error),
}

impl Lexicon {
    pub fn builtin() -> Result<Self, LexiconError> {
        Ok(Lexicon {})
    }
}
