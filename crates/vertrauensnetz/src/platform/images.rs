//! Uploaded images made safe to keep: the type is sniffed from the content
//! (never the name or the declared type), the picture is decoded under
//! size limits and written anew, which drops EXIF (GPS included), XMP,
//! IPTC, comments and anything appended; the orientation tag is applied to
//! the pixels first, since it goes too. Used by the complaint office and
//! the reports module. CPU-bound: call on the blocking pool.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat};

/// Why an image was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageProblem {
    /// Not one of the accepted types (by content).
    Type,
    /// Looked like an image but could not be decoded.
    Broken,
}

/// The image type of `data` by its content, if it is JPEG, PNG or WebP.
pub fn sniff(data: &[u8]) -> Option<ImageFormat> {
    match infer::get(data).map(|t| t.mime_type()) {
        Some("image/jpeg") => Some(ImageFormat::Jpeg),
        Some("image/png") => Some(ImageFormat::Png),
        Some("image/webp") => Some(ImageFormat::WebP),
        _ => None,
    }
}

/// Decodes an image of a known format under limits, with its orientation
/// applied.
pub fn decode(data: &[u8], format: ImageFormat) -> Result<DynamicImage, ImageProblem> {
    use image::ImageDecoder;
    let mut reader = image::ImageReader::with_format(Cursor::new(data), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| ImageProblem::Broken)?;
    let orientation = decoder.orientation().ok();
    let mut img = DynamicImage::from_decoder(decoder).map_err(|_| ImageProblem::Broken)?;
    if let Some(o) = orientation {
        img.apply_orientation(o);
    }
    Ok(img)
}

/// Writes pixels as JPEG (no alpha) or PNG, with no metadata at all.
pub fn encode(img: &DynamicImage, format: ImageFormat) -> Result<Vec<u8>, ImageProblem> {
    let mut out = Cursor::new(Vec::new());
    let written = match format {
        ImageFormat::Png => img.write_to(&mut out, ImageFormat::Png),
        _ => DynamicImage::ImageRgb8(img.to_rgb8()).write_to(&mut out, ImageFormat::Jpeg),
    };
    written.map_err(|_| ImageProblem::Broken)?;
    Ok(out.into_inner())
}

/// Decodes and re-encodes in the same family (PNG stays PNG; JPEG and
/// WebP become JPEG).
pub fn reencode(data: &[u8], format: ImageFormat) -> Result<Vec<u8>, ImageProblem> {
    encode(&decode(data, format)?, format)
}

/// A photo cleaned for storing: the picture and a thumbnail, both without
/// metadata.
pub struct CleanPhoto {
    pub mime: &'static str,
    pub data: Vec<u8>,
    pub thumbnail: Vec<u8>,
}

/// Sniffs, decodes and re-encodes a photo and makes a thumbnail of at
/// most `thumb_px` on the longer side (always JPEG).
pub fn clean_photo(data: &[u8], thumb_px: u32) -> Result<CleanPhoto, ImageProblem> {
    let format = sniff(data).ok_or(ImageProblem::Type)?;
    let img = decode(data, format)?;
    let (out_format, mime) = match format {
        ImageFormat::Png => (ImageFormat::Png, "image/png"),
        _ => (ImageFormat::Jpeg, "image/jpeg"),
    };
    let full = encode(&img, out_format)?;
    let thumb = img.thumbnail(thumb_px, thumb_px);
    Ok(CleanPhoto {
        mime,
        data: full,
        thumbnail: encode(&thumb, ImageFormat::Jpeg)?,
    })
}
