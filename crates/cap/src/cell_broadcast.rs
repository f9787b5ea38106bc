//! The text form of one info block for cell broadcast: headline, what to do,
//! then what happened, within 1,395 characters (15 pages of 93 characters).

use crate::model::Info;

/// The most characters one cell-broadcast message may carry.
pub const CELL_BROADCAST_MAX_CHARS: usize = 1395;

/// The text and its length in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellBroadcastText {
    pub text: String,
    pub chars: usize,
    /// Whether the description had to be shortened to fit.
    pub shortened: bool,
}

/// Headline, instruction and description (in that order: what to do
/// matters more than the background), each trimmed; the last part is cut at
/// a word boundary with "…" when the whole would be too long.
pub fn cell_broadcast_text(info: &Info) -> CellBroadcastText {
    let parts: Vec<&str> = [
        info.headline.as_deref().unwrap_or(info.event.as_str()),
        info.instruction.as_deref().unwrap_or(""),
        info.description.as_deref().unwrap_or(""),
    ]
    .into_iter()
    .map(str::trim)
    .filter(|p| !p.is_empty())
    .collect();
    let mut text = String::new();
    let mut used = 0usize;
    let mut shortened = false;
    for part in parts {
        let sep = if text.is_empty() { 0 } else { 2 };
        let len = part.chars().count();
        if used + sep + len <= CELL_BROADCAST_MAX_CHARS {
            if sep > 0 {
                text.push_str("\n\n");
            }
            text.push_str(part);
            used += sep + len;
            continue;
        }
        shortened = true;
        // Room for the separator and the ellipsis.
        let room = CELL_BROADCAST_MAX_CHARS.saturating_sub(used + sep + 1);
        if room < 20 {
            break;
        }
        let cut: String = part.chars().take(room).collect();
        let cut = match cut.rfind(char::is_whitespace) {
            Some(i) if i > cut.len() / 2 => &cut[..i],
            _ => cut.as_str(),
        };
        if sep > 0 {
            text.push_str("\n\n");
        }
        text.push_str(cut.trim_end());
        text.push('…');
        break;
    }
    let chars = text.chars().count();
    CellBroadcastText {
        text,
        chars,
        shortened,
    }
}
