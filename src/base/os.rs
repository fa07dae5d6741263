//! What the system said, in words: an [`std::io::Error`] as "file or folder not found",
//! "permission denied", "connection refused" in the report language. The system's own message
//! (always English) is kept after the words in English only, and for the kinds that have no words.

use std::io::{self, ErrorKind};

use super::i18n::{Catalogue, Entry, Lang};

/// The error in the catalogue's language.
pub fn io_words(e: &io::Error, text: &Catalogue) -> String {
    let detail = e.to_string();
    // A host name that cannot be looked up has no kind of its own on stable Rust.
    let key = match detail.contains("failed to lookup address") {
        true => Some("os.unknown_host"),
        false => kind_key(e.kind()),
    };
    match key {
        Some(key) if text.lang == Lang::En => {
            text.fmt("os.with_detail", &[("words", &text.get(key)), ("detail", &detail)])
        }
        Some(key) => text.get(key),
        None => text.fmt("os.other", &[("detail", &detail)]),
    }
}

fn kind_key(kind: ErrorKind) -> Option<&'static str> {
    Some(match kind {
        ErrorKind::NotFound => "os.not_found",
        ErrorKind::PermissionDenied => "os.permission",
        ErrorKind::AlreadyExists => "os.exists",
        ErrorKind::ConnectionRefused => "os.refused",
        ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted | ErrorKind::BrokenPipe => "os.reset",
        ErrorKind::TimedOut => "os.timed_out",
        ErrorKind::HostUnreachable | ErrorKind::NetworkUnreachable | ErrorKind::AddrNotAvailable => "os.unreachable",
        ErrorKind::StorageFull => "os.full",
        ErrorKind::ReadOnlyFilesystem => "os.read_only",
        ErrorKind::IsADirectory => "os.is_dir",
        ErrorKind::NotADirectory => "os.not_dir",
        ErrorKind::InvalidData | ErrorKind::UnexpectedEof => "os.invalid_data",
        ErrorKind::OutOfMemory => "os.memory",
        _ => return None,
    })
}

/// key → [en, zh-Hant, zh-Hans]
#[rustfmt::skip]
pub static TEXTS: &[Entry] = &[
    ("os.path", ["{path}: {error}", "{path}：{error}", "{path}：{error}"]),
    ("os.with_detail", ["{words} ({detail})", "{words}（{detail}）", "{words}（{detail}）"]),
    ("os.other", ["{detail}", "系統回報錯誤（{detail}）", "系统报告错误（{detail}）"]),
    ("os.not_found", ["file or folder not found", "找不到檔案或資料夾", "找不到文件或文件夹"]),
    ("os.permission", ["permission denied", "沒有存取權限", "没有访问权限"]),
    ("os.exists", ["already exists", "已經存在", "已经存在"]),
    ("os.refused", ["the connection was refused", "連線被拒絕", "连接被拒绝"]),
    ("os.reset", ["the connection was cut off", "連線中斷", "连接中断"]),
    ("os.timed_out", ["no answer in time", "等候回應逾時", "等待响应超时"]),
    ("os.unreachable", ["the server cannot be reached from this computer", "從這台電腦無法連到伺服器", "从这台电脑无法连接到服务器"]),
    ("os.unknown_host", ["the server name cannot be found", "找不到這個伺服器名稱", "找不到这个服务器名称"]),
    ("os.full", ["the disk is full", "磁碟已滿", "磁盘已满"]),
    ("os.read_only", ["the disk or folder is read-only", "磁碟或資料夾為唯讀", "磁盘或文件夹为只读"]),
    ("os.is_dir", ["this is a folder, not a file", "這是資料夾，不是檔案", "这是文件夹，不是文件"]),
    ("os.not_dir", ["part of the path is not a folder", "路徑中有一部分不是資料夾", "路径中有一部分不是文件夹"]),
    ("os.invalid_data", ["the data is damaged or incomplete", "資料已損壞或不完整", "数据已损坏或不完整"]),
    ("os.memory", ["not enough memory", "記憶體不足", "内存不足"]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::i18n::Texts;

    fn catalogue(lang: Lang) -> Catalogue {
        Catalogue::new(lang, Texts::new(&[TEXTS]).leak())
    }

    #[test]
    fn system_errors_in_words() {
        let missing = std::fs::read("/no/such/clerk/file").unwrap_err();
        assert_eq!(io_words(&missing, &catalogue(Lang::ZhHant)), "找不到檔案或資料夾");
        assert_eq!(io_words(&missing, &catalogue(Lang::ZhHans)), "找不到文件或文件夹");
        let en = io_words(&missing, &catalogue(Lang::En));
        assert!(en.starts_with("file or folder not found ("), "{en}");
        let odd = io::Error::other("strange");
        assert_eq!(io_words(&odd, &catalogue(Lang::ZhHant)), "系統回報錯誤（strange）");
        assert_eq!(io_words(&odd, &catalogue(Lang::En)), "strange");
    }
}
