//! Common Alerting Protocol 1.2 (OASIS, 2010): the message model, a writer
//! that refuses to write an invalid message, a reader that checks documents
//! from elsewhere against the schema's structure and the specification's §3
//! rules, and the short text form for cell broadcast.
//!
//! No database and no HTTP here; the application wires it in.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod cell_broadcast;
mod model;
mod read;
mod validate;
mod write;

pub use cell_broadcast::{
    cell_broadcast_text, gsm7_septets, segments, CellBroadcastText, Encoding, Segments,
    CELL_BROADCAST_MAX_CHARS,
};
pub use model::*;
pub use read::{parse, parse_timestamp, MAX_BYTES};
pub use validate::{is_language_tag, problems, Problem, Problems};
pub use write::to_xml;

/// A CAP timestamp: seconds and a numeric offset, never `Z` (§3.3.2).
pub fn format_timestamp(t: &Timestamp) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

#[cfg(test)]
mod tests;
