//! Reading the bot's SQLite file from a test, with a connection of its own:
//! the one way tests dump tables, count rows and wait for the bot's writes.

use std::path::Path;
use std::time::Duration;

use rusqlite::types::ValueRef;
use serde_json::{json, Value};

/// Every row `sql` returns, every column as JSON (a blob as `"<blob>"`).
pub fn query(db: &Path, sql: &str) -> Vec<Vec<Value>> {
    let conn = rusqlite::Connection::open(db).expect("open the test database");
    let mut st = conn.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    let columns = st.column_count();
    st.query_map([], |row| {
        (0..columns)
            .map(|i| {
                Ok(match row.get_ref(i)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(n) => json!(n),
                    ValueRef::Real(x) => json!(x),
                    ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
                    ValueRef::Blob(_) => json!("<blob>"),
                })
            })
            .collect()
    })
    .expect(sql)
    .collect::<Result<_, _>>()
    .expect(sql)
}

/// Every row of `table`, every column, in key order: to compare contents.
pub fn dump(db: &Path, table: &str) -> Vec<Vec<Value>> {
    query(db, &format!("SELECT * FROM {table} ORDER BY 1, 2"))
}

/// The facts, their phrasings and their revisions, and the gaps and
/// theirs: what a moderator's refused change must leave as it was.
pub fn moderation_tables(db: &Path) -> Vec<Vec<Vec<Value>>> {
    [
        "facts",
        "fact_questions",
        "fact_revisions",
        "gaps",
        "gap_revisions",
    ]
    .iter()
    .map(|t| dump(db, t))
    .collect()
}

/// The one number `sql` returns.
pub fn count(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db)
        .expect("open the test database")
        .query_row(sql, [], |row| row.get(0))
        .expect(sql)
}

/// Rows of `sql` once `ready` holds for them (the bot writes its question
/// log after it has replied), or as they are after [`super::WAIT`].
pub async fn rows_when(
    db: &Path,
    sql: &str,
    ready: impl Fn(&[Vec<Value>]) -> bool,
) -> Vec<Vec<Value>> {
    let deadline = tokio::time::Instant::now() + super::WAIT;
    loop {
        let rows = query(db, sql);
        if ready(&rows) || tokio::time::Instant::now() > deadline {
            return rows;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
