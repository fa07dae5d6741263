//! The HTML summaries per audience, `clerk run --email` and `clerk send` against a real SMTP
//! server on loopback (tests/support/smtp_sink.py, aiosmtpd). Messages are read back with
//! Python's own e-mail parser (tests/support/eml_dump.py), not with the code that wrote them.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use common::*;

const DEPARTMENTS: [&str; 3] = ["customer-service", "guest-relations", "sales"];

/// An inbox with findings in two registers: contracts (a blank customer; an amount holding a
/// `<script>` and `&`), guest profiles (an unreadable phone and birthday). No feedback register.
fn inbox(dir: &Path) -> PathBuf {
    let inbox = dir.join("inbox");
    let mut blank = contract_row("HT-0001");
    blank[1] = B;
    let mut script = contract_row("HT-0002");
    script[1] = s("<script>alert('x')</script> & Sons");
    script[4] = s("<script>alert('x')</script> & co");
    xlsx(
        &inbox.join("銷售/contracts.xlsx"),
        vec![sheet(
            "2026",
            vec![contract_header(), blank, script, contract_row("HT-0003")],
        )],
    );
    xlsx(
        &inbox.join("餐飲/guests.xlsx"),
        vec![sheet(
            "客史",
            vec![
                vec![s("客戶編號"), s("姓名"), s("類別"), s("單位"), s("電話"), s("生日")],
                vec![
                    s("G-0001"),
                    s("張三"),
                    s("C"),
                    s("甲公司"),
                    s("138-1234-5678x"),
                    D(1980, 3, 14),
                ],
                vec![
                    s("G-0002"),
                    s("李四"),
                    s("C"),
                    s("乙公司"),
                    s("13912345678"),
                    s("1975-13-02"),
                ],
            ],
        )],
    );
    inbox
}

