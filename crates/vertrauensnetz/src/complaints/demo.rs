//! Demo complaints for `vertrauensnetz demo`: key pairs for the demo
//! caseworker and liaison of Dortmund, a recovery key, and four cases in
//! different states. The receipt codes and the recovery key are printed, so
//! the status page and the re-wrap command can be tried.
//!
//! Not part of `demo::seed` (which every test runs): the key derivations
//! would slow down every test server.

use uuid::Uuid;
use zeroize::Zeroizing;

use super::crypto::{self, KdfParams, Key};
use super::model::Body;
use super::{aad, store};
use crate::demo::DemoAccount;
use crate::platform::auth::{store as auth_store, Role};
use crate::platform::clock::Clock;
use crate::platform::db::{Db, Timestamp};
use crate::platform::tenants::{self, TenantId};

/// Light parameters (the values are stored with each record, so real
/// complaints still use the configured ones).
const DEMO_KDF: KdfParams = KdfParams {
    m_kib: 19 * 1024,
    t: 2,
    p: 1,
};

struct DemoCase {
    days_ago: i64,
    what: &'static str,
    place: &'static str,
    authority: &'static str,
    mode: &'static str,
    consent: &'static str,
    status: &'static str,
    category: Option<&'static str>,
    outcome: Option<&'static str>,
    messages: &'static [(&'static str, &'static str)],
    forward: Option<(&'static str, &'static str)>,
}

const CASES: &[DemoCase] = &[
    DemoCase {
        days_ago: 2,
        what: "Bei einer Personenkontrolle am Hauptbahnhof wurde nur ich aus einer Gruppe kontrolliert. Auf meine Frage nach dem Grund bekam ich keine Antwort.",
        place: "Hauptbahnhof, Nordausgang",
        authority: "police",
        mode: "anonymous",
        consent: "without_identity",
        status: "received",
        category: None,
        outcome: None,
        messages: &[],
        forward: None,
    },
    DemoCase {
        days_ago: 12,
        what: "Der Ordnungsdienst hat mich im Westpark laut und herablassend angesprochen, weil mein Hund nicht angeleint war.",
        place: "Westpark",
        authority: "kod",
        mode: "confidential",
        consent: "none",
        status: "in_review",
        category: Some("communication"),
        outcome: None,
        messages: &[
            ("reply", "Vielen Dank für Ihre Beschwerde. Wir haben sie erhalten und prüfen sie."),
            ("complainant", "Danke. Eine Zeugin kann den Vorfall bestätigen."),
            ("note", "Rückruf vereinbart; Zeugin noch nicht erreicht."),
        ],
        forward: None,
    },
    DemoCase {
        days_ago: 40,
        what: "Bei einer Demonstration wurde ich ohne Vorwarnung zur Seite gestoßen und bin gestürzt.",
        place: "Friedensplatz",
        authority: "police",
        mode: "anonymous",
        consent: "without_identity",
        status: "forwarded",
        category: Some("force"),
        outcome: None,
        messages: &[
            ("reply", "Wir haben Ihre Beschwerde erhalten."),
            ("advice", "Sie können zusätzlich Strafanzeige erstatten; die Frist dafür beträgt drei Monate ab Kenntnis."),
        ],
        forward: Some((
            "Beschwerde über einen Stoß bei einer Versammlung am Friedensplatz im Herbst; die Person ist gestürzt. Bitte um Stellungnahme zum Einsatzablauf.",
            "Der Einsatz wird geprüft. Wir bieten ein Gespräch mit der Einsatzleitung an.",
        )),
    },
    DemoCase {
        days_ago: 150,
        what: "Bei einer Verkehrskontrolle wurden meine Daten laut vor anderen Wartenden vorgelesen.",
        place: "Rheinlanddamm",
        authority: "police",
        mode: "anonymous",
        consent: "none",
        status: "closed",
        category: Some("data_protection"),
        outcome: Some("conciliated"),
        messages: &[("advice", "Die Polizei hat zugesagt, Kontrollen künftig so durchzuführen, dass Dritte nicht mithören.")],
        forward: None,
    },
];

