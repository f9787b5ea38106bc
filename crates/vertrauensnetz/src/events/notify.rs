//! The event mails. Every message names the event's date, time and place,
//! in the registrant's language (the one they registered in), with the
//! event's title in that language where the organisers translated it.
//!
//! Transactional mails (confirmation, waiting list, offer of a freed place,
//! expiry of an offer, cancellation of the event) always go out. Bulk mails
//! (the reminder the day before) carry a private unsubscribe link and are
//! not sent to addresses that turned bulk mail off on the tenant.

use chrono::{DateTime, Utc};

use super::store::{self, Event, Offer, Registration};
use crate::platform::db::{DbError, Timestamp, Tx};
use crate::platform::i18n::{Lang, Tr};
use crate::platform::mail::{self, OutgoingMail};
use crate::platform::tenants::TenantId;

/// Local date and time of an event for messages, e.g. "28.11.2025, 16:00".
pub fn local_when(t: DateTime<Utc>, time_zone: &str) -> String {
    match time_zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => t.with_timezone(&tz).format("%d.%m.%Y, %H:%M").to_string(),
        Err(_) => t.format("%d.%m.%Y, %H:%M UTC").to_string(),
    }
}

/// What a mail says about the event.
#[derive(Debug, Clone)]
pub struct MailEvent {
    pub title: String,
    pub when: String,
    pub place: String,
}

impl MailEvent {
    /// The event as a mail in `lang` names it (`translation`: the title in
    /// that language, if any).
    pub fn new(e: &Event, translation: Option<&str>) -> MailEvent {
        MailEvent {
            title: translation.unwrap_or(&e.title).to_owned(),
            when: local_when(e.starts_at.0, &e.time_zone),
            place: e.place(),
        }
    }

    /// Loads the title in `lang` inside the transaction.
    pub async fn load(
        tx: &mut Tx,
        tenant: TenantId,
        e: &Event,
        lang: Lang,
    ) -> Result<MailEvent, DbError> {
        let t = if lang == Lang::De {
            None
        } else {
            store::translation_tx(tx, tenant, e.event_id, lang.tag()).await?
        };
        Ok(MailEvent::new(e, t.as_ref().map(|(t, _)| t.as_str())))
    }
}

/// A registrant's language (German if the stored tag is unknown).
pub fn lang_of(r: &Registration) -> Lang {
    Lang::parse(&r.lang).unwrap_or(Lang::De)
}

/// Builds a mail: greeting, the message body, optional extra lines, the
/// date, time and place, and an optional link with its introduction.
pub fn compose(
    tr: &Tr,
    e: &MailEvent,
    name: &str,
    to: &str,
    key: &str,
    extra: &[String],
    links: &[(String, String)],
) -> OutgoingMail {
    let mut body = format!("{}\n\n", tr.t1("events-mail-greeting", "name", name));
    body.push_str(&tr.t1(&format!("{key}-body"), "title", &e.title));
    for line in extra {
        body.push('\n');
        body.push_str(line);
    }
    body.push_str(&format!(
        "\n\n{}: {}\n{}: {}\n",
        tr.t("events-mail-when"),
        e.when,
        tr.t("events-mail-where"),
        e.place,
    ));
    for (intro, link) in links {
        body.push_str(&format!("\n{intro}\n{link}\n"));
    }
    OutgoingMail {
        to: to.to_owned(),
        subject: format!(
            "{}: {} ({})",
            tr.t(&format!("{key}-subject")),
            e.title,
            e.when
        ),
        body_text: body,
    }
}

/// The mail offering a freed place, with the deadline and the private link.
pub async fn enqueue_offer(
    tx: &mut Tx,
    tenant: TenantId,
    tenant_slug: &str,
    base: &str,
    event: &Event,
    offer: &Offer,
    now: Timestamp,
) -> Result<(), DbError> {
    let lang = lang_of(&offer.registration);
    let tr = Tr::new(lang);
    let e = MailEvent::load(tx, tenant, event, lang).await?;
    let deadline = local_when(offer.expires_at.0, &event.time_zone);
    let link = format!("{base}/{tenant_slug}/registrations/{}", offer.token);
    let m = compose(
        &tr,
        &e,
        &offer.registration.name,
        &offer.registration.email,
        "events-mail-offered",
        &[tr.t1("events-mail-offer-deadline", "deadline", &deadline)],
        &[(tr.t("events-mail-offer-link").into_owned(), link)],
    );
    mail::enqueue(tx, tenant, &m, now).await?;
    Ok(())
}

/// The mail telling a person their offer ran out.
pub async fn enqueue_expired(
    tx: &mut Tx,
    tenant: TenantId,
    event: &Event,
    r: &Registration,
    now: Timestamp,
) -> Result<(), DbError> {
    let lang = lang_of(r);
    let tr = Tr::new(lang);
    let e = MailEvent::load(tx, tenant, event, lang).await?;
    let m = compose(&tr, &e, &r.name, &r.email, "events-mail-expired", &[], &[]);
    mail::enqueue(tx, tenant, &m, now).await?;
    Ok(())
}

/// The mail confirming a place (after an offer was taken).
pub async fn enqueue_confirmed(
    tx: &mut Tx,
    tenant: TenantId,
    event: &Event,
    r: &Registration,
    now: Timestamp,
) -> Result<(), DbError> {
    let lang = lang_of(r);
    let tr = Tr::new(lang);
    let e = MailEvent::load(tx, tenant, event, lang).await?;
    let m = compose(
        &tr,
        &e,
        &r.name,
        &r.email,
        "events-mail-confirmed",
        &[],
        &[],
    );
    mail::enqueue(tx, tenant, &m, now).await?;
    Ok(())
}

/// The mail telling a registrant the event is cancelled, with the reason.
pub async fn enqueue_event_cancelled(
    tx: &mut Tx,
    tenant: TenantId,
    event: &Event,
    r: &Registration,
    reason: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    let lang = lang_of(r);
    let tr = Tr::new(lang);
    let e = MailEvent::load(tx, tenant, event, lang).await?;
    let m = compose(
        &tr,
        &e,
        &r.name,
        &r.email,
        "events-mail-event-cancelled",
        &[tr.t1("events-mail-cancel-reason", "reason", reason)],
        &[],
    );
    mail::enqueue(tx, tenant, &m, now).await?;
    Ok(())
}

/// The reminder the day before (bulk mail: skipped for addresses that
/// turned bulk mail off; carries an unsubscribe link). True if queued.
pub async fn enqueue_reminder(
    tx: &mut Tx,
    tenant: TenantId,
    tenant_slug: &str,
    base: &str,
    event: &Event,
    r: &Registration,
    now: Timestamp,
) -> Result<bool, DbError> {
    if store::bulk_mail_off(tx, tenant, &r.email).await? {
        return Ok(false);
    }
    let lang = lang_of(r);
    let tr = Tr::new(lang);
    let e = MailEvent::load(tx, tenant, event, lang).await?;
    let token = store::unsubscribe_token(tx, tenant, &r.email, now).await?;
    let m = compose(
        &tr,
        &e,
        &r.name,
        &r.email,
        "events-mail-reminder",
        &[],
        &[(
            tr.t("events-mail-unsubscribe").into_owned(),
            format!("{base}/{tenant_slug}/unsubscribe/{token}"),
        )],
    );
    mail::enqueue(tx, tenant, &m, now).await?;
    Ok(true)
}