fn run(dir: &Path, extra: &[&str]) -> Ran {
    let mut args = vec!["run", "inbox", "--month", "2026-10", "--out", "out"];
    args.extend_from_slice(extra);
    let ran = run_in(dir, &args);
    assert_eq!(ran.status, 0, "clerk run failed:\n{}\n{}", ran.stdout, ran.stderr);
    ran
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn page(dir: &Path, suffix: &str) -> String {
    read(&dir.join(format!("out/2026-10/summary-2026-10{suffix}.html")))
}

fn assert_self_contained(html: &str, name: &str) {
    let lower = html.to_lowercase();
    for bad in [
        "<script",
        "<link",
        "<svg",
        "data:",
        "src=\"http",
        "src=\"//",
        "@import",
        "<style",
        "<iframe",
        "<img",
        "url(",
    ] {
        assert!(!lower.contains(bad), "{name} holds {bad}");
    }
    assert!(html.len() < 100_000, "{name} is {} bytes", html.len());
}

#[test]
fn each_audience_gets_its_own_part() {
    let dir = tempdir();
    inbox(dir.path());
    run(dir.path(), &[]);
    let json: serde_json::Value = serde_json::from_str(&read(&dir.path().join("out/2026-10/findings.json"))).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let records_of = |registers: &[&str]| -> Vec<String> {
        findings
            .iter()
            .filter(|f| registers.contains(&f["register"].as_str().unwrap()))
            .map(|f| f["record"].as_str().unwrap().to_string())
            .collect()
    };
    let contracts = records_of(&["contracts"]);
    let guests = records_of(&["guests"]);
    assert!(contracts.contains(&"HT-0001".to_string()), "{contracts:?}");
    assert!(guests.contains(&"G-0001".to_string()), "{guests:?}");

    for d in DEPARTMENTS {
        let name = format!("summary-2026-10-{d}.html");
        assert!(dir.path().join("out/2026-10").join(&name).is_file(), "{name} missing");
    }

    // The manager sees everything.
    let manager = page(dir.path(), "");
    for r in contracts.iter().chain(&guests) {
        assert!(manager.contains(r.as_str()), "manager page lacks {r}");
    }
    // Sales: the contracts findings, not the guests'.
    let sales = page(dir.path(), "-sales");
    assert!(sales.contains("For: <b style=\"color:#ffffff;\">Sales</b>"), "{sales}");
    for r in &contracts {
        assert!(sales.contains(r.as_str()), "sales page lacks {r}");
    }
    assert!(!sales.contains("G-000"), "guest findings on the sales page");
    assert!(!sales.contains("Guest profiles"), "guest register on the sales page");
    // Guest relations: the guests findings only.
    let guest_relations = page(dir.path(), "-guest-relations");
    for r in &guests {
        assert!(guest_relations.contains(r.as_str()), "guest-relations page lacks {r}");
    }
    assert!(!guest_relations.contains("HT-000"));
    // Customer service: its register was not given, and it has nothing to do.
    let customer_service = page(dir.path(), "-customer-service");
    assert!(customer_service.contains("No feedback register was given."));
    assert!(customer_service.contains("No findings for your registers this month."));
    assert!(!customer_service.contains("HT-000") && !customer_service.contains("G-000"));
    // The manager's table of departments.
    assert!(manager.contains("By department"));

    for (name, html) in [
        ("manager", &manager),
        ("sales", &sales),
        ("guest-relations", &guest_relations),
        ("customer-service", &customer_service),
    ] {
        assert_self_contained(html, name);
    }
}

#[test]
fn cell_text_is_escaped_and_personal_data_masked_on_every_page() {
    let dir = tempdir();
    inbox(dir.path());
    run(dir.path(), &[]);
    for suffix in ["", "-sales"] {
        let html = page(dir.path(), suffix);
        assert!(!html.contains("<script>"), "unescaped script in summary{suffix}");
        // A long word gets invisible breaks (U+200B) so that a phone can wrap it.
        let shown = html.replace('\u{200B}', "");
        assert!(
            shown.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt; &amp; co"),
            "{html}"
        );
    }
    for suffix in ["", "-guest-relations"] {
        let html = page(dir.path(), suffix);
        assert!(html.contains("138****5678x"), "phone not masked in summary{suffix}");
        assert!(!html.contains("1234-5678"), "phone shown in summary{suffix}");
        assert!(html.contains("**-13-02"), "birthday not masked in summary{suffix}");
        assert!(!html.contains("1975"), "birth year shown in summary{suffix}");
        assert!(
            html.contains("partly hidden"),
            "no word about masking in summary{suffix}"
        );
    }
    // Masking can be turned off.
    std::fs::write(
        dir.path().join("inbox/clerk.toml"),
        "[report]\nmask_personal_data = false\n",
    )
    .unwrap();
    run(dir.path(), &[]);
    let html = page(dir.path(), "-guest-relations");
    assert!(html.contains("138-1234-5678x") && html.contains("1975-13-02"));
    assert!(!html.contains("partly hidden"));
}

#[test]
fn pages_in_every_language() {
    for (lang, title, sales, guests) in [
        ("en", "Monthly register check", "Sales", "Guest relations"),
        ("zh-Hant", "月度台帳檢查報告", "銷售部", "客戶關係部"),
        ("zh-Hans", "月度台账检查报告", "销售部", "客户关系部"),
    ] {
        let dir = tempdir();
        inbox(dir.path());
        run(dir.path(), &["--lang", lang]);
        for (suffix, label) in [("-sales", sales), ("-guest-relations", guests)] {
            let html = page(dir.path(), suffix);
            assert!(html.contains(&format!("lang=\"{lang}\"")), "{lang}{suffix}");
            assert!(html.contains(title), "{lang}{suffix}");
            assert!(html.contains(label), "{lang}{suffix} lacks {label}");
        }
        let manager = page(dir.path(), "");
        assert!(
            manager.contains(sales) && manager.contains(guests),
            "{lang}: departments table"
        );
        if lang != "en" {
            assert!(manager.contains("2026年10月"), "{lang}: period in words");
        }
    }
}

#[test]
fn a_department_gets_a_page_only_when_rules_are_routed_to_it() {
    let dir = tempdir();
    inbox(dir.path());
    std::fs::write(
        dir.path().join("inbox/clerk.toml"),
        "[departments]\nsales = [\"CR\"]\nfinance = []\nquality = [\"RG01\"]\n",
    )
    .unwrap();
    run(dir.path(), &[]);
    let out = dir.path().join("out/2026-10");
    assert!(out.join("summary-2026-10-sales.html").is_file());
    assert!(out.join("summary-2026-10-quality.html").is_file());
    assert!(!out.join("summary-2026-10-finance.html").exists());
    assert!(!out.join("summary-2026-10-guest-relations.html").exists());
    // RG01 is named by quality: it goes there, not to the owner of the register.
    let quality = page(dir.path(), "-quality");
    assert!(quality.contains("HT-0001"));
    let sales = page(dir.path(), "-sales");
    assert!(!sales.contains("HT-0001"), "RG01 should go to quality only");
    assert!(sales.contains("HT-0002"), "RG02 still goes to the register's owner");
}

#[test]
fn long_lists_are_capped_and_the_page_stays_under_100_kb() {
    let dir = tempdir();
    let inbox = dir.path().join("inbox");
    let mut rows = vec![contract_header()];
    for i in 0..600 {
        let mut row = contract_row("HT-X");
        row[0] = T(format!("HT-{i:05}-{}", "長".repeat(30)));
        row[1] = B;
        row[4] = T(format!("{}<b>&", "約一百萬".repeat(40)));
        rows.push(row);
    }
    xlsx(&inbox.join("contracts.xlsx"), vec![sheet("s", rows)]);
    let ran = run(dir.path(), &[]);
    for suffix in ["", "-sales"] {
        let html = page(dir.path(), suffix);
        assert_self_contained(&html, &format!("summary{suffix}"));
        assert!(
            html.contains("more in the workbook"),
            "no pointer to the workbook: {}",
            ran.stdout
        );
    }
}

#[test]
fn the_sample_month_lists_every_error_once_and_its_duplicate_number_on_one_line() {
    let dir = tempdir();
    let sample = repo_root().join("sample-data");
    let ran = run_in(
        dir.path(),
        &["run", sample.to_str().unwrap(), "--month", "2026-10", "--out", "out"],
    );
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let json: serde_json::Value = serde_json::from_str(&read(&dir.path().join("out/2026-10/findings.json"))).unwrap();
    let errors: Vec<&serde_json::Value> = (json["findings"].as_array().unwrap().iter())
        .filter(|f| f["severity"] == "error")
        .collect();
    assert!(errors.len() <= 50, "{} errors: the case of at most 50", errors.len());
    let manager = page(dir.path(), "");
    let list = manager[manager.find("Findings to act on first").unwrap()..]
        .replace("&#x2F;", "/")
        .replace('\u{200B}', "");
    // Every error is on the page, the guest-relations one (the last in file order) included,
    // each record on one line: the two places of the duplicate number share one.
    for f in &errors {
        let record = f["record"].as_str().unwrap();
        let place = format!(
            "{} › {} › {}{}",
            f["file"].as_str().unwrap(),
            f["sheet"].as_str().unwrap(),
            f["column"].as_str().unwrap(),
            f["row"]
        );
        assert!(list.contains(&format!("<b>{record}</b>")), "{record} not listed");
        assert!(list.contains(&place), "{place} of {record} not named");
    }
    let duplicate: Vec<&&serde_json::Value> = errors.iter().filter(|f| f["rule"] == "RG03").collect();
    assert_eq!(
        duplicate.len(),
        2,
        "the sample's duplicate number is reported at both places"
    );
    let record = duplicate[0]["record"].as_str().unwrap();
    assert_eq!(
        list.matches(&format!("<b>{record}</b>")).count(),
        1,
        "{record} listed twice"
    );
    // By department, errors first: customer service, guest relations, sales.
    let heading = |name: &str| {
        list.find(&format!(">{name}: "))
            .unwrap_or_else(|| panic!("no {name} heading"))
    };
    assert!(heading("Customer service") < heading("Guest relations"));
    assert!(heading("Guest relations") < heading("Sales"));
    assert!(
        list.contains(">Guest relations: 1 error<"),
        "the department's only error"
    );
}

// ---------------------------------------------------------------------------------------------
// E-mail
// ---------------------------------------------------------------------------------------------

const SETTINGS: &str = r#"
company = "甲 & <b>乙</b> 公司\r\nBcc: evil@example.com"
[email]
from = "Office 辦公室 <office@example.com>"
cc = ["admin@example.com"]
security = "none"
smtp_host = "127.0.0.1"
smtp_port = PORT
smtp_user = "clerk"
[email.recipients]
manager = ["Boss 老闆 <boss@example.com>"]
sales = ["sales@example.com", "Sales Two <sales2@example.com>"]
guest-relations = ["RECIPIENT"]
"#;

/// The fixture's settings: the SMTP server at `port`; guest relations' recipient, if any.
fn settings(dir: &Path, port: u16, guest_relations: Option<&str>) {
    let text = SETTINGS.replace("PORT", &port.to_string());
    let text = match guest_relations {
        Some(address) => text.replace("RECIPIENT", address),
        None => text.replace("guest-relations = [\"RECIPIENT\"]\n", ""),
    };
    std::fs::write(dir.join("inbox/clerk.toml"), text).unwrap();
}

fn header<'a>(m: &'a serde_json::Value, name: &str) -> &'a str {
    let values = m["headers"][name]
        .as_array()
        .unwrap_or_else(|| panic!("no {name} header: {m}"));
    assert_eq!(values.len(), 1, "{name} appears {} times", values.len());
    values[0].as_str().unwrap()
}

