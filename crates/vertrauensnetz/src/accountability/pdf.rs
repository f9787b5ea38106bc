//! A small PDF document builder on `pdf-writer` (see
//! docs/decisions/0023-pdf-writer.md): A4 pages, the base-14 Helvetica
//! fonts with WinAnsi encoding (German umlauts and ß, extractable text),
//! headings, wrapped paragraphs, label–value lines, signature lines and
//! horizontal bar charts drawn as paths.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
const BODY: f32 = 10.5;

/// Encodes text in WinAnsi (Windows-1252); characters outside it become
/// `?`.
pub fn win_ansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '\u{20}'..='\u{7e}' => c as u8,
            '\u{a0}'..='\u{ff}' => c as u32 as u8,
            '€' => 0x80,
            '‚' => 0x82,
            '„' => 0x84,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '\t' | '\n' | '\r' => b' ',
            _ => b'?',
        })
        .collect()
}

/// Helvetica's average advance is about half the size; a conservative
/// estimate for wrapping.
fn max_chars(size: f32, width: f32) -> usize {
    ((width / (size * 0.53)) as usize).max(10)
}

fn wrap(text: &str, limit: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > limit {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            let mut w = word.to_owned();
            while w.chars().count() > limit {
                let head: String = w.chars().take(limit).collect();
                lines.push(head);
                w = w.chars().skip(limit).collect();
            }
            line.push_str(&w);
        }
        lines.push(line);
    }
    lines
}

/// A document being written, page by page.
pub struct Doc {
    title: String,
    lang: String,
    pages: Vec<Content>,
    y: f32,
}

impl Doc {
    pub fn new(title: &str, lang: &str) -> Doc {
        let mut d = Doc {
            title: title.to_owned(),
            lang: lang.to_owned(),
            pages: vec![Content::new()],
            y: HEIGHT - MARGIN,
        };
        d.heading(title, 16.0);
        d
    }

    fn need(&mut self, height: f32) {
        if self.y - height < MARGIN {
            self.pages.push(Content::new());
            self.y = HEIGHT - MARGIN;
        }
    }

