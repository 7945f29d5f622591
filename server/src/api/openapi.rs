//! The OpenAPI 3.1 document of `/api/v1`, generated from the handlers' annotations and the
//! response types (utoipa), served at `/api/v1/openapi.json`. Tests check real responses
//! against it, so it cannot drift from what the API sends.

use axum::Json;
use utoipa::OpenApi;

use super::{claims, entities, export, model, sources, Problem};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Claimtrack public API",
        version = "1",
        description = "Published fact-checked claims: who said what, where it was reported, and the desk's two judgements (attribution status and verdict). Read-only, no key needed; rate-limited per client address. Errors are RFC 9457 problem details."
    ),
    paths(
        claims::list_claims,
        claims::get_claim,
        entities::list_entities,
        entities::get_entity,
        sources::list_sources,
        sources::get_source,
        export::claims_csv,
        export::claims_jsonl,
    ),
    components(schemas(
        model::ClaimList,
        model::ClaimDocument,
        model::EntityList,
        model::EntityDocument,
        model::SourceList,
        model::SourceDocument,
        Problem,
    )),
    tags(
        (name = "claims", description = "Published claims, searchable and filterable like the site"),
        (name = "entities", description = "People and organisations"),
        (name = "sources", description = "Documents that carry claims"),
        (name = "export", description = "Every public claim in one streamed file"),
    )
)]
pub struct ApiDoc;

pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
