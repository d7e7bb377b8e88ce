//! Issue 22, item 1: an import that writes nothing, or far fewer services than the last import
//! left in the folder, is refused with a non-zero exit and leaves the folder byte for byte as it
//! was, unless `--allow-shrink` is given.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn tool(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_perheopas-xtask"))
        .current_dir(root())
        .args(args)
        .output()
        .unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("perheopas-guard-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(snapshot(&path));
        } else {
            out.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    out
}

fn import(kind: &str, input: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&std::ffi::OsStr> = vec![kind.as_ref(), input.as_os_str()];
    args.push("--out".as_ref());
    args.push(out.as_os_str());
    args.extend(extra.iter().map(|a| std::ffi::OsStr::new(*a)));
    tool(&args)
}

fn refused(o: &Output) -> String {
    let stderr = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(!o.status.success(), "not refused:\n{stderr}");
    assert!(stderr.contains("--allow-shrink"), "{stderr}");
    stderr
}

#[test]
fn an_empty_ptv_export_does_not_wipe_the_last_import() {
    let dir = scratch("ptv-empty");
    let out = dir.join("ptv");
    assert!(import("import-ptv", &fixture("ptv_sample.json"), &out, &[])
        .status
        .success());
    let before = snapshot(&out);
    assert!(!before.is_empty());
    let empty = dir.join("empty.json");
    std::fs::write(
        &empty,
        r#"{"services": [], "serviceChannels": [], "organizations": []}"#,
    )
    .unwrap();
    let stderr = refused(&import("import-ptv", &empty, &out, &[]));
    assert!(stderr.contains("no services to write"), "{stderr}");
    assert_eq!(snapshot(&out), before, "the folder is untouched");
    // Told so explicitly, the import writes.
    assert!(import("import-ptv", &empty, &out, &["--allow-shrink"])
        .status
        .success());
    assert_ne!(snapshot(&out), before);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_ptv_export_with_far_fewer_services_is_refused() {
    let dir = scratch("ptv-shrink");
    let out = dir.join("ptv");
    assert!(import("import-ptv", &fixture("ptv_sample.json"), &out, &[])
        .status
        .success());
    let before = snapshot(&out);
    // Keep the first service only: 1 of the 3 the last import wrote.
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("ptv_sample.json")).unwrap())
            .unwrap();
    json["services"].as_array_mut().unwrap().truncate(1);
    let small = dir.join("small.json");
    std::fs::write(&small, json.to_string()).unwrap();
    let stderr = refused(&import("import-ptv", &small, &out, &[]));
    assert!(stderr.contains("holds 3"), "{stderr}");
    assert_eq!(snapshot(&out), before);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_all_skipped_hsds_feed_does_not_wipe_the_last_import() {
    let dir = scratch("hsds-empty");
    let out = dir.join("hsds");
    assert!(
        import("import-hsds", &fixture("hsds_sample.json"), &out, &[])
            .status
            .success()
    );
    let before = snapshot(&out);
    let empty = dir.join("empty.json");
    std::fs::write(&empty, "[]").unwrap();
    refused(&import("import-hsds", &empty, &out, &[]));
    assert_eq!(snapshot(&out), before);
    let _ = std::fs::remove_dir_all(dir);
}
