//! Text normalisation (being written).
