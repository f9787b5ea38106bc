//! Baselines measured in the same benchmark run as the application: a bare
//! axum handler returning a fixed string (`/plain`) and a plain askama page
//! of the same size as the tenant start page (`/askama`).

use askama::Template;
use axum::response::Html;
use axum::routing::get;
use axum::Router;

#[derive(Template)]
#[template(path = "page.html")]
struct Page<'a> {
    title: &'a str,
    items: &'a [&'a str],
}

const ITEMS: &[&str] = &[
    "Deutsch",
    "Leichte Sprache",
    "English",
    "Türkçe",
    "العربية",
    "Polski",
    "Русский",
    "Українська",
    "Română",
    "Български",
];

async fn plain() -> &'static str {
    "Vertrauensnetz"
}

async fn page() -> Html<String> {
    let p = Page {
        title: "Vertrauensnetz Dortmund",
        items: ITEMS,
    };
    Html(p.render().unwrap_or_default())
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8090".to_owned());
    let app = Router::new()
        .route("/plain", get(plain))
        .route("/askama", get(page));
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("baseline listening on {addr}");
    axum::serve(listener, app).await
}
