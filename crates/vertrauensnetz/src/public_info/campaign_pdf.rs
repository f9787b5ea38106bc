//! Campaign material (poster, flyer, sticker) as PDF in every campaign
//! language, Latin, Cyrillic and Arabic alike (decision 0034): the text is
//! shaped with rustybuzz (Arabic joining forms and ligatures, right to
//! left), set in DejaVu Sans from the `dejavu` crate (the font bytes are
//! compiled in, nothing is read from the machine), embedded as a subset
//! (`subsetter`) in a CID font with a ToUnicode map, so the text stays
//! searchable and extractable.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use rustybuzz::{Direction, Face, UnicodeBuffer};

use crate::platform::i18n::{Lang, Tr};

/// Why a PDF could not be made (a font that does not load or subset).
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded font could not be read")]
    Font,
    #[error("the font could not be subset: {0}")]
    Subset(String),
}

/// Kinds of material and their page size in points.
pub const KINDS: [&str; 3] = ["poster", "flyer", "sticker"];

fn page_size(kind: &str) -> (f32, f32) {
    match kind {
        // A5
        "flyer" => (419.5, 595.3),
        // 100 mm round sticker on a square page
        "sticker" => (283.5, 283.5),
        // A4
        _ => (595.3, 841.9),
    }
}

const PURPLE: (f32, f32, f32) = (0.357, 0.165, 0.525);
const DARK: (f32, f32, f32) = (0.1, 0.1, 0.1);
const WHITE: (f32, f32, f32) = (1.0, 1.0, 1.0);

/// One shaped glyph: its id in the full font, its advance (font units) and
/// the text it stands for (empty for the second glyph of one character).
struct Glyph {
    gid: u16,
    advance: i32,
    text: String,
}

/// A run of text placed on the page.
struct TextRun {
    bold: bool,
    size: f32,
    x: f32,
    y: f32,
    color: (f32, f32, f32),
    glyphs: Vec<Glyph>,
}

struct Fonts {
    regular: Face<'static>,
    bold: Face<'static>,
}

impl Fonts {
    fn load() -> Result<Fonts, PdfError> {
        Ok(Fonts {
            regular: Face::from_slice(dejavu::sans::regular(), 0).ok_or(PdfError::Font)?,
            bold: Face::from_slice(dejavu::sans::bold(), 0).ok_or(PdfError::Font)?,
        })
    }

    fn face(&self, bold: bool) -> &Face<'static> {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }
}

fn data(bold: bool) -> &'static [u8] {
    if bold {
        dejavu::sans::bold()
    } else {
        dejavu::sans::regular()
    }
}

/// Whether a line is set right to left (it holds Arabic or Hebrew letters).
fn is_rtl(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF))
}

/// Shapes one line; glyphs come in visual order (left to right on the page).
fn shape(face: &Face<'_>, text: &str) -> Vec<Glyph> {
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(if is_rtl(text) {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    });
    buffer.guess_segment_properties();
    let out = rustybuzz::shape(face, &[], buffer);
    let infos = out.glyph_infos();
    let positions = out.glyph_positions();
    // Each cluster's text runs from its start to the next cluster's start
    // in logical order.
    let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let mut given = std::collections::HashSet::new();
    infos
        .iter()
        .zip(positions)
        .map(|(info, pos)| {
            let start = info.cluster as usize;
            let end = starts
                .iter()
                .find(|s| **s > start)
                .copied()
                .unwrap_or(text.len());
            let text = if given.insert(start) {
                text.get(start..end).unwrap_or("").to_owned()
            } else {
                String::new()
            };
            Glyph {
                gid: u16::try_from(info.glyph_id).unwrap_or(0),
                advance: pos.x_advance,
                text,
            }
        })
        .collect()
}

fn width(face: &Face<'_>, glyphs: &[Glyph], size: f32) -> f32 {
    let units: i32 = glyphs.iter().map(|g| g.advance).sum();
    units as f32 * size / face.units_per_em() as f32
}

