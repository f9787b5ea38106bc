//! The platform's clock. Tests and operators can shift it (for example to
//! run a retention job "as of" a later day) without touching the system time.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use super::db::Timestamp;

#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset_micros: Arc<AtomicI64>,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::microseconds(self.offset_micros.load(Ordering::Relaxed))
    }

    pub fn now_ts(&self) -> Timestamp {
        Timestamp::truncated(self.now())
    }

    /// Moves the clock forward (or back) by `by` from where it stands.
    pub fn advance(&self, by: Duration) {
        if let Some(us) = by.num_microseconds() {
            self.offset_micros.fetch_add(us, Ordering::Relaxed);
        }
    }
}
