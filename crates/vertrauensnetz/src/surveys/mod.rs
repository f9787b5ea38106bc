//! Surveys on the feeling of safety and trust in the police (PRODUCT.md §7,
//! issue 11 part 1): a coordinator builds a survey in the resident
//! languages, distributes it by open link or by invitation codes printed on
//! letters (residents drawn by lot), residents answer anonymously without an
//! account or JavaScript, and results are shown per question, district and
//! group with small cells suppressed, with the feeling of safety and the
//! trust gap across the waves of a series. Map answers become unsafe-place
//! reports once the coordinator confirms them.
//!
//! Anonymity: a response stores the day only (no time, no address, no
//! session, no cookie value) and no link to the invitation code it used;
//! the code's row keeps its hash and the day it was used.

pub mod demo;
pub mod model;
pub mod pages;
pub mod results;
pub mod staff;
pub mod store;

use axum::http::Method;
use serde::Serialize;
use uuid::Uuid;

use crate::platform::auth::Permission;
use crate::platform::db::{Db, DbError};
use crate::platform::tenants::TenantId;
use crate::platform::web::{Access, Routes};

pub use results::{Cell, Difference, Figures, Mean, Share, SurveyResults};

pub fn routes(r: &mut Routes) {
    let public = Access::Public;
    r.add(Method::GET, "/{tenant}/surveys", public, pages::list);
    r.add(
        Method::GET,
        "/{tenant}/surveys/{id}",
        public,
        pages::answer_form,
    );
    r.add(
        Method::POST,
        "/{tenant}/surveys/{id}",
        public,
        pages::submit,
    );
    r.add(
        Method::GET,
        "/{tenant}/surveys/{id}/results",
        public,
        pages::results_page,
    );
    r.add(
        Method::GET,
        "/{tenant}/surveys/{id}/results.csv",
        public,
        pages::results_csv,
    );
    r.add(
        Method::GET,
        "/{tenant}/surveys/{id}/results.json",
        public,
        pages::results_json,
    );
    let manage = Access::Permission(Permission::ManageSurveys);
    r.add(Method::GET, "/{tenant}/staff/surveys", manage, staff::list);
    r.add(
        Method::POST,
        "/{tenant}/staff/surveys",
        manage,
        staff::create,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/surveys/{id}",
        manage,
        staff::detail,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/surveys/{id}/questions",
        manage,
        staff::add_question,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/surveys/{id}/status",
        manage,
        staff::change_status,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/surveys/{id}/tokens",
        manage,
        staff::generate_tokens,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/surveys/{id}/map-answers",
        manage,
        staff::review_map_answer,
    );
}

/// Entries on the start and staff pages.
pub fn nav() -> Vec<crate::platform::web::page::NavLink> {
    use crate::platform::web::page::{Audience, NavLink};
    vec![
        NavLink {
            path: "surveys",
            title_key: "surveys-title",
            summary_key: "surveys-summary",
            audience: Audience::Public,
        },
        NavLink {
            path: "staff/surveys",
            title_key: "surveys-staff-title",
            summary_key: "surveys-staff-summary",
            audience: Audience::Staff(Permission::ManageSurveys),
        },
    ]
}

/// A survey's results as stored now. `unsuppressed` only for the
/// coordinator's own view.
pub async fn survey_results(
    db: &Db,
    tenant: TenantId,
    survey: Uuid,
    unsuppressed: bool,
) -> Result<SurveyResults, DbError> {
    let questions = store::questions(db, tenant, survey).await?;
    let responses = store::responses(db, tenant, survey).await?;
    let answers: Vec<(Uuid, model::Answer)> = store::answers(db, tenant, survey)
        .await?
        .into_iter()
        .map(|a| {
            (
                a.response_id,
                model::Answer {
                    question: a.question_id,
                    choice: a.choice,
                    body: a.body,
                    lat: a.lat,
                    lon: a.lon,
                    time_of_day: a.time_of_day,
                    district: a.district_code,
                },
            )
        })
        .collect();
    let districts: Vec<String> = crate::platform::tenants::districts(db, tenant)
        .await?
        .into_iter()
        .map(|d| d.code)
        .collect();
    Ok(results::compute(
        &questions,
        &responses,
        &answers,
        &districts,
        unsuppressed,
    ))
}

/// The survey figures of one wave as the transparency dashboard shows
/// them. Every count and every share is already suppressed (cells under 5
/// are `None`); serialisable as they are for CSV/JSON downloads.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaveFigures {
    pub series_id: Uuid,
    pub series_name: String,
    pub survey_id: Uuid,
    /// 1, 2, … within the series.
    pub wave: i32,
    /// The survey's German title.
    pub title: String,
    /// The answer period as configured (`YYYY-MM-DD`), if any.
    pub opens_on: Option<String>,
    pub closes_on: Option<String>,
    /// Number of responses (`None` under 5).
    pub responses: Cell,
    /// Share feeling safe (answer 4 or 5 on the safety question) with the
    /// 95 % Wilson interval, the mean on the 1–5 scale with its interval,
    /// trust in the police (4 or 5) overall and per migration-history group
    /// and the trust gap (without minus with a migration history) with its
    /// 95 % Wald interval.
    pub figures: Figures,
}

/// The figures of every **published** survey wave of a tenant, by series
/// and wave: what the public dashboard may show. Unpublished surveys are
/// left out; small cells are suppressed.
pub async fn public_figures(db: &Db, tenant: TenantId) -> Result<Vec<WaveFigures>, DbError> {
    let titles = store::titles(db, tenant).await?;
    let mut out = Vec::new();
    for s in store::surveys(db, tenant).await? {
        if !s.published {
            continue;
        }
        let r = survey_results(db, tenant, s.survey_id, false).await?;
        out.push(WaveFigures {
            series_id: s.series_id,
            series_name: s.series_name.clone(),
            survey_id: s.survey_id,
            wave: s.wave,
            title: titles
                .iter()
                .find(|(id, lang, _)| *id == s.survey_id && lang == "de")
                .map(|t| t.2.clone())
                .unwrap_or_default(),
            opens_on: s.opens_on.clone(),
            closes_on: s.closes_on.clone(),
            responses: r.responses,
            figures: r.figures,
        });
    }
    Ok(out)
}
