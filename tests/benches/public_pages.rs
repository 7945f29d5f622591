//! Public page speed, measured: the real router on a loopback port, the demo data in a fresh
//! PostgreSQL database, a bounded number of requests per page at fixed concurrency. Prints
//! throughput and latency percentiles; asserts nothing (these machines are noisy).
//!
//! `make bench` starts the private PostgreSQL and runs this; or set DATABASE_URL yourself.
#![recursion_limit = "512"]

use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use claimtrack_tests::TestApp;
use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Executor, PgPool};

const REQUESTS_PER_PAGE: usize = 2_000;
const CONCURRENCY: usize = 16;
const BENCH_DATABASE: &str = "claimtrack_bench";

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(run());
}

async fn run() {
    let url = std::env::var("DATABASE_URL")
        .expect("DATABASE_URL must name a PostgreSQL server (`make bench` starts one)");
    let options = PgConnectOptions::from_str(&url).expect("a valid DATABASE_URL");
    let mut admin = options.connect().await.expect("connect to PostgreSQL");
    admin
        .execute(format!("drop database if exists {BENCH_DATABASE} with (force)").as_str())
        .await
        .expect("drop the old bench database");
    admin
        .execute(format!("create database {BENCH_DATABASE}").as_str())
        .await
        .expect("create the bench database");
    let pool = PgPool::connect_with(options.database(BENCH_DATABASE))
        .await
        .expect("connect to the bench database");
    server::database::migrate(&pool).await.expect("migrate");
    server::seed::seed_demo(&pool).await.expect("demo data");
    let kompas_id: i64 = sqlx::query_scalar("select max(source_id) from source")
        .fetch_one(&pool)
        .await
        .unwrap();

    let app = TestApp::spawn(pool).await;
    let pages = [
        "/".to_owned(),
        "/?speaker=kim-jong-un&verdict=not-rated".to_owned(),
        "/?q=bantah".to_owned(),
        "/?q=Amerka".to_owned(),
        "/claims/us-accuses-north-korea-of-supplying-weapons-to-russia".to_owned(),
        "/entities/vladimir-putin".to_owned(),
        format!("/sources/{kompas_id}"),
        "/methodology".to_owned(),
        "/feed.atom".to_owned(),
        "/sitemap.xml".to_owned(),
        "/api/v1/claims?q=bantah".to_owned(),
        "/api/v1/claims/us-accuses-north-korea-of-supplying-weapons-to-russia".to_owned(),
        "/claims/no-such-claim".to_owned(),
    ];
    println!(
        "{REQUESTS_PER_PAGE} requests per page, {CONCURRENCY} concurrent, loopback, release build"
    );
    println!(
        "{:<72} {:>6} {:>9} {:>8} {:>8} {:>8}",
        "page", "status", "req/s", "p50 ms", "p90 ms", "p99 ms"
    );
    // Each page rendered, then the same page revalidated by a reader who has it (304).
    let revalidated = [
        "/",
        "/claims/us-accuses-north-korea-of-supplying-weapons-to-russia",
    ];
    let mut runs: Vec<(String, String, Option<String>)> = pages
        .iter()
        .map(|page| (page.clone(), page.clone(), None))
        .collect();
    for page in revalidated {
        let response = app.client.get(app.url(page)).send().await.expect("request");
        let etag = response
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        runs.push((format!("{page} (If-None-Match)"), page.to_owned(), etag));
    }
    for (label, page, etag) in runs {
        // Warm up connections and caches before measuring.
        measure(&app, &page, etag.as_deref(), 100).await;
        let (status, elapsed, mut latencies) =
            measure(&app, &page, etag.as_deref(), REQUESTS_PER_PAGE).await;
        latencies.sort();
        let percentile =
            |p: f64| latencies[((latencies.len() - 1) as f64 * p) as usize].as_secs_f64() * 1000.0;
        println!(
            "{:<72} {:>6} {:>9.0} {:>8.2} {:>8.2} {:>8.2}",
            label,
            status,
            REQUESTS_PER_PAGE as f64 / elapsed.as_secs_f64(),
            percentile(0.50),
            percentile(0.90),
            percentile(0.99)
        );
    }
}

/// `total` GETs of `path` (with `If-None-Match: etag` when given) from CONCURRENCY workers:
/// (last status, wall time, each latency).
async fn measure(
    app: &TestApp,
    path: &str,
    etag: Option<&str>,
    total: usize,
) -> (u16, Duration, Vec<Duration>) {
    let etag = etag.map(str::to_owned);
    let next = Arc::new(AtomicUsize::new(0));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(total)));
    let status = Arc::new(AtomicUsize::new(0));
    let url = app.url(path);
    let started = Instant::now();
    let workers: Vec<_> = (0..CONCURRENCY)
        .map(|_| {
            let (client, url, next, latencies, status, etag) = (
                app.client.clone(),
                url.clone(),
                next.clone(),
                latencies.clone(),
                status.clone(),
                etag.clone(),
            );
            tokio::spawn(async move {
                while next.fetch_add(1, Ordering::Relaxed) < total {
                    let sent = Instant::now();
                    let mut request = client.get(&url);
                    if let Some(etag) = &etag {
                        request = request.header("if-none-match", etag);
                    }
                    let response = request.send().await.expect("request");
                    status.store(response.status().as_u16() as usize, Ordering::Relaxed);
                    response.bytes().await.expect("body");
                    latencies.lock().expect("latencies").push(sent.elapsed());
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.expect("worker");
    }
    let elapsed = started.elapsed();
    let latencies = std::mem::take(&mut *latencies.lock().expect("latencies"));
    (status.load(Ordering::Relaxed) as u16, elapsed, latencies)
}
