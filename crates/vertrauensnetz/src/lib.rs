//! Vertrauensnetz: the platform a city, its police headquarters and civil
//! society use together for safety and trust.
//!
//! [`platform`] holds what every module uses; [`app`] wires the modules into
//! one server; [`operator`] implements the command-line operations.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod accountability;
pub mod app;
pub mod complaints;
pub mod demo;
pub mod events;
pub mod hostile_input;
pub mod network;
pub mod operator;
pub mod patrols;
pub mod platform;
pub mod public_info;
pub mod receipts;
pub mod reports;
pub mod response_targets;
pub mod surveys;
pub mod topic_pages;
pub mod transparency;