/// Checks a message of the fixture: headers, parts, and the workbook `attached` (its name); returns
/// the attachment's bytes. (Its Date is checked by the caller: the packaged file's and the sent
/// message's differ.)
fn assert_message(m: &serde_json::Value, attached: &str, saved: &Path, to: &str, subject_end: &str) -> Vec<u8> {
    assert_eq!(header(m, "From"), "Office 辦公室 <office@example.com>");
    assert_eq!(header(m, "To"), to);
    assert_eq!(header(m, "Cc"), "admin@example.com");
    let subject = header(m, "Subject");
    assert!(
        subject.starts_with("甲 & <b>乙</b> 公司 Bcc: evil@example.com"),
        "{subject}"
    );
    assert!(subject.ends_with(subject_end), "{subject}");
    let id = header(m, "Message-ID");
    assert!(
        id.starts_with("<clerk.2026-10.") && id.ends_with("@example.com>"),
        "{id}"
    );
    // The company's line break made no header.
    let names: Vec<&str> = m["raw_header_names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(!names.iter().any(|n| n.eq_ignore_ascii_case("bcc")), "{names:?}");
    assert_eq!(
        m["structure"],
        serde_json::json!([
            "multipart/mixed",
            "multipart/alternative",
            "text/plain",
            "text/html",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ])
    );
    assert_eq!(m["defects"], serde_json::json!([]));
    let html = m["html"].as_str().unwrap();
    assert!(html.contains("<!DOCTYPE html>") && !html.contains("<script>"));
    assert!(html.contains("甲 &amp; &lt;b&gt;乙&lt;&#x2F;b&gt; 公司"));
    let text = m["text"].as_str().unwrap();
    assert!(
        text.contains("甲 & <b>乙</b> 公司"),
        "plain text is not escaped: {text}"
    );
    assert!(text.contains(attached), "{text}");
    let attachments = m["attachments"].as_array().unwrap();
    assert_eq!(attachments.len(), 1);
    assert_eq!(attachments[0]["filename"], attached);
    assert_eq!(attachments[0]["disposition"], "attachment");
    std::fs::read(saved.join(attached)).unwrap()
}

#[test]
fn run_email_writes_one_message_per_audience_with_recipients() {
    let dir = tempdir();
    inbox(dir.path());
    settings(dir.path(), 2525, None);
    let ran = run(dir.path(), &["--email"]);
    let out = dir.path().join("out/2026-10");
    let workbook = out.join("clerk-2026-10.xlsx");
    assert!(out.join("clerk-2026-10.eml").is_file(), "{}", ran.stdout);
    assert!(out.join("clerk-2026-10-sales.eml").is_file());
    assert!(!out.join("clerk-2026-10-guest-relations.eml").exists());
    assert!(!out.join("clerk-2026-10-customer-service.eml").exists());
    // One line for each audience without recipients.
    let skipped: Vec<&str> = ran.stdout.lines().filter(|l| l.starts_with("No message for")).collect();
    assert_eq!(skipped.len(), 2, "{}", ran.stdout);
    assert!(skipped.iter().any(|l| l.contains("email.recipients.guest-relations")));

    let saved = dir.path().join("saved");
    let manager = dump(&out.join("clerk-2026-10.eml"), &saved);
    let bytes = assert_message(
        &manager,
        "clerk-2026-10.xlsx",
        &saved,
        "Boss 老闆 <boss@example.com>",
        "Monthly register check, October 2026",
    );
    assert!(
        bytes == std::fs::read(workbook).unwrap(),
        "the manager's attachment differs from the workbook"
    );
    // The file says the as-of day, so that a rerun writes the same bytes.
    assert_eq!(header(&manager, "Date"), "Sat, 31 Oct 2026 12:00:00 +0000");
    assert!(manager["html"].as_str().unwrap().contains("G-0001"));
    // Sales: a workbook of its own part (tests/test_email_attach.rs opens it).
    let sales = dump(&out.join("clerk-2026-10-sales.eml"), &saved);
    assert_message(
        &sales,
        "clerk-2026-10-sales.xlsx",
        &saved,
        "sales@example.com, Sales Two <sales2@example.com>",
        "Monthly register check, October 2026 (Sales)",
    );
    let html = sales["html"].as_str().unwrap();
    assert!(html.contains("HT-0001") && !html.contains("G-0001"));
    assert_eq!(
        html.replace("\r\n", "\n"),
        read(&out.join("summary-2026-10-sales.html")),
        "the message holds the page"
    );

    // Every line of the file is ASCII and ends in CRLF.
    let raw = std::fs::read(out.join("clerk-2026-10.eml")).unwrap();
    assert!(raw.is_ascii());
    assert!(raw.windows(2).filter(|w| w[1] == b'\n').all(|w| w[0] == b'\r'));

    // A rerun writes the same bytes.
    let first = raw;
    run(dir.path(), &["--email"]);
    assert!(
        first == std::fs::read(out.join("clerk-2026-10.eml")).unwrap(),
        "rerun differs"
    );
}

#[test]
fn subjects_are_in_the_report_language() {
    let dir = tempdir();
    inbox(dir.path());
    settings(dir.path(), 2525, Some("guests@example.com"));
    run(dir.path(), &["--email", "--lang", "zh-Hant"]);
    let out = dir.path().join("out/2026-10");
    let m = dump(
        &out.join("clerk-2026-10-guest-relations.eml"),
        &dir.path().join("saved"),
    );
    assert_eq!(
        header(&m, "Subject"),
        "甲 & <b>乙</b> 公司 Bcc: evil@example.com 月度台帳檢查報告（2026年10月，客戶關係部）"
    );
}

#[test]
fn run_email_without_a_sender_is_one_line() {
    let dir = tempdir();
    inbox(dir.path());
    std::fs::write(
        dir.path().join("inbox/clerk.toml"),
        "[email.recipients]\nmanager = [\"boss@example.com\"]\n",
    )
    .unwrap();
    let ran = run_in(
        dir.path(),
        &["run", "inbox", "--month", "2026-10", "--out", "out", "--email"],
    );
    assert_eq!(ran.status, 2);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert!(ran.stderr.contains("email.from"), "{}", ran.stderr);
}

#[test]
fn email_settings_are_checked_when_read() {
    let english = clerk::commands::texts::catalogue(clerk::base::i18n::Lang::En);
    let rules = ["RG01", "CR02"];
    for (toml, expected) in [
        (
            "[email]\nfrom = \"not an address\"\n",
            "[email] from should be an e-mail address",
        ),
        (
            "[email]\ncc = [\"a@b.example\", \"@@\"]\n",
            "[email] cc should be a list of e-mail addresses",
        ),
        (
            "[email.recipients]\nsales = [\"x@\"]\n",
            "[email.recipients] sales should be",
        ),
        (
            "[email.recipients]\nsale = [\"x@example.com\"]\n",
            "[email.recipients] sale: not an audience",
        ),
        ("[email]\nsecurity = \"ssl\"\n", "[email] security should be one of"),
        (
            "[email]\nsmtp_port = 70000\n",
            "line 2: [email] smtp_port should be a port number from 1 to 65535",
        ),
        (
            "[email]\npassword_env = \"MY PASSWORD\"\n",
            "[email] password_env should be the name",
        ),
        (
            "[email]\nto = [\"x@example.com\"]\n",
            "[email] to: there is no such setting",
        ),
    ] {
        let err = clerk::settings::parse(toml, &rules, &english).unwrap_err();
        assert!(err.contains(expected), "{toml}: {err}");
    }
    let ok = clerk::settings::parse(
        "[departments]\nquality = [\"RG\"]\n[email]\nfrom = \"甲 <a@example.com>\"\nsecurity = \"tls\"\n[email.recipients]\nquality = [\"q@example.com\"]\n",
        &rules,
        &english,
    )
    .unwrap();
    assert_eq!(ok.email.port(), 465);
}

// ---------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------

/// The loopback SMTP server of tests/support/smtp_sink.py; stopped when dropped.
struct Sink {
    child: Child,
    port: u16,
    folder: PathBuf,
}

/// The README's `cargo test` should work on a fresh machine: install aiosmtpd once if it is
/// missing (CI's .ci/run installs it beforehand). If that fails, the test says so below.
fn ensure_aiosmtpd() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let present = |py: &str| {
            Command::new(py)
                .args(["-c", "import aiosmtpd"])
                .output()
                .is_ok_and(|o| o.status.success())
        };
        if present("python3") {
            return;
        }
        for extra in [&[][..], &["--break-system-packages"][..]] {
            let _ = Command::new("python3")
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    "aiosmtpd",
                ])
                .args(extra)
                .output();
            if present("python3") {
                return;
            }
        }
    });
}

