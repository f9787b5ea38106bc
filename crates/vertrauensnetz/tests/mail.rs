//! Mail leaves through the outbox over real SMTP, with retries after a
//! temporary failure. The peer is a minimal SMTP server in the test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::sync::{Arc, Mutex};

use common::*;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use vertrauensnetz::platform::mail::{self, OutgoingMail};

/// Accepts SMTP sessions; answers the first `fail_first` messages with a
/// temporary error (451) and keeps the others.
async fn smtp_sink(fail_first: usize) -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let failures_left = Arc::new(Mutex::new(fail_first));
    let store = received.clone();
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let store = store.clone();
            let failures_left = failures_left.clone();
            tokio::spawn(async move {
                let (r, mut w) = socket.into_split();
                let mut lines = BufReader::new(r).lines();
                w.write_all(b"220 sink.test ESMTP\r\n").await.unwrap();
                while let Ok(Some(line)) = lines.next_line().await {
                    let cmd = line.to_ascii_uppercase();
                    let reply: &[u8] = if cmd.starts_with("EHLO") {
                        b"250-sink.test\r\n250 8BITMIME\r\n"
                    } else if cmd.starts_with("DATA") {
                        w.write_all(b"354 go ahead\r\n").await.unwrap();
                        let mut message = String::new();
                        while let Ok(Some(l)) = lines.next_line().await {
                            if l == "." {
                                break;
                            }
                            message.push_str(&l);
                            message.push('\n');
                        }
                        let fail = {
                            let mut left = failures_left.lock().unwrap();
                            let fail = *left > 0;
                            *left = left.saturating_sub(1);
                            fail
                        };
                        if fail {
                            b"451 4.3.0 try again later\r\n"
                        } else {
                            store.lock().unwrap().push(message);
                            b"250 2.0.0 queued\r\n"
                        }
                    } else if cmd.starts_with("QUIT") {
                        let _ = w.write_all(b"221 bye\r\n").await;
                        return;
                    } else {
                        b"250 OK\r\n"
                    };
                    if w.write_all(reply).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (port, received)
}

#[tokio::test]
async fn outbox_delivers_over_smtp_and_retries_after_a_temporary_failure() {
    let (port, received) = smtp_sink(1).await;
    let app = TestApp::spawn_with(|c| {
        c.mail.dir = None;
        c.mail.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        c.mail.from = Some("Vertrauensnetz Dortmund <noreply@dortmund.example>".into());
    })
    .await;
    let db = app.raw_db().await;
    let tenant = app.tenant("dortmund").await;
    let mut tx = db.begin().await.unwrap();
    mail::enqueue(&mut tx, tenant.id, &OutgoingMail {
        to: "Aylin Demir <aylin@example.org>".into(),
        subject: "Ihre Anmeldung: Offene Konferenz am 28.11.2025".into(),
        body_text: "Freitag, 28. November 2025, 16:00 Uhr\nHaus der Vielfalt, Zur Vielfalt 21, 44147 Dortmund".into(),
    }, app.clock.now_ts()).await.unwrap();
    tx.commit().await.unwrap();

    // The first attempt meets the temporary failure and is rescheduled.
    let mut attempts = 0;
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        let o = mail::outbox(&db, tenant.id, 1).await.unwrap();
        attempts = o[0].attempts;
        if attempts >= 1 && o[0].last_error.is_some() {
            break;
        }
    }
    assert_eq!(attempts, 1);
    assert!(received.lock().unwrap().is_empty());
    let o = mail::outbox(&db, tenant.id, 1).await.unwrap();
    assert!(o[0].sent_at.is_none() && o[0].failed_at.is_none());
    assert!(
        o[0].last_error.as_deref().unwrap().contains("451"),
        "{:?}",
        o[0].last_error
    );

    // After the back-off the retry is delivered.
    app.clock.advance(chrono::Duration::minutes(5));
    let mut delivered = None;
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        if let Some(m) = received.lock().unwrap().first() {
            delivered = Some(m.clone());
            break;
        }
    }
    let message = delivered.expect("delivered after the retry");
    assert!(
        message.contains("To: \"Aylin Demir\" <aylin@example.org>")
            || message.contains("To: Aylin Demir <aylin@example.org>"),
        "{message}"
    );
    assert!(
        message.contains("From: \"Vertrauensnetz Dortmund\" <noreply@dortmund.example>")
            || message.contains("From: Vertrauensnetz Dortmund <noreply@dortmund.example>"),
        "{message}"
    );
    assert!(message.contains("Subject:"));
    for _ in 0..20 {
        let o = mail::outbox(&db, tenant.id, 1).await.unwrap();
        if o[0].sent_at.is_some() {
            assert_eq!(o[0].attempts, 2);
            app.server.stop().await;
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the outbox never marked the message as sent");
}
