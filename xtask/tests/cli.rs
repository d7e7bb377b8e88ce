//! The catalogue tool as editors and the build run it: the real catalogue passes with every
//! record accounted for, and a broken file fails with its file and line.

use std::path::{Path, PathBuf};
use std::process::Command;

fn tool() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_perheopas-xtask"));
    c.current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(".."));
    c
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("perheopas-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The number in "services   123 read,   123 written".
fn counts(out: &str, what: &str) -> (usize, usize) {
    let line = out
        .lines()
        .find(|l| l.trim_start().starts_with(what))
        .unwrap_or_else(|| panic!("no {what} line in {out}"));
    let nums: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    (nums[0], nums[1])
}

#[test]
fn real_catalogue_checks_and_every_record_is_written() {
    let out = tool().arg("check").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "check failed:\n{}{}",
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    let (read, written) = counts(&stdout, "delivery points");
    assert_eq!(read, written);
    assert!(written >= 600, "only {written} delivery points");
    let (read, written) = counts(&stdout, "services");
    assert_eq!(read, written);
}

#[test]
fn build_writes_an_asset_the_core_can_read() {
    let dir = temp_dir("asset");
    let out_file = dir.join("catalogue.bin");
    let out = tool()
        .args(["build", "--out"])
        .arg(&out_file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cat = perheopas_core::asset::decode(&std::fs::read(&out_file).unwrap()).unwrap();
    assert!(cat.sample);
    assert!(cat.delivery_point_count() >= 600);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn broken_file_fails_with_file_line_and_field_and_writes_nothing() {
    let dir = temp_dir("broken");
    copy_dir(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../data")
            .as_path(),
        &dir,
    );
    let lieksa = dir.join("services/pohjois-karjala/lieksa.toml");
    let text = std::fs::read_to_string(&lieksa).unwrap();
    let (at, _) = text
        .match_indices("type = \"")
        .next()
        .expect("a service type in lieksa.toml");
    let line = text[..at].matches('\n').count() + 1;
    let broken = format!(
        "{}type = \"no_such_type\"{}",
        &text[..at],
        &text[at + text[at..].find('\n').unwrap()..]
    );
    std::fs::write(&lieksa, broken).unwrap();
    let out_file = dir.join("out/catalogue.bin");
    let out = tool()
        .args(["build", "--data"])
        .arg(&dir)
        .arg("--out")
        .arg(&out_file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains(&format!("services/pohjois-karjala/lieksa.toml:{line}: "))
            && stderr.contains("type: unknown service type \"no_such_type\""),
        "{stderr}"
    );
    assert!(
        !out_file.exists(),
        "a failed build must not write the asset"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_misspelt_flag_fails_by_name_and_runs_nothing() {
    // Before the parser was clap's, `bench --servics 10` ignored the flag and ran 50 000 services.
    let out = tool().args(["bench", "--servics", "10"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--servics"), "{stderr}");
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn check_prints_a_warning_for_a_service_no_family_can_reach() {
    // The core has always put such services in `Report::warnings`; the check command printed
    // only the counts, so a coordinator never saw them.
    let dir = temp_dir("unreachable");
    copy_dir(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../data")
            .as_path(),
        &dir,
    );
    let lieksa = dir.join("services/pohjois-karjala/lieksa.toml");
    let text = std::fs::read_to_string(&lieksa).unwrap();
    // The first service with every way to get in touch taken out: its phone delivery dropped,
    // and the place's phones, e-mail and booking lines removed.
    let first = text.find("[[service]]").unwrap();
    let next = first + 1 + text[first + 1..].find("[[service]]").unwrap();
    let block = &text[first..next];
    let phone_delivery = block.rfind("[[service.delivery]]").unwrap();
    let line = text[..first].matches('\n').count() + 1;
    let stripped: String = block[..phone_delivery]
        .lines()
        .filter(|l| {
            !["phones", "email", "booking", "chat"]
                .iter()
                .any(|k| l.starts_with(k))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(
        &lieksa,
        format!("{}{stripped}\n{}", &text[..first], &text[next..]),
    )
    .unwrap();
    let out = tool()
        .arg("--data")
        .arg(&dir)
        .arg("check")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "a warning must not fail the check:\n{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let warning = stdout
        .lines()
        .find(|l| l.contains("lieksa-aitiysneuvola"))
        .unwrap_or_else(|| panic!("no warning for the unreachable service in:\n{stdout}"));
    assert!(
        warning.contains("warning:")
            && warning.contains(&format!("services/pohjois-karjala/lieksa.toml:{line}: "))
            && warning.contains("no way to reach it"),
        "{warning}"
    );
    let _ = std::fs::remove_dir_all(dir);
}
