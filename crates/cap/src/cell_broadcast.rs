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

/// How a text is sent: in the GSM 7-bit default alphabet (3GPP TS 23.038,
/// "GSM 03.38") or, as soon as one character is outside it, in UCS-2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Gsm7,
    Ucs2,
}

impl Encoding {
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Gsm7 => "GSM-7",
            Encoding::Ucs2 => "UCS-2",
        }
    }

    /// Characters (septets or UCS-2 code units) of a message sent as a
    /// single page, and of each page of a concatenated message (the rest of
    /// a concatenated page carries the concatenation header).
    pub fn page_sizes(self) -> (usize, usize) {
        match self {
            Encoding::Gsm7 => (160, 153),
            Encoding::Ucs2 => (70, 67),
        }
    }
}

/// The GSM 03.38 default alphabet (one septet each).
const GSM7_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// The extension table: an escape septet plus one, so two each.
const GSM7_EXTENSION: &str = "\u{c}^{}\\[~]|€";

/// Septets a character needs in GSM-7, or `None` outside the alphabet.
pub fn gsm7_septets(c: char) -> Option<usize> {
    if GSM7_BASIC.contains(c) {
        Some(1)
    } else if GSM7_EXTENSION.contains(c) {
        Some(2)
    } else {
        None
    }
}

/// The length of a text as sent and the pages it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segments {
    pub encoding: Encoding,
    /// Septets (GSM-7, extension characters count 2) or UTF-16 code units
    /// (UCS-2; a character beyond the Basic Multilingual Plane counts 2).
    pub units: usize,
    pub pages: usize,
}

/// Encoding, length and page count of `text`: 160 septets fit one page,
/// longer texts take pages of 153; in UCS-2 70 and 67.
pub fn segments(text: &str) -> Segments {
    let gsm: Option<usize> = text.chars().map(gsm7_septets).sum();
    let (encoding, units) = match gsm {
        Some(n) => (Encoding::Gsm7, n),
        None => (Encoding::Ucs2, text.encode_utf16().count()),
    };
    let (single, multi) = encoding.page_sizes();
    let pages = if units == 0 {
        0
    } else if units <= single {
        1
    } else {
        units.div_ceil(multi)
    };
    Segments {
        encoding,
        units,
        pages,
    }
}

#[cfg(test)]
mod segment_tests {
    use super::*;

    #[test]
    fn plain_german_is_gsm7_and_pages_follow_160_and_153() {
        let s = segments("Hitzewarnung für Dortmund: Trinken Sie viel Wasser.");
        assert_eq!(s.encoding, Encoding::Gsm7);
        assert_eq!(s.units, 51);
        assert_eq!(s.pages, 1);
        assert_eq!(segments(&"a".repeat(160)).pages, 1);
        assert_eq!(segments(&"a".repeat(161)).pages, 2);
        assert_eq!(segments(&"a".repeat(306)).pages, 2);
        assert_eq!(segments(&"a".repeat(307)).pages, 3);
        assert_eq!(segments("").pages, 0);
    }

    #[test]
    fn extension_characters_count_two_septets() {
        // € [ ] each take an escape and a septet.
        let s = segments("Preis 5 € [sic]");
        assert_eq!(s.encoding, Encoding::Gsm7);
        assert_eq!(s.units, 15 + 3);
        // 80 euro signs are 160 septets: one page; 81 are two.
        assert_eq!(segments(&"€".repeat(80)).pages, 1);
        assert_eq!(segments(&"€".repeat(81)).pages, 2);
    }

    #[test]
    fn turkish_cyrillic_and_arabic_switch_to_ucs2_with_70_and_67() {
        // ş, ğ and ı are not in GSM 03.38 (ç is only as capital Ç).
        for text in ["Dışarı çıkmayın", "Не выходите", "ابقوا في المنازل", "ğ"]
        {
            assert_eq!(segments(text).encoding, Encoding::Ucs2, "{text}");
        }
        let s = segments("Не выходите из дома.");
        assert_eq!(s.units, 20);
        assert_eq!(s.pages, 1);
        assert_eq!(segments(&"ж".repeat(70)).pages, 1);
        assert_eq!(segments(&"ж".repeat(71)).pages, 2);
        assert_eq!(segments(&"ж".repeat(134)).pages, 2);
        assert_eq!(segments(&"ж".repeat(135)).pages, 3);
        // One character outside the alphabet turns a German text to UCS-2.
        let s = segments(&format!("{}ş", "a".repeat(100)));
        assert_eq!((s.encoding, s.units, s.pages), (Encoding::Ucs2, 101, 2));
        // Outside the BMP a character takes two code units.
        assert_eq!(segments("⚠️🚨").units, 4);
    }
}