impl Sink {
    fn start(folder: &Path) -> Sink {
        ensure_aiosmtpd();
        let mut child = Command::new("python3")
            .arg(repo_root().join("tests/support/smtp_sink.py"))
            .arg(folder)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("python3 must be installed to run the SMTP tests");
        let mut line = String::new();
        let stdout = child.stdout.take().unwrap();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        let port = match line.trim().strip_prefix("ready ") {
            Some(port) => port.parse().unwrap(),
            None => {
                let output = child.wait_with_output().unwrap();
                panic!(
                    "the test SMTP server did not start (the e-mail tests need aiosmtpd: `pip install aiosmtpd`): {}",
                    String::from_utf8_lossy(&output.stderr)
                );
            }
        };
        Sink {
            child,
            port,
            folder: folder.to_path_buf(),
        }
    }

    /// The messages received: (envelope json, path of the .eml), in order.
    fn received(&self) -> Vec<(serde_json::Value, PathBuf)> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&self.folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|j| (serde_json::from_str(&read(&j)).unwrap(), j.with_extension("eml")))
            .collect()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `clerk send FILES --config inbox/clerk.toml EXTRA`, with the password in the environment or not.
fn send(dir: &Path, files: &[&str], password: Option<&str>, extra: &[&str]) -> Ran {
    let mut args = vec!["send"];
    args.extend_from_slice(files);
    args.extend_from_slice(&["--config", "inbox/clerk.toml"]);
    args.extend_from_slice(extra);
    clerk_with_password(dir, &args, password)
}

