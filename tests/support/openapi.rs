//! Checks each REST call the bot makes against Discord's published OpenAPI
//! spec (`discord/discord-api-spec`, vendored in `tests/data/discord-api-spec/`
//! with its licence): the method and path must be an operation Discord
//! documents, each path parameter must fit its schema, and a JSON body (or a
//! multipart body's `payload_json`) must validate against the operation's
//! request schema. The validator is the `jsonschema` crate, not our own code:
//! the check is independent of what the bot believes Discord accepts.
//!
//! The stand-in runs it on every call it serves and fails the test that made
//! an invalid one (see `StandIn`'s `Drop`).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use serde_json::{json, Value};

/// Where the stand-in's paths start: the API version serenity speaks.
const API_PREFIX: &str = "/api/v10";

struct Spec {
    doc: Value,
    /// Compiled request-body validators by schema pointer.
    validators: Mutex<HashMap<String, std::sync::Arc<jsonschema::Validator>>>,
}

fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/discord-api-spec/openapi.json"
        );
        let text = std::fs::read_to_string(path).expect("read Discord's OpenAPI spec");
        Spec {
            doc: serde_json::from_str(&text).expect("Discord's OpenAPI spec is JSON"),
            validators: Mutex::new(HashMap::new()),
        }
    })
}

/// What is wrong with one REST call, by Discord's spec; empty when it is valid.
pub fn violations(method: &str, path: &str, raw: &[u8]) -> Vec<String> {
    let spec = spec();
    let what = format!("{method} {path}");
    let Some(rest) = path.strip_prefix(API_PREFIX) else {
        return vec![format!("{what}: not under {API_PREFIX}")];
    };
    let Some((template, item)) = find_path(&spec.doc, rest) else {
        return vec![format!("{what}: no such path in Discord's API")];
    };
    let Some(operation) = item.get(method.to_ascii_lowercase()) else {
        return vec![format!("{what}: {template} has no {method}")];
    };
    let mut out = Vec::new();
    for (name, value) in path_params(&template, rest) {
        let schema = item
            .get("parameters")
            .into_iter()
            .chain(operation.get("parameters"))
            .filter_map(Value::as_array)
            .flatten()
            .find(|p| p["in"] == "path" && p["name"] == name.as_str())
            .and_then(|p| p.get("schema"));
        if let Some(schema) = schema {
            let pointer = format!("param:{template}:{name}");
            for error in validate(spec, &pointer, schema, &json!(value)) {
                out.push(format!("{what}: path parameter {name}: {error}"));
            }
        }
    }
    let content = operation.pointer("/requestBody/content");
    let body = body_json(raw);
    match (content, body) {
        (None, Some(_)) => out.push(format!("{what}: Discord takes no body here")),
        (Some(_), None) if operation.pointer("/requestBody/required") == Some(&json!(true)) => {
            out.push(format!("{what}: the request body is required"))
        }
        (Some(content), Some(body)) => {
            let schema = content
                .pointer("/application~1json/schema")
                .expect("a JSON request schema");
            let pointer = format!("body:{method}:{template}");
            for error in validate(spec, &pointer, schema, &body) {
                out.push(format!("{what}: body {error}"));
            }
        }
        _ => {}
    }
    out
}

/// The spec's path template that `path` is an instance of, and its item.
fn find_path<'a>(doc: &'a Value, path: &str) -> Option<(String, &'a Value)> {
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    doc["paths"]
        .as_object()?
        .iter()
        .find_map(|(template, item)| {
            let parts: Vec<&str> = template.split('/').collect();
            let fits = parts.len() == segments.len()
                && parts
                    .iter()
                    .zip(&segments)
                    .all(|(p, s)| p == s || (p.starts_with('{') && p.ends_with('}')));
            fits.then(|| (template.clone(), item))
        })
}

fn path_params(template: &str, path: &str) -> Vec<(String, String)> {
    template
        .split('/')
        .zip(path.trim_end_matches('/').split('/'))
        .filter_map(|(p, s)| {
            let name = p.strip_prefix('{')?.strip_suffix('}')?;
            Some((name.to_string(), s.to_string()))
        })
        .collect()
}

/// The JSON a body carries: the body itself, or a multipart body's
/// `payload_json` part (how a message with a file is sent). None when there
/// is no body.
fn body_json(raw: &[u8]) -> Option<Value> {
    if raw.is_empty() {
        return None;
    }
    if let Ok(value) = serde_json::from_slice(raw) {
        return Some(value);
    }
    let text = String::from_utf8_lossy(raw);
    let part = text.split("name=\"payload_json\"").nth(1)?;
    let start = part.find("\r\n\r\n")? + 4;
    let end = part[start..].find("\r\n--")? + start;
    Some(
        serde_json::from_str(&part[start..end])
            .unwrap_or(Value::String("payload_json that is not JSON".to_string())),
    )
}

fn validate(spec: &Spec, key: &str, schema: &Value, value: &Value) -> Vec<String> {
    let validator = {
        let mut cache = spec.validators.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .entry(key.to_string())
            .or_insert_with(|| {
                // The schema's `$ref`s point into the spec's components, so
                // the root the validator resolves against carries them.
                let root = json!({
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "components": spec.doc["components"],
                    "allOf": [schema],
                });
                std::sync::Arc::new(
                    jsonschema::draft202012::new(&root).expect("Discord's schema compiles"),
                )
            })
            .clone()
    };
    validator
        .iter_errors(value)
        .map(|e| format!("at {:?}: {e}", e.instance_path().to_string()))
        .take(5)
        .collect()
}