/// Greedy wrapping at spaces by the shaped width.
fn wrap(face: &Face<'_>, text: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && width(face, &shape(face, &candidate), size) > max {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Lays out `text` centred at `cx`, wrapped to `max`, the first baseline
/// at `y`; returns the runs and the baseline below the last line.
#[allow(clippy::too_many_arguments)]
fn centred(
    fonts: &Fonts,
    runs: &mut Vec<TextRun>,
    text: &str,
    bold: bool,
    size: f32,
    cx: f32,
    y: f32,
    max: f32,
    color: (f32, f32, f32),
) -> f32 {
    let face = fonts.face(bold);
    let mut y = y;
    for line in wrap(face, text, size, max) {
        let glyphs = shape(face, &line);
        let w = width(face, &glyphs, size);
        runs.push(TextRun {
            bold,
            size,
            x: cx - w / 2.0,
            y,
            color,
            glyphs,
        });
        y -= size * 1.3;
    }
    y
}

/// A circle as four Bézier curves.
fn circle(c: &mut Content, cx: f32, cy: f32, r: f32) {
    let k = 0.552_284_8 * r;
    c.move_to(cx + r, cy);
    c.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    c.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    c.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    c.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    c.close_path();
}

/// The texts of one piece of material in one language.
pub struct MaterialText {
    pub title: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
}

impl MaterialText {
    pub fn of(scheme: &str, lang: Lang, city: &str) -> MaterialText {
        let t = Tr::new(lang);
        MaterialText {
            title: t.t(&format!("places-kind-{scheme}")).into_owned(),
            line1: t.t(&format!("places-material-{scheme}-line1")).into_owned(),
            line2: t.t(&format!("places-material-{scheme}-line2")).into_owned(),
            city: city.to_owned(),
        }
    }
}

/// The PDF of a poster, flyer or sticker.
pub fn material_pdf(kind: &str, lang_tag: &str, text: &MaterialText) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::load()?;
    let (w, h) = page_size(kind);
    let mut shapes = Content::new();
    let mut runs = Vec::new();
    let cx = w / 2.0;
    match kind {
        "sticker" => {
            shapes.set_fill_rgb(PURPLE.0, PURPLE.1, PURPLE.2);
            circle(&mut shapes, cx, h / 2.0, w / 2.0 - 2.0);
            shapes.fill_nonzero();
            shapes.set_stroke_rgb(1.0, 1.0, 1.0);
            shapes.set_line_width(4.0);
            circle(&mut shapes, cx, h / 2.0, w / 2.0 - 16.0);
            shapes.stroke();
            let y = centred(
                &fonts,
                &mut runs,
                &text.title,
                true,
                24.0,
                cx,
                h * 0.62,
                w * 0.72,
                WHITE,
            );
            let y = centred(
                &fonts,
                &mut runs,
                &text.line1,
                false,
                12.0,
                cx,
                y - 6.0,
                w * 0.7,
                WHITE,
            );
            centred(
                &fonts,
                &mut runs,
                &text.city,
                false,
                11.0,
                cx,
                y.min(h * 0.3) - 4.0,
                w * 0.6,
                WHITE,
            );
        }
        _ => {
            let flyer = kind == "flyer";
            let band = h * 0.27;
            shapes.set_fill_rgb(PURPLE.0, PURPLE.1, PURPLE.2);
            shapes.rect(0.0, h - band, w, band);
            shapes.fill_nonzero();
            let (title, body) = if flyer { (26.0, 15.0) } else { (36.0, 20.0) };
            let margin = w * 0.1;
            let max = w - 2.0 * margin;
            centred(
                &fonts,
                &mut runs,
                &text.title,
                true,
                title,
                cx,
                h - band * 0.45,
                max,
                WHITE,
            );
            let y = centred(
                &fonts,
                &mut runs,
                &text.line1,
                false,
                body,
                cx,
                h - band - body * 3.0,
                max,
                DARK,
            );
            centred(
                &fonts,
                &mut runs,
                &text.line2,
                true,
                body,
                cx,
                y - body,
                max,
                DARK,
            );
            centred(
                &fonts,
                &mut runs,
                &text.city,
                false,
                body * 0.8,
                cx,
                h * 0.08,
                max,
                DARK,
            );
        }
    }

    // Subset each font to the glyphs used; the new glyph ids are the CIDs.
    let mut used: [BTreeMap<u16, String>; 2] = [BTreeMap::new(), BTreeMap::new()];
    for r in &runs {
        let map = &mut used[usize::from(r.bold)];
        for g in &r.glyphs {
            let e = map.entry(g.gid).or_default();
            if e.is_empty() {
                e.clone_from(&g.text);
            }
        }
    }
    let mut remappers = [
        subsetter::GlyphRemapper::new(),
        subsetter::GlyphRemapper::new(),
    ];
    for (i, map) in used.iter().enumerate() {
        remappers[i].remap(0);
        for gid in map.keys() {
            remappers[i].remap(*gid);
        }
    }

    let mut content = shapes;
    for r in &runs {
        let face = fonts.face(r.bold);
        let upem = face.units_per_em() as f32;
        let remapper = &remappers[usize::from(r.bold)];
        content.set_fill_rgb(r.color.0, r.color.1, r.color.2);
        content.begin_text();
        content.set_font(Name(if r.bold { b"F2" } else { b"F1" }), r.size);
        content.next_line(r.x, r.y);
        {
            let mut show = content.show_positioned();
            let mut items = show.items();
            for g in &r.glyphs {
                let cid = remapper.get(g.gid).unwrap_or(0);
                items.show(Str(&cid.to_be_bytes()));
                let natural = face
                    .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(g.gid))
                    .map(i32::from)
                    .unwrap_or(0);
                let adjust = (natural - g.advance) as f32 * 1000.0 / upem;
                if adjust.abs() > 0.01 {
                    items.adjust(adjust);
                }
            }
        }
        content.end_text();
    }

    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let page_id = Ref::new(3);
    let content_id = Ref::new(4);
    let info = Ref::new(5);
    pdf.catalog(catalog).pages(tree).lang(TextStr(lang_tag));
    pdf.pages(tree).kids([page_id]).count(1);
    pdf.document_info(info)
        .title(TextStr(&format!("{} – {}", text.title, text.city)))
        .producer(TextStr("Vertrauensnetz"));
    let font_refs = [Ref::new(10), Ref::new(20)];
    {
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, w, h));
        page.parent(tree);
        page.contents(content_id);
        let mut res = page.resources();
        let mut f = res.fonts();
        f.pair(Name(b"F1"), font_refs[0]);
        f.pair(Name(b"F2"), font_refs[1]);
        f.finish();
        res.finish();
        page.finish();
    }
    pdf.stream(content_id, &content.finish());
    for (i, bold) in [false, true].into_iter().enumerate() {
        let face = fonts.face(bold);
        let upem = face.units_per_em() as f32;
        let scale = |v: f32| v * 1000.0 / upem;
        let base = if bold {
            Name(b"VNAAAB+DejaVuSans-Bold")
        } else {
            Name(b"VNAAAA+DejaVuSans")
        };
        let type0 = font_refs[i];
        let cid_ref = Ref::new(type0.get() + 1);
        let descriptor = Ref::new(type0.get() + 2);
        let file = Ref::new(type0.get() + 3);
        let cmap_ref = Ref::new(type0.get() + 4);
        let remapper = &remappers[i];
        let subset = subsetter::subset(data(bold), 0, remapper)
            .map_err(|e| PdfError::Subset(e.to_string()))?;
        let system = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        pdf.type0_font(type0)
            .base_font(base)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_ref)
            .to_unicode(cmap_ref);
        // Widths by new glyph id, in thousandths of the size.
        let mut widths = vec![0.0_f32; usize::from(remapper.num_gids())];
        for old in std::iter::once(0).chain(used[i].keys().copied()) {
            if let Some(new) = remapper.get(old) {
                let adv = face
                    .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(old))
                    .unwrap_or(0);
                if let Some(slot) = widths.get_mut(usize::from(new)) {
                    *slot = scale(f32::from(adv));
                }
            }
        }
        let mut cid = pdf.cid_font(cid_ref);
        cid.subtype(CidFontType::Type2)
            .base_font(base)
            .system_info(system)
            .font_descriptor(descriptor)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        cid.widths().consecutive(0, widths);
        cid.finish();
        let bbox = face.global_bounding_box();
        pdf.font_descriptor(descriptor)
            .name(base)
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(
                scale(f32::from(bbox.x_min)),
                scale(f32::from(bbox.y_min)),
                scale(f32::from(bbox.x_max)),
                scale(f32::from(bbox.y_max)),
            ))
            .italic_angle(0.0)
            .ascent(scale(f32::from(face.ascender())))
            .descent(scale(f32::from(face.descender())))
            .cap_height(scale(f32::from(
                face.capital_height().unwrap_or(face.ascender()),
            )))
            .stem_v(if bold { 140.0 } else { 80.0 })
            .font_file2(file);
        pdf.stream(file, &subset);
        let mut cmap = UnicodeCmap::new(Name(b"Custom"), system);
        for (old, text) in &used[i] {
            if let (Some(new), false) = (remapper.get(*old), text.is_empty()) {
                cmap.pair_with_multiple(new, text.chars());
            }
        }
        pdf.cmap(cmap_ref, &cmap.finish());
    }
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_is_shaped_right_to_left_and_latin_left_to_right() {
        let fonts = Fonts::load().unwrap();
        let ar = shape(&fonts.regular, "لويزا هنا");
        // Visual order: the first glyph on the page is the last letter.
        assert_eq!(ar.first().unwrap().text, "ا");
        assert!(ar.iter().all(|g| g.gid != 0), "DejaVu has Arabic glyphs");
        let de = shape(&fonts.regular, "Luisa");
        assert_eq!(de.first().unwrap().text, "L");
        let text: String = de.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "Luisa");
    }

    #[test]
    fn every_kind_makes_a_pdf_with_embedded_subset_fonts() {
        let text = MaterialText {
            title: "Луїза тут".into(),
            line1: "Тобі докучають або погрожують?".into(),
            line2: "Запитай біля стійки: «Луїза тут?» – ми допоможемо.".into(),
            city: "Dortmund".into(),
        };
        for kind in KINDS {
            let pdf = material_pdf(kind, "uk", &text).unwrap();
            assert!(pdf.starts_with(b"%PDF-"));
            let s = String::from_utf8_lossy(&pdf);
            assert!(s.contains("/FontFile2"));
            assert!(s.contains("/ToUnicode"));
            // A subset, not the whole 750 kB font twice.
            assert!(pdf.len() < 120_000, "{kind}: {}", pdf.len());
        }
    }
}
