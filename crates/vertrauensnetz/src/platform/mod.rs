//! What every module uses: configuration, storage, tenants, identity and
//! authorization, languages, the audit chain, mail, background jobs and the
//! web shell. Nothing here knows a module.

pub mod admin;
pub mod api;
pub mod audit;
pub mod auth;
pub mod clock;
pub mod config;
pub mod db;
pub mod districts;
pub mod i18n;
pub mod images;
pub mod jobs;
pub mod mail;
pub mod notifications;
pub mod tenants;
pub mod topics;
pub mod web;