/// Seeds the demo complaints; returns lines to print.
pub async fn seed(db: &Db, clock: &Clock, accounts: &[DemoAccount]) -> anyhow::Result<Vec<String>> {
    let mut lines = Vec::new();
    let mut tx = db.begin().await?;
    let Some(tenant) = tenants::tenant_by_slug_tx(&mut tx, "dortmund").await? else {
        return Ok(lines);
    };
    tx.commit().await?;
    let tid = tenant.id;
    let now = clock.now_ts();
    let mut ombuds_key = None;
    let mut liaison_key = None;
    for a in accounts.iter().filter(|a| a.tenant == "dortmund") {
        if !matches!(a.role, Role::Ombuds | Role::Liaison) {
            continue;
        }
        let Some(user) = auth_store::user_by_login(db, &a.login).await? else {
            continue;
        };
        let (public, secret) = crypto::key_pair();
        let salt = crypto::random_salt();
        let pw = Zeroizing::new(a.password.as_bytes().to_vec());
        let pk = tokio::task::spawn_blocking(move || {
            crypto::argon2id(&pw, &salt, DEMO_KDF).map(|k| (k, salt))
        })
        .await??;
        let wrapped = crypto::seal(&pk.0, &aad(tid, user.user_id, "staff-key"), secret.as_ref())?;
        let mut tx = db.begin().await?;
        store::put_staff_key(
            &mut tx,
            tid,
            user.user_id,
            &store::StaffKey {
                public_key: public.to_vec(),
                wrapped_secret: wrapped,
                kdf_salt: pk.1.to_vec(),
                kdf: DEMO_KDF.encode(),
            },
            now,
        )
        .await?;
        if a.role == Role::Liaison {
            // The demo liaison answers for the police headquarters.
            store::bind_liaison(&mut tx, tid, user.user_id, Some("police"), now).await?;
        }
        tx.commit().await?;
        if a.role == Role::Ombuds {
            ombuds_key = Some(public);
        } else {
            liaison_key = Some(public);
        }
    }
    let (recovery_public, recovery_secret) = crypto::key_pair();
    let mut tx = db.begin().await?;
    store::put_recovery_key(&mut tx, tid, &recovery_public, now).await?;
    tx.commit().await?;
    use base64::Engine;
    lines.push(format!(
        "demo-recovery-key dortmund {}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(recovery_secret.as_ref())
    ));
    for c in CASES {
        let code = crypto::new_receipt_code();
        let at = Timestamp::truncated(now.0 - chrono::Duration::days(c.days_ago));
        let ids = DemoIds {
            tenant: tid,
            case_id: Uuid::new_v4(),
            at,
        };
        let recipients: Vec<[u8; 32]> = [ombuds_key, Some(recovery_public)]
            .into_iter()
            .flatten()
            .collect();
        write_case(
            db,
            &ids,
            c,
            &code,
            &recipients,
            liaison_key
                .iter()
                .chain([&recovery_public])
                .copied()
                .collect(),
        )
        .await?;
        lines.push(format!(
            "demo-complaint dortmund {} {}",
            crypto::group_code(&code),
            c.status
        ));
    }
    Ok(lines)
}

struct DemoIds {
    tenant: TenantId,
    case_id: Uuid,
    at: Timestamp,
}

