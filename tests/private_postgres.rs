//! The private PostgreSQL cluster that `make run` starts when DATABASE_URL is unset: created
//! once, reused on the next start, survives a stale postmaster.pid, and stops cleanly.

use server::postgres::PrivateCluster;

#[tokio::test]
async fn the_private_cluster_starts_keeps_its_data_and_recovers_from_a_crash() {
    let dir = std::env::temp_dir().join(format!("claimtrack-cluster-test-{}", std::process::id()));
    let cluster = PrivateCluster::start(&dir).expect("first start initialises the cluster");
    assert!(cluster.started_here());
    let url = cluster.database_url("claimtrack_cluster_test");
    assert!(url.contains("host=/"), "Unix socket only: {url}");

    let pool = server::database::connect(&url)
        .await
        .expect("connect, creating the database");
    server::database::migrate(&pool).await.expect("migrate");
    sqlx::query("insert into entity (slug, name, kind) values ('kept', 'Kept', 'person')")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    cluster.stop().expect("clean stop");

    // A crash leaves postmaster.pid behind, naming a process that no longer exists.
    let pid_file = cluster.dir().join("data/postmaster.pid");
    std::fs::write(&pid_file, "999999\n/nonexistent\n").unwrap();

    let again = PrivateCluster::start(&dir)
        .expect("second start reuses the data despite the stale pid file");
    let pool = server::database::connect(&again.database_url("claimtrack_cluster_test"))
        .await
        .unwrap();
    let kept: String = sqlx::query_scalar("select name from entity where slug = 'kept'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(kept, "Kept");
    pool.close().await;
    again.stop().unwrap();
    again.remove().unwrap();
    assert!(!again.dir().exists());
}