    fn page(&mut self) -> &mut Content {
        if self.pages.is_empty() {
            self.pages.push(Content::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn text_at(&mut self, x: f32, size: f32, bold: bool, text: &str) {
        let y = self.y;
        let bytes = win_ansi(text);
        let c = self.page();
        c.begin_text();
        c.set_font(Name(if bold { b"F2" } else { b"F1" }), size);
        c.next_line(x, y);
        c.show(Str(&bytes));
        c.end_text();
    }

    /// A heading (bold).
    pub fn heading(&mut self, text: &str, size: f32) {
        self.need(size * 2.2);
        self.y -= size * 0.6;
        for l in wrap(text, max_chars(size, WIDTH - 2.0 * MARGIN)) {
            self.need(size * 1.3);
            self.y -= size * 1.25;
            self.text_at(MARGIN, size, true, &l);
        }
        self.y -= size * 0.4;
    }

    /// A wrapped paragraph.
    pub fn para(&mut self, text: &str) {
        for l in wrap(text, max_chars(BODY, WIDTH - 2.0 * MARGIN)) {
            self.need(BODY * 1.5);
            self.y -= BODY * 1.4;
            self.text_at(MARGIN, BODY, false, &l);
        }
        self.y -= BODY * 0.5;
    }

    /// A label and its value on one line (the value wraps below).
    pub fn field(&mut self, label: &str, value: &str) {
        let col = 250.0;
        let lines = wrap(value, max_chars(BODY, WIDTH - MARGIN - col));
        self.need(BODY * 1.5);
        self.y -= BODY * 1.4;
        self.text_at(MARGIN, BODY, true, label);
        for (i, l) in lines.iter().enumerate() {
            if i > 0 {
                self.need(BODY * 1.5);
                self.y -= BODY * 1.4;
            }
            self.text_at(col, BODY, false, l);
        }
    }

    /// A line to sign on, with a caption below.
    pub fn signature(&mut self, caption: &str) {
        self.need(60.0);
        self.y -= 40.0;
        let y = self.y;
        let c = self.page();
        c.set_line_width(0.7);
        c.move_to(MARGIN, y);
        c.line_to(MARGIN + 220.0, y);
        c.stroke();
        self.y -= 12.0;
        self.text_at(MARGIN, 8.5, false, caption);
    }

    /// A horizontal bar chart: one bar per row, the value written after it.
    /// `None` values (suppressed) are drawn as a hatched stub and written as
    /// `suppressed_text`.
    pub fn bars(&mut self, rows: &[(String, Option<i64>)], suppressed_text: &str) {
        let max = rows.iter().filter_map(|r| r.1).max().unwrap_or(1).max(1) as f32;
        let label_w = 150.0;
        let bar_w = WIDTH - 2.0 * MARGIN - label_w - 60.0;
        for (label, value) in rows {
            self.need(16.0);
            self.y -= 15.0;
            let y = self.y;
            self.text_at(MARGIN, 9.0, false, label);
            let w = value.map(|v| (v as f32 / max) * bar_w).unwrap_or(4.0);
            let c = self.page();
            c.save_state();
            if value.is_some() {
                c.set_fill_rgb(0.13, 0.36, 0.62);
            } else {
                c.set_fill_gray(0.7);
            }
            c.rect(MARGIN + label_w, y - 2.0, w.max(0.5), 10.0);
            c.fill_nonzero();
            c.restore_state();
            let text = value
                .map(|v| v.to_string())
                .unwrap_or_else(|| suppressed_text.to_owned());
            self.text_at(MARGIN + label_w + w + 6.0, 9.0, false, &text);
        }
        self.y -= 6.0;
    }

    /// The finished file.
    pub fn finish(self) -> Vec<u8> {
        let mut pdf = Pdf::new();
        let catalog = Ref::new(1);
        let tree = Ref::new(2);
        let regular = Ref::new(3);
        let bold = Ref::new(4);
        let info = Ref::new(5);
        let n = self.pages.len();
        let page_ids: Vec<Ref> = (0..n).map(|i| Ref::new(10 + 2 * i as i32)).collect();
        pdf.catalog(catalog).pages(tree).lang(TextStr(&self.lang));
        pdf.pages(tree)
            .kids(page_ids.iter().copied())
            .count(n as i32);
        pdf.document_info(info)
            .title(TextStr(&self.title))
            .producer(TextStr("Vertrauensnetz"));
        pdf.type1_font(regular)
            .base_font(Name(b"Helvetica"))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
        pdf.type1_font(bold)
            .base_font(Name(b"Helvetica-Bold"))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
        for (i, content) in self.pages.into_iter().enumerate() {
            let page_id = Ref::new(10 + 2 * i as i32);
            let content_id = Ref::new(11 + 2 * i as i32);
            let mut page = pdf.page(page_id);
            page.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT));
            page.parent(tree);
            page.contents(content_id);
            let mut res = page.resources();
            let mut fonts = res.fonts();
            fonts.pair(Name(b"F1"), regular);
            fonts.pair(Name(b"F2"), bold);
            fonts.finish();
            res.finish();
            page.finish();
            let data = content.finish();
            pdf.stream(content_id, &data);
        }
        pdf.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlauts_are_win_ansi() {
        assert_eq!(
            win_ansi("Lünen ß €"),
            vec![b'L', 0xfc, b'n', b'e', b'n', b' ', 0xdf, b' ', 0x80]
        );
    }

    #[test]
    fn a_document_is_a_pdf() {
        let mut d = Doc::new("Bericht", "de");
        d.para(&"Wort ".repeat(400));
        d.bars(&[("A".into(), Some(3)), ("B".into(), None)], "< 5");
        let bytes = d.finish();
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(bytes.ends_with(b"%%EOF") || bytes.ends_with(b"%%EOF\n"));
    }
}