async fn write_case(
    db: &Db,
    ids: &DemoIds,
    c: &DemoCase,
    code: &str,
    recipients: &[[u8; 32]],
    liaisons: Vec<[u8; 32]>,
) -> anyhow::Result<()> {
    let (tid, case_id, at) = (ids.tenant, ids.case_id, ids.at);
    let key = crypto::random_key();
    let wrap_salt = crypto::random_salt();
    let secret = Zeroizing::new(code.as_bytes().to_vec());
    let lookup_salt = crypto::lookup_salt(tid.as_uuid());
    let (lookup, wrap) =
        tokio::task::spawn_blocking(move || -> Result<(Key, Key), crypto::CryptoError> {
            Ok((
                crypto::argon2id(&secret, &lookup_salt, DEMO_KDF)?,
                crypto::argon2id(&secret, &wrap_salt, DEMO_KDF.for_wrapping())?,
            ))
        })
        .await??;
    let body = Body {
        what: c.what.to_owned(),
        place: c.place.to_owned(),
        district: "Innenstadt-West".to_owned(),
        wishes: vec!["clarification".to_owned()],
        contact_name: if c.mode == "confidential" {
            "Alex Beispiel".to_owned()
        } else {
            String::new()
        },
        contact_email: if c.mode == "confidential" {
            "alex@example.org".to_owned()
        } else {
            String::new()
        },
        ..Default::default()
    };
    let body = crypto::seal(
        &key,
        &aad(tid, case_id, "body"),
        &serde_json::to_vec(&body)?,
    )?;
    let days = |d: i64| Timestamp::truncated(at.0 + chrono::Duration::days(d));
    let stat_id = Uuid::new_v4();
    let mut tx = db.begin().await?;
    store::insert_case(
        &mut tx,
        tid,
        &store::NewCase {
            case_id,
            reference: &format!(
                "B-{}",
                &Uuid::new_v4().simple().to_string()[..8].to_uppercase()
            ),
            receipt_lookup: lookup.as_ref(),
            receipt_kdf: &DEMO_KDF.encode(),
            wrap_salt: &wrap_salt,
            wrap_kdf: &DEMO_KDF.for_wrapping().encode(),
            complainant_key: &crypto::seal(
                &wrap,
                &aad(tid, case_id, "complainant-key"),
                key.as_ref(),
            )?,
            body: &body,
            contact_mode: c.mode,
            consent: c.consent,
            authority: c.authority,
            received_at: at,
            ack_due_at: days(7),
            feedback_due_at: days(91),
            stat_id,
        },
    )
    .await?;
    for r in recipients {
        store::insert_wrap(&mut tx, tid, case_id, "case", r, &crypto::seal_to(r, &key)?).await?;
    }
    let mut minute = 0;
    let mut next = || {
        minute += 60;
        Timestamp::truncated(at.0 + chrono::Duration::minutes(minute))
    };
    for (kind, text) in c.messages {
        let id = Uuid::new_v4();
        let blob = crypto::seal(
            &key,
            &aad(tid, case_id, &format!("message:{id}")),
            text.as_bytes(),
        )?;
        store::insert_message(&mut tx, tid, case_id, id, kind, None, &blob, next()).await?;
    }
    if let Some((summary, answer)) = c.forward {
        let fk = crypto::random_key();
        let when = next();
        let fk_blob = crypto::seal(&key, &aad(tid, case_id, "forward-key"), fk.as_ref())?;
        let summary_blob = crypto::seal(&fk, &aad(tid, case_id, "summary"), summary.as_bytes())?;
        store::set_forwarding(
            &mut tx,
            tid,
            case_id,
            &fk_blob,
            &summary_blob,
            c.authority,
            when,
        )
        .await?;
        for r in &liaisons {
            store::insert_wrap(
                &mut tx,
                tid,
                case_id,
                "forward",
                r,
                &crypto::seal_to(r, &fk)?,
            )
            .await?;
        }
        for (kind, text) in [("forward", summary), ("authority", answer)] {
            let id = Uuid::new_v4();
            let blob = crypto::seal(
                &fk,
                &aad(tid, case_id, &format!("message:{id}")),
                text.as_bytes(),
            )?;
            store::insert_message(&mut tx, tid, case_id, id, kind, None, &blob, next()).await?;
        }
    }
    let closed = c.status == "closed";
    let acknowledged = (c.status != "received").then(|| days(1));
    store::update_case(
        &mut tx,
        tid,
        case_id,
        &store::CaseUpdate {
            status: Some(c.status.to_owned()),
            outcome: Some(c.outcome.map(str::to_owned)),
            category: Some(c.category.map(str::to_owned)),
            assigned_to: None,
            acknowledged_at: acknowledged,
            first_feedback_at: c
                .messages
                .iter()
                .any(|(k, _)| *k == "advice")
                .then(|| days(10)),
            closed_at: Some(closed.then(|| days(60))),
        },
    )
    .await?;
    store::update_stat(
        &mut tx,
        tid,
        stat_id,
        c.category,
        c.outcome,
        closed.then(|| days(60)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
