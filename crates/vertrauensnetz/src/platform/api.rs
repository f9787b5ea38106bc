//! The platform's part of the JSON API and the OpenAPI document.

use axum::http::Method;
use axum::Json;
use serde::Serialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

use super::auth::Permission;
use super::web::context::{Access, Ctx};
use super::web::error::Problem;
use super::web::{Routes, WebError};

pub fn routes(r: &mut Routes) {
    r.add(
        Method::GET,
        "/api/v1/{tenant}/me",
        Access::Permission(Permission::UseStaffArea),
        me,
    );
}

/// Adds the bearer-token scheme.
pub struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Vertrauensnetz API",
        description = "JSON API of Vertrauensnetz. Machine clients authenticate with `Authorization: Bearer <token>`; errors are `application/problem+json` (RFC 9457).",
        version = "1"
    ),
    paths(me),
    components(schemas(Problem, Me, Grant)),
    modifiers(&BearerAuth)
)]
pub struct PlatformApi;

/// A role held on a tenant.
#[derive(Serialize, ToSchema)]
pub struct Grant {
    /// Tenant slug, e.g. `dortmund`.
    pub tenant: String,
    /// Role, e.g. `police`.
    pub role: String,
}

/// The account behind the token.
#[derive(Serialize, ToSchema)]
pub struct Me {
    pub login: String,
    pub display_name: String,
    pub grants: Vec<Grant>,
}

/// Who am I: the account of the bearer token and its roles.
#[utoipa::path(
    get,
    path = "/api/v1/{tenant}/me",
    params(("tenant" = String, Path, description = "Tenant slug, e.g. `dortmund`")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account", body = Me),
        (status = 401, description = "No or an invalid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No role on this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown tenant", body = Problem, content_type = "application/problem+json")
    )
)]
async fn me(
    axum::extract::State(state): axum::extract::State<super::web::AppState>,
    ctx: Ctx,
) -> Result<Json<Me>, WebError> {
    let p = ctx.principal()?;
    Ok(Json(Me {
        login: p.login.clone(),
        display_name: p.display_name.clone(),
        grants: p
            .grants
            .iter()
            .map(|(t, r)| Grant {
                tenant: state
                    .tenants
                    .by_id(*t)
                    .map(|t| t.slug.to_string())
                    .unwrap_or_default(),
                role: r.as_str().to_owned(),
            })
            .collect(),
    }))
}

/// Adds to every operation of `doc` the error answers the shared layers
/// give before or around a handler, where the operation does not list them
/// itself: 404 (unknown tenant or record) where the path has parameters,
/// 401 and 403 where a bearer token is required, 413, 415 and 422 where a
/// body is taken (body limit, content type, malformed JSON), and 400 where
/// query parameters are parsed. All are `application/problem+json`.
pub fn with_common_errors(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    use utoipa::openapi::path::ParameterIn;
    use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};

    let problem = |description: &str| {
        RefOr::T(
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/problem+json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("Problem")))
                        .build(),
                )
                .build(),
        )
    };
    let global_security = doc.security.as_ref().is_some_and(|s| !s.is_empty());
    for (path, item) in doc.paths.paths.iter_mut() {
        let path_has_params = path.contains('{');
        for op in [
            item.get.as_mut(),
            item.put.as_mut(),
            item.post.as_mut(),
            item.delete.as_mut(),
            item.patch.as_mut(),
        ]
        .into_iter()
        .flatten()
        {
            let mut add = |code: &str, description: &str| {
                op.responses
                    .responses
                    .entry(code.to_owned())
                    .or_insert_with(|| problem(description));
            };
            if path_has_params {
                add("404", "Unknown tenant or record");
            }
            let secured = op
                .security
                .as_ref()
                .map(|s| !s.is_empty())
                .unwrap_or(global_security);
            if secured {
                add("401", "No or an invalid bearer token");
                add("403", "The token's account may not do this on this tenant");
            }
            if op.request_body.is_some() {
                add("413", "The body exceeds the size limit");
                add("415", "The body is not of the documented content type");
                add("422", "The body is malformed or fails validation");
            }
            let has_query = op
                .parameters
                .as_ref()
                .is_some_and(|ps| ps.iter().any(|p| p.parameter_in == ParameterIn::Query));
            if has_query {
                add("400", "A query parameter is malformed");
            }
        }
    }
    doc
}
