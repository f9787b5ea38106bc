//! The complaint's vocabulary (statuses, outcomes, categories, …), the
//! intake form parsed once, and attachment checks: the type is sniffed from
//! the content, images are decoded and re-encoded (which drops EXIF, XMP,
//! IPTC, comments and anything appended), PDFs are checked for their
//! signature.

use serde::{Deserialize, Serialize};

/// Generates a closed vocabulary with its stored text.
macro_rules! vocabulary {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }
    };
}

vocabulary!(
    /// Where a case stands.
    Status {
        Received = "received",
        Acknowledged = "acknowledged",
        InReview = "in_review",
        Forwarded = "forwarded",
        InConciliation = "in_conciliation",
        Closed = "closed",
    }
);

vocabulary!(
    /// How a closed case ended.
    Outcome {
        Upheld = "upheld",
        PartlyUpheld = "partly_upheld",
        NotUpheld = "not_upheld",
        Conciliated = "conciliated",
        Withdrawn = "withdrawn",
        NotInRemit = "not_in_remit",
    }
);

vocabulary!(
    /// What the complaint is about (set by the caseworker).
    Category {
        Communication = "communication",
        Disproportionate = "disproportionate",
        Discrimination = "discrimination",
        Force = "force",
        DataProtection = "data_protection",
        Other = "other",
    }
);

vocabulary!(
    /// Whose staff the complaint concerns.
    Authority {
        Police = "police",
        Kod = "kod",
        Unknown = "unknown",
    }
);

vocabulary!(
    /// How the complainant may be reached.
    ContactMode {
        Anonymous = "anonymous",
        Confidential = "confidential",
    }
);

vocabulary!(
    /// What may be passed on to the authority.
    Consent {
        None = "none",
        WithoutIdentity = "without_identity",
        WithIdentity = "with_identity",
    }
);

vocabulary!(
    /// What the complainant wants.
    Wish {
        Advice = "advice",
        Clarification = "clarification",
        Apology = "apology",
        Review = "review",
        Other = "other",
    }
);

/// Fluent id of a vocabulary value, e.g. `complaints-status-in-review`.
pub fn key(prefix: &str, value: &str) -> String {
    format!("complaints-{prefix}-{}", value.replace('_', "-"))
}

/// The encrypted content of a complaint (one JSON document).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Body {
    pub what: String,
    pub when: String,
    pub district: String,
    pub place: String,
    pub service_number: String,
    pub stop_receipt: String,
    pub witnesses: String,
    pub wishes: Vec<String>,
    pub wish_other: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
}

pub const MAX_TEXT: usize = 20_000;
pub const MAX_LINE: usize = 300;

/// The intake form as submitted (all fields text; files apart).
#[derive(Debug, Clone, Default)]
pub struct IntakeForm {
    pub what: String,
    pub when: String,
    pub district: String,
    pub place: String,
    pub authority: String,
    pub service_number: String,
    pub stop_receipt: String,
    pub witnesses: String,
    pub wishes: Vec<String>,
    pub wish_other: String,
    pub contact_mode: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub consent: String,
}

impl IntakeForm {
    /// Takes one text field of the multipart form.
    pub fn set(&mut self, name: &str, value: String) {
        match name {
            "what" => self.what = value,
            "when" => self.when = value,
            "district" => self.district = value,
            "place" => self.place = value,
            "authority" => self.authority = value,
            "service_number" => self.service_number = value,
            "stop_receipt" => self.stop_receipt = value,
            "witnesses" => self.witnesses = value,
            "wish" => self.wishes.push(value),
            "wish_other" => self.wish_other = value,
            "contact_mode" => self.contact_mode = value,
            "contact_name" => self.contact_name = value,
            "contact_email" => self.contact_email = value,
            "contact_phone" => self.contact_phone = value,
            "consent" => self.consent = value,
            _ => {}
        }
    }

    pub fn has_wish(&self, w: &str) -> bool {
        self.wishes.iter().any(|x| x == w)
    }
}

/// A checked intake.
#[derive(Debug, Clone)]
pub struct Intake {
    pub body: Body,
    pub authority: Authority,
    pub contact_mode: ContactMode,
    pub consent: Consent,
}

/// Which field is wrong and the Fluent id of the message.
pub type FieldProblem = (&'static str, &'static str);

fn too_long(s: &str, max: usize) -> bool {
    s.chars().count() > max
}

