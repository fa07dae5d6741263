//! The house keeps its shape (ARCHITECTURE.md): the layers import only downwards, no file grows
//! past 600 lines, no function past 80. A change that breaks one of these fails here, naming the
//! file and line, so the layout is kept by the tests and not only by good intentions.

use std::path::{Path, PathBuf};

/// The layers of `src/`, from the bottom up. A layer may use the layers below it, never above.
const LAYERS: [&str; 11] = [
    "base",
    "read",
    "values",
    "registers",
    "settings",
    "month",
    "rules",
    "history",
    "report",
    "render",
    "commands",
];

const MAX_FILE_LINES: usize = 600;
const MAX_FN_LINES: usize = 80;

fn sources() -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&src)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    files
}

fn relative(path: &Path) -> String {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    path.strip_prefix(&src)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The layer a file belongs to: its first folder under `src/`.
fn layer_of(rel: &str) -> Option<usize> {
    let top = rel.split('/').next()?;
    LAYERS.iter().position(|l| *l == top)
}

/// The files that are test modules: declared `#[cfg(test)] mod name;` by their parent.
fn test_modules(files: &[PathBuf]) -> Vec<PathBuf> {
    let mut tests = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(path).unwrap();
        // A module's children live beside it (mod.rs, lib.rs) or in a folder named for it.
        let dir = match path.file_name().and_then(|n| n.to_str()) {
            Some("mod.rs" | "lib.rs" | "main.rs") => path.parent().unwrap().to_path_buf(),
            _ => path.with_extension(""),
        };
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for pair in lines.windows(2) {
            let declared = pair[1].strip_prefix("pub(crate) ").unwrap_or(pair[1]);
            let Some(name) = declared.strip_prefix("mod ").and_then(|n| n.strip_suffix(';')) else {
                continue;
            };
            if pair[0] == "#[cfg(test)]" {
                tests.push(dir.join(format!("{name}.rs")));
                tests.push(dir.join(name).join("mod.rs"));
            }
        }
    }
    tests
}

/// The lines of a file that are not test code: everything before its first `#[cfg(test)]`, and
/// nothing of a test module.
fn code_lines(text: &str, is_test: bool) -> Vec<(usize, String)> {
    if is_test {
        return Vec::new();
    }
    text.lines()
        .enumerate()
        .take_while(|(_, l)| l.trim() != "#[cfg(test)]")
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect()
}

#[test]
fn every_layer_uses_only_the_layers_below_it() {
    let files = sources();
    let tests = test_modules(&files);
    assert!(tests.iter().any(|t| t.ends_with("rules/testing.rs")), "{tests:?}");
    let mut wrong = Vec::new();
    for path in &files {
        let rel = relative(path);
        let Some(layer) = layer_of(&rel) else { continue };
        let text = std::fs::read_to_string(path).unwrap();
        for (n, line) in code_lines(&text, tests.contains(path)) {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for name in &LAYERS[layer + 1..] {
                if line.contains(&format!("crate::{name}::")) || line.contains(&format!("crate::{name};")) {
                    wrong.push(format!("{rel}:{n} ({}) uses {name}, a layer above it", LAYERS[layer]));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_file_is_over_600_lines() {
    let long: Vec<String> = sources()
        .iter()
        .filter_map(|path| {
            let lines = std::fs::read_to_string(path).unwrap().lines().count();
            (lines > MAX_FILE_LINES).then(|| format!("{}: {lines} lines", relative(path)))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_FILE_LINES} lines:\n{}",
        long.join("\n")
    );
}

/// Where a function starts: `fn name(` after optional visibility and qualifiers.
fn function_name(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    for prefix in ["pub(crate) ", "pub(super) ", "pub ", "const ", "async ", "unsafe "] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    Some(&rest[..end])
}

#[test]
fn no_function_is_over_80_lines() {
    let mut long = Vec::new();
    for path in sources() {
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let Some(name) = function_name(line) else { continue };
            if line.trim_end().ends_with(';') || line.trim_end().ends_with('}') {
                continue; // a declaration in a trait, or a function of one line
            }
            let indent = &line[..line.len() - line.trim_start().len()];
            let close = format!("{indent}}}");
            let Some(end) = lines[i + 1..].iter().position(|l| *l == close) else {
                continue;
            };
            let length = end + 2;
            if length > MAX_FN_LINES {
                long.push(format!("{}:{} fn {name}: {length} lines", relative(&path), i + 1));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FN_LINES} lines:\n{}",
        long.join("\n")
    );
}

/// The checks above read the code as text; make sure they see what they should.
#[test]
fn the_checks_see_functions_and_layers() {
    assert_eq!(function_name("    pub(crate) fn check(&self) {"), Some("check"));
    assert_eq!(function_name("fn main() {"), Some("main"));
    assert_eq!(function_name("    let f = 1;"), None);
    assert_eq!(layer_of("rules/contracts/cr01.rs"), Some(6));
    assert_eq!(layer_of("lib.rs"), None);
    let code = code_lines("use a;\n#[cfg(test)]\nuse crate::commands::x;\n", false);
    assert_eq!(code, vec![(1, "use a;".to_string())]);
    assert!(code_lines("use crate::commands::x;", true).is_empty());
}
