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
