//! The command line as a user meets it: output piped into a reader that stops early, the files
//! an inbox skips, the help of every option, and shell completions.

mod common;

use std::path::Path;
use std::process::Stdio;

use common::*;

/// A small inbox: one contracts register with a finding (no approver role).
fn inbox(root: &Path) {
    let mut row = contract_row("HT-2");
    row[9] = B;
    xlsx(
        &root.join("inbox/contracts.xlsx"),
        vec![sheet("2026", vec![contract_header(), contract_row("HT-1"), row])],
    );
}

/// Runs clerk in `root` with its stdout a pipe whose reader has already gone (as `| head -1`
/// once head has its line): (exit status, stderr).
fn into_closed_pipe(root: &Path, args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = clerk()
        .current_dir(root)
        .args(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_reader_that_stops_early_ends_every_command_quietly() {
    let dir = tempdir();
    inbox(dir.path());
    std::fs::write(
        dir.path().join("clerk.toml"),
        "[email]\nfrom = \"Office <office@example.com>\"\nsmtp_host = \"smtp.example.com\"\n[email.recipients]\nmanager = [\"boss@example.com\"]\n",
    )
    .unwrap();
    let ran = run_in(
        dir.path(),
        &[
            "run",
            "inbox",
            "--month",
            "2026-10",
            "--out",
            "mail",
            "--email",
            "--config",
            "clerk.toml",
        ],
    );
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let commands: &[&[&str]] = &[
        &["rules"],
        &["rules", "CR02"],
        &["check", "inbox"],
        &["check", "inbox", "--format", "json"],
        &["check", "inbox", "--lang", "zh-Hant"],
        &["run", "inbox", "--month", "2026-10", "--out", "out"],
        &["init", "templates"],
        &["completions", "bash"],
        &["send", "--dry-run", "mail/2026-10/clerk-2026-10.eml"],
        &["--help"],
    ];
    for args in commands {
        let (status, stderr) = into_closed_pipe(dir.path(), args);
        assert_eq!((status, stderr.as_str()), (Some(0), ""), "clerk {}", args.join(" "));
    }
}

/// Every reason a file or sheet is skipped, in an inbox where nothing can be read.
fn unreadable_inbox(root: &Path) {
    let inbox = root.join("inbox");
    xlsx(
        &inbox.join("other.xlsx"),
        vec![
            sheet(
                "list",
                vec![vec![s("合同編號"), s("客戶名稱")], vec![s("HT-9"), s("華東機械廠")]],
            ),
            sheet("blank", vec![]),
        ],
    );
    std::fs::write(inbox.join("notes.txt"), b"hello").unwrap();
    std::fs::write(inbox.join("~$contracts.xlsx"), b"\x05owner").unwrap();
    std::fs::write(inbox.join(".contracts.xlsx"), b"x").unwrap();
    std::fs::write(inbox.join("broken.xlsx"), b"PK\x03\x04 not really a zip").unwrap();
}

/// What is said of each, in the order found: the files by name, then each file's sheets.
const SKIPPED: [&str; 6] = [
    "skipped: .contracts.xlsx: hidden file",
    "skipped: notes.txt: not a spreadsheet",
    "skipped: ~$contracts.xlsx: Excel lock file",
    "skipped: broken.xlsx: cannot be read (the file is damaged",
    "skipped: other.xlsx › list: not recognised as a register (closest: Contracts and orders; missing columns: document type, product category, received date)",
    "skipped: other.xlsx › blank: empty sheet",
];

#[test]
fn the_files_skipped_are_listed_when_nothing_could_be_read() {
    let dir = tempdir();
    std::fs::create_dir_all(dir.path().join("inbox")).unwrap();
    std::fs::write(dir.path().join("inbox/notes.txt"), b"hello").unwrap();
    let ran = run_in(dir.path(), &["check", "inbox"]);
    assert_eq!(ran.status, 2);
    assert_eq!(
        ran.stderr,
        "skipped: notes.txt: not a spreadsheet\nclerk: no register could be read in inbox\n"
    );
    let ran = run_in(dir.path(), &["run", "inbox", "--lang", "zh-Hans", "--month", "2026-10"]);
    assert_eq!(ran.status, 2);
    assert_eq!(
        ran.stderr,
        "跳过：notes.txt，不是电子表格\nclerk: 在 inbox 中没有可读取的台账\n"
    );

    unreadable_inbox(dir.path());
    for command in ["check", "run"] {
        let ran = run_in(dir.path(), &[command, "inbox", "--month", "2026-10"]);
        assert_eq!(ran.status, 2, "{command}");
        let lines: Vec<&str> = ran.stderr.lines().collect();
        assert_eq!(lines.len(), SKIPPED.len() + 1, "{command}: {}", ran.stderr);
        for (line, expected) in lines.iter().zip(SKIPPED) {
            assert!(line.starts_with(expected), "{command}: {line}\n{expected}");
        }
        assert_eq!(lines[SKIPPED.len()], "clerk: no register could be read in inbox");
    }
}

#[test]
fn the_files_skipped_are_listed_beside_the_registers_read() {
    let dir = tempdir();
    unreadable_inbox(dir.path());
    inbox(dir.path());
    for args in [
        &["check", "inbox", "--month", "2026-10"][..],
        &["run", "inbox", "--month", "2026-10", "--out", "out"],
    ] {
        let ran = run_in(dir.path(), args);
        assert!(ran.status <= 1, "{}", ran.stderr);
        let listed: Vec<&str> = ran.stdout.lines().filter(|l| l.starts_with("skipped: ")).collect();
        assert_eq!(listed.len(), SKIPPED.len(), "{}", ran.stdout);
        for (line, expected) in listed.iter().zip(SKIPPED) {
            assert!(line.starts_with(expected), "{}: {line}\n{expected}", args[0]);
        }
    }
}

#[test]
fn each_command_speaks_of_itself_in_its_help() {
    let ran = run_in(Path::new("."), &["check", "--help"]);
    assert_eq!(ran.status, 0);
    for word in ["`run`", "month before today", "report"] {
        assert!(
            !ran.stdout.contains(word),
            "check --help speaks of {word}:\n{}",
            ran.stdout
        );
    }
    assert!(ran.stdout.contains("(default: every row)"), "{}", ran.stdout);
    let ran = run_in(Path::new("."), &["run", "--help"]);
    assert!(
        ran.stdout.contains("(default: the month before today)"),
        "{}",
        ran.stdout
    );
    for (command, args) in [
        ("rules", &["[ID]", "--lang", "--config"][..]),
        ("init", &["<DIR>", "--lang"]),
    ] {
        let ran = run_in(Path::new("."), &[command, "--help"]);
        for arg in args {
            let line = ran.stdout.lines().find(|l| l.trim_start().starts_with(arg)).unwrap();
            let help = line.trim_start()[arg.len()..]
                .trim_start_matches(|c: char| c != ' ')
                .trim();
            assert!(help.len() > 10, "{command} {arg} has no help: {line:?}");
        }
    }
}

#[test]
fn completions_for_each_shell_name_the_commands() {
    let ran = run_in(Path::new("."), &["completions", "bash"]);
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert!(ran.stdout.contains("complete -F _clerk"), "{}", ran.stdout);
    for command in ["run", "check", "init", "rules", "send", "completions"] {
        assert!(ran.stdout.contains(&format!("clerk__subcmd__{command}")), "{command}");
    }
    assert!(ran.stdout.contains("--fail-on"));
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let ran = run_in(Path::new("."), &["completions", shell]);
        assert_eq!(ran.status, 0, "{shell}: {}", ran.stderr);
        assert!(
            ran.stdout.contains("check") && ran.stdout.contains("fail-on"),
            "{shell}"
        );
    }
    let ran = run_in(Path::new("."), &["completions", "cmd"]);
    assert_eq!(ran.status, 2);
}