/// clerk with `args` in `dir`, with the SMTP password in the environment or not.
fn clerk_with_password(dir: &Path, args: &[&str], password: Option<&str>) -> Ran {
    let mut cmd = clerk();
    cmd.current_dir(dir).args(args).env_remove("CLERK_SMTP_PASSWORD");
    if let Some(p) = password {
        cmd.env("CLERK_SMTP_PASSWORD", p);
    }
    let out = cmd.output().unwrap();
    Ran {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const MANAGER: &str = "out/2026-10/clerk-2026-10.eml";
const SALES: &str = "out/2026-10/clerk-2026-10-sales.eml";
const GUESTS: &str = "out/2026-10/clerk-2026-10-guest-relations.eml";

#[test]
fn send_delivers_to_a_real_smtp_server() {
    let dir = tempdir();
    let sink = Sink::start(&dir.path().join("received"));
    inbox(dir.path());
    settings(dir.path(), sink.port, Some("guests@example.com"));
    run(dir.path(), &["--email"]);

    let before = chrono::Local::now();
    let ran = send(dir.path(), &[MANAGER, SALES], Some("secret"), &[]);
    assert_eq!(ran.status, 0, "{}\n{}", ran.stdout, ran.stderr);
    assert!(ran.stderr.is_empty(), "{}", ran.stderr);
    assert_eq!(ran.stdout.lines().count(), 2, "{}", ran.stdout);
    assert!(ran
        .stdout
        .contains("clerk-2026-10.eml: sent to boss@example.com, admin@example.com"));

    let received = sink.received();
    assert_eq!(received.len(), 2);
    let (envelope, eml) = &received[0];
    assert_eq!(envelope["mail_from"], "office@example.com");
    assert_eq!(
        envelope["rcpt_tos"],
        serde_json::json!(["boss@example.com", "admin@example.com"])
    );
    assert_eq!(envelope["login"], "clerk");
    let workbook = dir.path().join("out/2026-10/clerk-2026-10.xlsx");
    let saved = dir.path().join("saved");
    let m = dump(eml, &saved);
    let bytes = assert_message(
        &m,
        "clerk-2026-10.xlsx",
        &saved,
        "Boss 老闆 <boss@example.com>",
        "Monthly register check, October 2026",
    );
    assert!(
        bytes == std::fs::read(workbook).unwrap(),
        "attachment differs from the workbook"
    );
    // What arrived is what was packaged, but for the Date: the time of sending, while the file
    // keeps the as-of day.
    let sent = read(&dir.path().join(MANAGER));
    let arrived = read(eml);
    assert!(sent.contains("\r\nDate: Sat, 31 Oct 2026 12:00:00 +0000\r\n"));
    assert_sent_now(header(&m, "Date"), &before);
    let without_date = |m: &str| {
        m.lines()
            .filter(|l| !l.starts_with("Date: "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        without_date(&arrived) == without_date(&sent),
        "the message changed on the way"
    );

    let (envelope, eml) = &received[1];
    assert_eq!(
        envelope["rcpt_tos"],
        serde_json::json!(["sales@example.com", "sales2@example.com", "admin@example.com"])
    );
    let m = dump(eml, &saved);
    assert_message(
        &m,
        "clerk-2026-10-sales.xlsx",
        &saved,
        "sales@example.com, Sales Two <sales2@example.com>",
        "(Sales)",
    );
}

/// A Date header says a time between `before` and now, in the local time zone.
fn assert_sent_now(date: &str, before: &chrono::DateTime<chrono::Local>) {
    let when = chrono::DateTime::parse_from_rfc2822(date).unwrap_or_else(|e| panic!("{date}: {e}"));
    let now = chrono::Local::now();
    // The header has whole seconds.
    assert!(
        when.timestamp() >= before.timestamp() && when.timestamp() <= now.timestamp(),
        "Date {date} is not the time of sending ({before} to {now})"
    );
    assert_eq!(
        when.offset().local_minus_utc(),
        now.offset().local_minus_utc(),
        "{date}"
    );
}

#[test]
fn send_names_the_file_and_the_failure_in_one_line() {
    let dir = tempdir();
    let sink = Sink::start(&dir.path().join("received"));
    inbox(dir.path());
    settings(dir.path(), sink.port, Some("nobody@example.com"));
    run(dir.path(), &["--email"]);

    // No password in the environment.
    let ran = send(dir.path(), &[MANAGER], None, &[]);
    assert_eq!(ran.status, 2);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("clerk-2026-10.eml") && ran.stderr.contains("CLERK_SMTP_PASSWORD"),
        "{}",
        ran.stderr
    );
    // A wrong password.
    let ran = send(dir.path(), &[MANAGER], Some("wrong"), &[]);
    assert_eq!(ran.status, 2);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert!(ran.stderr.contains("clerk-2026-10.eml"), "{}", ran.stderr);
    assert!(
        ran.stderr.contains("refused the login of clerk") && ran.stderr.contains("535"),
        "{}",
        ran.stderr
    );
    // A recipient the server does not know: nothing is sent, the other file still is.
    let ran = send(dir.path(), &[GUESTS, MANAGER], Some("secret"), &[]);
    assert_eq!(ran.status, 2);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("clerk-2026-10-guest-relations.eml")
            && ran.stderr.contains("rejected the recipient nobody@example.com")
            && ran.stderr.contains("550"),
        "{}",
        ran.stderr
    );
    assert!(ran.stdout.contains("clerk-2026-10.eml: sent"), "{}", ran.stdout);
    assert_eq!(sink.received().len(), 1, "only the manager's message arrived");
    // The server offers no STARTTLS.
    let config = dir.path().join("inbox/clerk.toml");
    std::fs::write(
        &config,
        read(&config).replace("security = \"none\"", "security = \"starttls\""),
    )
    .unwrap();
    let ran = send(dir.path(), &[MANAGER], Some("secret"), &[]);
    assert_eq!(ran.status, 2);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert!(ran.stderr.contains("does not offer STARTTLS"), "{}", ran.stderr);
    // Implicit TLS against a server that speaks plain SMTP: the handshake fails.
    std::fs::write(
        &config,
        read(&config).replace("security = \"starttls\"", "security = \"tls\""),
    )
    .unwrap();
    let ran = send(dir.path(), &[MANAGER], Some("secret"), &[]);
    assert_eq!(ran.status, 2);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("no secure connection to 127.0.0.1:"),
        "{}",
        ran.stderr
    );
    assert_eq!(sink.received().len(), 1);
}

/// A port on loopback that nothing listens on.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

#[test]
fn a_refused_connection_is_one_line_and_status_2() {
    let dir = tempdir();
    inbox(dir.path());
    settings(dir.path(), closed_port(), Some("guests@example.com"));
    run(dir.path(), &["--email"]);
    let ran = send(dir.path(), &[MANAGER], Some("secret"), &[]);
    assert_eq!(ran.status, 2);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("clerk-2026-10.eml") && ran.stderr.contains("connection was refused"),
        "{}",
        ran.stderr
    );
    // In the settings' language when asked.
    let ran = send(dir.path(), &[MANAGER], Some("secret"), &["--lang", "zh-Hans"]);
    assert!(ran.stderr.contains("连接被拒绝"), "{}", ran.stderr);
}