impl IntakeForm {
    pub fn check(&self) -> Result<Intake, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let what = self.what.trim();
        if what.is_empty() {
            problems.push(("what", "complaints-error-what"));
        } else if too_long(what, MAX_TEXT) {
            problems.push(("what", "complaints-error-too-long"));
        }
        for (field, value, max) in [
            ("when", &self.when, MAX_LINE),
            ("district", &self.district, MAX_LINE),
            ("place", &self.place, MAX_LINE),
            ("service_number", &self.service_number, MAX_LINE),
            ("stop_receipt", &self.stop_receipt, MAX_LINE),
            ("witnesses", &self.witnesses, MAX_TEXT),
            ("wish_other", &self.wish_other, MAX_LINE),
            ("contact_name", &self.contact_name, MAX_LINE),
            ("contact_phone", &self.contact_phone, MAX_LINE),
        ] {
            if too_long(value.trim(), max) {
                problems.push((field, "complaints-error-too-long"));
            }
        }
        let authority = Authority::parse(&self.authority);
        if authority.is_none() {
            problems.push(("authority", "complaints-error-authority"));
        }
        let contact_mode = ContactMode::parse(&self.contact_mode);
        match contact_mode {
            None => problems.push(("contact_mode", "complaints-error-contact-mode")),
            Some(ContactMode::Confidential) => {
                let email = self.contact_email.trim();
                if self.contact_name.trim().is_empty()
                    || (email.is_empty() && self.contact_phone.trim().is_empty())
                {
                    problems.push(("contact_name", "complaints-error-contact"));
                }
                if !email.is_empty() && !crate::platform::mail::valid_address(email) {
                    problems.push(("contact_email", "complaints-error-email"));
                }
            }
            Some(ContactMode::Anonymous) => {}
        }
        let consent = Consent::parse(&self.consent);
        match consent {
            None => problems.push(("consent", "complaints-error-consent")),
            Some(Consent::WithIdentity) if contact_mode == Some(ContactMode::Anonymous) => {
                problems.push(("consent", "complaints-error-consent-anonymous"))
            }
            _ => {}
        }
        let mut wishes = Vec::new();
        for w in &self.wishes {
            match Wish::parse(w) {
                Some(w) if !wishes.contains(&w.as_str().to_owned()) => {
                    wishes.push(w.as_str().to_owned())
                }
                Some(_) => {}
                None => problems.push(("wish", "complaints-error-wish")),
            }
        }
        let (Some(authority), Some(contact_mode), Some(consent), true) =
            (authority, contact_mode, consent, problems.is_empty())
        else {
            return Err(problems);
        };
        let anonymous = contact_mode == ContactMode::Anonymous;
        let keep = |s: &str| s.trim().to_owned();
        Ok(Intake {
            body: Body {
                what: keep(what),
                when: keep(&self.when),
                district: keep(&self.district),
                place: keep(&self.place),
                service_number: keep(&self.service_number),
                stop_receipt: keep(&self.stop_receipt),
                witnesses: keep(&self.witnesses),
                wishes,
                wish_other: keep(&self.wish_other),
                contact_name: if anonymous {
                    String::new()
                } else {
                    keep(&self.contact_name)
                },
                contact_email: if anonymous {
                    String::new()
                } else {
                    keep(&self.contact_email)
                },
                contact_phone: if anonymous {
                    String::new()
                } else {
                    keep(&self.contact_phone)
                },
            },
            authority,
            contact_mode,
            consent,
        })
    }
}

/// A checked attachment, ready to encrypt.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub name: String,
    pub mime: &'static str,
    pub data: Vec<u8>,
}

/// Why an attachment was refused (Fluent ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    TooLarge,
    Type,
    Broken,
}

impl FileProblem {
    pub fn key(self) -> &'static str {
        match self {
            FileProblem::TooLarge => "complaints-error-file-size",
            FileProblem::Type => "complaints-error-file-type",
            FileProblem::Broken => "complaints-error-file-broken",
        }
    }
}

/// A file name safe to show and to offer for download.
pub fn clean_name(name: &str, ext: &str) -> String {
    let stem: String = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ' '))
        .take(80)
        .collect();
    let stem = stem.trim().trim_start_matches('.');
    let base = stem.rsplit_once('.').map(|(s, _)| s).unwrap_or(stem);
    let base = if base.is_empty() { "attachment" } else { base };
    format!("{base}.{ext}")
}

/// Checks an uploaded file: the content decides the type (the name and the
/// declared type are ignored); JPEG and PNG are decoded and written anew
/// without any metadata; PDFs must start with the PDF signature. Runs
/// CPU-bound work, so call it on the blocking pool.
pub fn check_attachment(name: &str, data: Vec<u8>, max: usize) -> Result<Attachment, FileProblem> {
    if data.len() > max {
        return Err(FileProblem::TooLarge);
    }
    let kind = infer::get(&data).map(|t| t.mime_type());
    match kind {
        Some("image/jpeg") => Ok(Attachment {
            name: clean_name(name, "jpg"),
            mime: "image/jpeg",
            data: reencode(&data, image::ImageFormat::Jpeg)?,
        }),
        Some("image/png") => Ok(Attachment {
            name: clean_name(name, "png"),
            mime: "image/png",
            data: reencode(&data, image::ImageFormat::Png)?,
        }),
        Some("application/pdf") if data.starts_with(b"%PDF-") => Ok(Attachment {
            name: clean_name(name, "pdf"),
            mime: "application/pdf",
            data,
        }),
        _ => Err(FileProblem::Type),
    }
}

fn reencode(data: &[u8], format: image::ImageFormat) -> Result<Vec<u8>, FileProblem> {
    crate::platform::images::reencode(data, format).map_err(|_| FileProblem::Broken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn executable_named_jpg_is_refused() {
        let mut elf = b"\x7fELF\x02\x01\x01\x00".to_vec();
        elf.extend(vec![0u8; 200]);
        assert_eq!(
            check_attachment("photo.jpg", elf, 1 << 20).unwrap_err(),
            FileProblem::Type
        );
        let mut pe = b"MZ\x90\x00".to_vec();
        pe.extend(vec![0u8; 200]);
        assert_eq!(
            check_attachment("photo.jpg", pe, 1 << 20).unwrap_err(),
            FileProblem::Type
        );
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(clean_name("../../etc/passwd", "pdf"), "passwd.pdf");
        assert_eq!(clean_name("Foto 1.JPG", "jpg"), "Foto 1.jpg");
        assert_eq!(clean_name("", "png"), "attachment.png");
    }
}