#[test]
fn dry_run_says_what_would_be_sent_and_connects_to_nothing() {
    let dir = tempdir();
    inbox(dir.path());
    settings(dir.path(), closed_port(), Some("guests@example.com"));
    run(dir.path(), &["--email"]);
    let ran = send(dir.path(), &[MANAGER, SALES], Some("secret"), &["--dry-run"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert!(ran.stderr.is_empty(), "{}", ran.stderr);
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", ran.stdout);
    let size = std::fs::metadata(dir.path().join(MANAGER)).unwrap().len();
    assert!(
        lines[0].starts_with("out/2026-10/clerk-2026-10.eml: would send"),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains("“甲 & <b>乙</b> 公司 Bcc: evil@example.com: Monthly register check, October 2026”"),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("from office@example.com to boss@example.com, admin@example.com"));
    assert!(lines[0].contains(&format!("{size} bytes")), "{}", lines[0]);
    assert!(lines[1].contains("to sales@example.com, sales2@example.com, admin@example.com"));
}

#[test]
fn send_refuses_what_is_not_a_message() {
    let dir = tempdir();
    std::fs::write(dir.path().join("notes.txt"), "just some text\n").unwrap();
    std::fs::write(dir.path().join("clerk.toml"), "").unwrap();
    let ran = run_in(dir.path(), &["send", "notes.txt", "missing.eml", "--dry-run"]);
    assert_eq!(ran.status, 2);
    let lines: Vec<&str> = ran.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", ran.stderr);
    assert!(lines[0].contains("notes.txt: not an e-mail message"), "{}", lines[0]);
    assert!(
        lines[1].starts_with("clerk: missing.eml: cannot be read"),
        "{}",
        lines[1]
    );
}

#[test]
fn bcc_is_delivered_but_not_shown() {
    let dir = tempdir();
    let sink = Sink::start(&dir.path().join("received"));
    inbox(dir.path());
    settings(dir.path(), sink.port, Some("guests@example.com"));
    run(dir.path(), &["--email"]);
    // A message edited by hand: a Bcc header, folded, and bare LF line ends.
    let original = read(&dir.path().join(MANAGER));
    let edited = original
        .replacen(
            "Cc: admin@example.com\r\n",
            "Cc: admin@example.com\r\nBcc: hidden@example.com,\r\n archive@example.com\r\n",
            1,
        )
        .replace("\r\n", "\n");
    std::fs::write(dir.path().join("edited.eml"), edited).unwrap();
    let ran = send(dir.path(), &["edited.eml"], Some("secret"), &[]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let received = sink.received();
    assert_eq!(
        received[0].0["rcpt_tos"],
        serde_json::json!([
            "boss@example.com",
            "admin@example.com",
            "hidden@example.com",
            "archive@example.com"
        ])
    );
    let m = dump(&received[0].1, &dir.path().join("saved"));
    assert!(m["headers"].get("Bcc").is_none(), "{}", m["headers"]);
    assert!(!read(&received[0].1).contains("hidden@"));
}

// ---------------------------------------------------------------------------------------------
// `send` with the run's settings; a dry run that fails where the send would
// ---------------------------------------------------------------------------------------------

#[test]
fn send_uses_the_settings_the_run_used_without_config() {
    let dir = tempdir();
    let sink = Sink::start(&dir.path().join("received"));
    inbox(dir.path());
    settings(dir.path(), sink.port, Some("guests@example.com"));
    // `run inbox` reads inbox/clerk.toml; there is none in the folder `send` runs in.
    run(dir.path(), &["--email"]);
    assert!(!dir.path().join("clerk.toml").exists());
    let record = read(&dir.path().join("out/2026-10/send-settings.toml"));
    assert!(!record.contains("secret"), "{record}");

    let ran = clerk_with_password(dir.path(), &["send", MANAGER], Some("secret"));
    assert_eq!(ran.status, 0, "{}\n{}", ran.stdout, ran.stderr);
    assert!(ran.stderr.is_empty(), "{}", ran.stderr);
    assert!(
        ran.stdout.contains("clerk-2026-10.eml: sent to boss@example.com"),
        "{}",
        ran.stdout
    );
    assert_eq!(sink.received().len(), 1);
    assert_eq!(sink.received()[0].0["login"], "clerk");

    // The settings changed since the run: said, and the file is used as it is now.
    let config = dir.path().join("inbox/clerk.toml");
    std::fs::write(
        &config,
        read(&config).replace("smtp_user = \"clerk\"\n", "smtp_user = \"clerk\" # edited\n"),
    )
    .unwrap();
    let ran = clerk_with_password(dir.path(), &["send", SALES, "--dry-run"], Some("secret"));
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert!(
        ran.stderr
            .contains("inbox/clerk.toml has changed since the run that wrote")
            && ran.stderr.contains("send-settings.toml"),
        "{}",
        ran.stderr
    );
    // --config still wins: a server that refuses connections.
    let other = dir.path().join("other.toml");
    std::fs::write(
        &other,
        read(&config).replace(
            &format!("smtp_port = {}", sink.port),
            &format!("smtp_port = {}", closed_port()),
        ),
    )
    .unwrap();
    let ran = clerk_with_password(dir.path(), &["send", SALES, "--config", "other.toml"], Some("secret"));
    assert_eq!(ran.status, 2);
    assert!(ran.stderr.contains("connection was refused"), "{}", ran.stderr);
    // The settings file is gone: said plainly, nothing sent.
    std::fs::remove_file(&config).unwrap();
    let ran = clerk_with_password(dir.path(), &["send", SALES], Some("secret"));
    assert_eq!(ran.status, 2);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert!(
        ran.stderr
            .contains("clerk-2026-10-sales.eml: the settings file the run used")
            && ran.stderr.contains("inbox/clerk.toml, is gone")
            && ran.stderr.contains("--config"),
        "{}",
        ran.stderr
    );
    assert_eq!(sink.received().len(), 1);
}

#[test]
fn a_dry_run_fails_where_the_send_would() {
    let dir = tempdir();
    inbox(dir.path());
    settings(dir.path(), closed_port(), Some("guests@example.com"));
    run(dir.path(), &["--email"]);
    // No password in the environment: the same line, the same status as a real send.
    for lang in ["en", "zh-Hant", "zh-Hans"] {
        let dry = clerk_with_password(dir.path(), &["send", MANAGER, "--dry-run", "--lang", lang], None);
        let real = clerk_with_password(dir.path(), &["send", MANAGER, "--lang", lang], None);
        assert_eq!(dry.status, 2, "{}", dry.stdout);
        assert_eq!((dry.stdout.as_str(), dry.stderr.as_str()), ("", real.stderr.as_str()));
        assert_eq!(real.status, 2);
    }
    let dry = clerk_with_password(dir.path(), &["send", MANAGER, "--dry-run"], None);
    assert_eq!(
        dry.stderr,
        "clerk: out/2026-10/clerk-2026-10.eml: the SMTP password is missing: set the environment variable CLERK_SMTP_PASSWORD (email.password_env)\n"
    );
    let dry = clerk_with_password(dir.path(), &["send", MANAGER, "--dry-run", "--lang", "zh-Hant"], None);
    assert!(
        dry.stderr
            .contains("缺少 SMTP 密碼：請設定環境變數 CLERK_SMTP_PASSWORD"),
        "{}",
        dry.stderr
    );
    // No server set.
    let config = dir.path().join("inbox/clerk.toml");
    let with_host = read(&config);
    std::fs::write(&config, with_host.replace("smtp_host = \"127.0.0.1\"\n", "")).unwrap();
    let dry = clerk_with_password(dir.path(), &["send", MANAGER, SALES, "--dry-run"], Some("secret"));
    assert_eq!(dry.status, 2);
    // (After the note that the settings changed since the run.)
    assert!(dry.stderr.starts_with("Note: "), "{}", dry.stderr);
    assert_eq!(
        dry.stderr.lines().filter(|l| l.starts_with("clerk: ")).count(),
        2,
        "{}",
        dry.stderr
    );
    assert!(
        dry.stderr
            .contains("clerk-2026-10.eml: no SMTP server: set email.smtp_host in the settings (")
            && dry.stderr.contains("inbox/clerk.toml)"),
        "{}",
        dry.stderr
    );
    assert!(!dry.stdout.contains("would send"), "{}", dry.stdout);
    // With a user and no password variable to read it from, and with everything right.
    std::fs::write(&config, &with_host).unwrap();
    let dry = clerk_with_password(dir.path(), &["send", MANAGER, "--dry-run"], Some("secret"));
    assert_eq!(dry.status, 0, "{}", dry.stderr);
    assert!(dry.stdout.contains("would send"), "{}", dry.stdout);
}

// ---------------------------------------------------------------------------------------------
// `run --email --send`: every month without anyone at the keyboard
// ---------------------------------------------------------------------------------------------

/// `clerk run inbox --month 2026-10 --out out --email --send EXTRA`, with the password.
fn run_send(dir: &Path, extra: &[&str]) -> Ran {
    let mut args = vec![
        "run", "inbox", "--month", "2026-10", "--out", "out", "--email", "--send",
    ];
    args.extend_from_slice(extra);
    clerk_with_password(dir, &args, Some("secret"))
}

/// The recipients of each message the sink received, in order.
fn received_by(sink: &Sink) -> Vec<serde_json::Value> {
    sink.received()
        .into_iter()
        .map(|(envelope, _)| envelope["rcpt_tos"].clone())
        .collect()
}

#[test]
fn run_send_delivers_each_message_once_unless_resend() {
    let dir = tempdir();
    let sink = Sink::start(&dir.path().join("received"));
    inbox(dir.path());
    settings(dir.path(), sink.port, Some("guests@example.com"));
    let before = chrono::Local::now();
    let ran = run_send(dir.path(), &[]);
    assert_eq!(ran.status, 0, "{}\n{}", ran.stdout, ran.stderr);
    assert!(ran.stderr.is_empty(), "{}", ran.stderr);
    for name in [
        "clerk-2026-10.eml",
        "clerk-2026-10-guest-relations.eml",
        "clerk-2026-10-sales.eml",
    ] {
        assert!(
            ran.stdout.contains(&format!("out/2026-10/{name}: sent to ")),
            "{name}: {}",
            ran.stdout
        );
    }
    assert_eq!(
        received_by(&sink),
        [
            serde_json::json!(["boss@example.com", "admin@example.com"]),
            serde_json::json!(["guests@example.com", "admin@example.com"]),
            serde_json::json!(["sales@example.com", "sales2@example.com", "admin@example.com"]),
        ]
    );
    let m = dump(&sink.received()[0].1, &dir.path().join("saved"));
    assert_sent_now(header(&m, "Date"), &before);
    let packaged = std::fs::read(dir.path().join(MANAGER)).unwrap();
    let settings_record = read(&dir.path().join("out/2026-10/send-settings.toml"));

    // The same month again: nothing is sent twice, and each message says so.
    let ran = run_send(dir.path(), &[]);
    assert_eq!(ran.status, 0, "{}\n{}", ran.stdout, ran.stderr);
    assert_eq!(sink.received().len(), 3, "{}", ran.stdout);
    let skipped: Vec<&str> = ran
        .stdout
        .lines()
        .filter(|l| l.contains(": already sent on "))
        .collect();
    assert_eq!(skipped.len(), 3, "{}", ran.stdout);
    assert!(
        skipped[0].starts_with("out/2026-10/clerk-2026-10.eml: already sent on ")
            && skipped[0]
                .ends_with(" to boss@example.com, admin@example.com; not sent again (--resend sends it again)"),
        "{}",
        skipped[0]
    );
    assert!(!ran.stdout.contains("sent to"), "{}", ran.stdout);
    // The report files are the same bytes: the record of what was sent is apart from them.
    assert!(std::fs::read(dir.path().join(MANAGER)).unwrap() == packaged);
    assert_eq!(
        read(&dir.path().join("out/2026-10/send-settings.toml")),
        settings_record
    );

    // In Chinese too.
    let ran = clerk_with_password(
        dir.path(),
        &[
            "run", "inbox", "--month", "2026-10", "--out", "out", "--email", "--send", "--lang", "zh-Hans",
        ],
        Some("secret"),
    );
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert!(ran.stdout.contains("clerk-2026-10.eml：已于 "), "{}", ran.stdout);
    assert_eq!(sink.received().len(), 3);

    // --resend sends them again (the English ones, as they were).
    let ran = run_send(dir.path(), &["--resend"]);
    assert_eq!(ran.status, 0, "{}\n{}", ran.stdout, ran.stderr);
    assert_eq!(sink.received().len(), 6, "{}", ran.stdout);
    assert_eq!(ran.stdout.matches(": sent to ").count(), 3, "{}", ran.stdout);

    // --resend means nothing without --send, nor --send without --email.
    let ran = run_in(
        dir.path(),
        &[
            "run", "inbox", "--month", "2026-10", "--out", "out", "--email", "--resend",
        ],
    );
    assert_eq!(ran.status, 2);
    assert!(ran.stderr.contains("--send"), "{}", ran.stderr);
    let ran = run_in(
        dir.path(),
        &["run", "inbox", "--month", "2026-10", "--out", "out", "--send"],
    );
    assert_eq!(ran.status, 2);
    assert!(ran.stderr.contains("--email"), "{}", ran.stderr);
    assert_eq!(sink.received().len(), 6);

    // By hand, a message already sent is sent: the user asked for it, with a note.
    let ran = clerk_with_password(dir.path(), &["send", SALES], Some("secret"));
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert!(
        ran.stderr
            .starts_with("Note: out/2026-10/clerk-2026-10-sales.eml had been sent before, on ")
            && ran.stderr.contains("; it was sent again"),
        "{}",
        ran.stderr
    );
    assert_eq!(sink.received().len(), 7);
}

#[test]
fn run_send_names_each_message_not_sent_and_sends_the_others() {
    let dir = tempdir();
    let sink = Sink::start(&dir.path().join("received"));
    inbox(dir.path());
    // Guest relations' recipient is refused by the server.
    settings(dir.path(), sink.port, Some("nobody@example.com"));
    let ran = run_send(dir.path(), &[]);
    assert_eq!(ran.status, 2, "{}", ran.stdout);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert!(
        ran.stderr
            .starts_with("clerk: out/2026-10/clerk-2026-10-guest-relations.eml: ")
            && ran.stderr.contains("rejected the recipient nobody@example.com"),
        "{}",
        ran.stderr
    );
    // The report was written and the other messages were sent.
    assert!(dir.path().join("out/2026-10/clerk-2026-10.xlsx").is_file());
    assert_eq!(
        received_by(&sink),
        [
            serde_json::json!(["boss@example.com", "admin@example.com"]),
            serde_json::json!(["sales@example.com", "sales2@example.com", "admin@example.com"]),
        ]
    );
    // The recipient put right, the next run sends only what failed.
    settings(dir.path(), sink.port, Some("guests@example.com"));
    let ran = run_send(dir.path(), &[]);
    assert_eq!(ran.status, 0, "{}\n{}", ran.stdout, ran.stderr);
    assert_eq!(ran.stdout.matches(": already sent on ").count(), 2, "{}", ran.stdout);
    assert!(
        ran.stdout
            .contains("clerk-2026-10-guest-relations.eml: sent to guests@example.com"),
        "{}",
        ran.stdout
    );
    assert_eq!(sink.received().len(), 3);
    assert_eq!(
        sink.received()[2].0["rcpt_tos"],
        serde_json::json!(["guests@example.com", "admin@example.com"])
    );
    // A record that cannot be read: nothing is sent (rather than everything again), and it is named.
    std::fs::write(dir.path().join("out/2026-10/sent.toml"), "not [a record").unwrap();
    let ran = run_send(dir.path(), &[]);
    assert_eq!(ran.status, 2);
    assert_eq!(ran.stderr.lines().count(), 3, "{}", ran.stderr);
    assert!(
        ran.stderr
            .lines()
            .all(|l| l.contains("out/2026-10/sent.toml: cannot be read as clerk's record")),
        "{}",
        ran.stderr
    );
    assert_eq!(sink.received().len(), 3);

    // A server that cannot be reached: every message is named, none is recorded as sent.
    let dir = tempdir();
    inbox(dir.path());
    settings(dir.path(), closed_port(), Some("guests@example.com"));
    let ran = run_send(dir.path(), &[]);
    assert_eq!(ran.status, 2);
    let lines: Vec<&str> = ran.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", ran.stderr);
    for (line, name) in lines.iter().zip([
        "clerk-2026-10.eml",
        "clerk-2026-10-guest-relations.eml",
        "clerk-2026-10-sales.eml",
    ]) {
        assert!(
            line.starts_with(&format!("clerk: out/2026-10/{name}: cannot connect to 127.0.0.1:")),
            "{line}"
        );
    }
    assert!(!dir.path().join("out/2026-10/sent.toml").exists());
}
