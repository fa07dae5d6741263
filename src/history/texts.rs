//! The history's lines, and those of `clerk history` that reads it, in three languages.

use crate::base::i18n::Entry;

#[rustfmt::skip]
pub static TEXTS: &[Entry] = &[
    ("history.foreign", [
        "{path} is not a clerk history (a damaged file, or another program's); it was left as it is: move it away, or run with --no-history",
        "{path} 不是 clerk 的歷史記錄（檔案已損壞，或屬於其他程式），未作任何改動；請將它移走，或以 --no-history 執行",
        "{path} 不是 clerk 的历史记录（文件已损坏，或属于其他程序），未作任何改动；请将它移走，或以 --no-history 运行",
    ]),
    ("history.newer", [
        "{path} was written by a newer clerk (history version {found}; this clerk knows up to {known}); it was left as it is",
        "{path} 由較新版本的 clerk 寫成（歷史記錄第 {found} 版，本程式只認得到第 {known} 版），未作任何改動",
        "{path} 由较新版本的 clerk 写成（历史记录第 {found} 版，本程序只认得到第 {known} 版），未作任何改动",
    ]),
    ("history.busy", [
        "another clerk run is writing the history {path}; try again when it has finished",
        "另一個 clerk 正在寫入歷史記錄 {path}，請待它完成後再試",
        "另一个 clerk 正在写入历史记录 {path}，请待它完成后再试",
    ]),
    ("history.failed", [
        "the history {path} could not be read or written: {error}",
        "無法讀寫歷史記錄 {path}：{error}",
        "无法读写历史记录 {path}：{error}",
    ]),
    ("history.started", [
        "History started from the reports of {months}",
        "歷史記錄已從{months}的報告開始建立",
        "历史记录已从{months}的报告开始建立",
    ]),
    // `clerk history`'s lines.
    ("history.none", [
        "{out} holds no history yet: `clerk run` keeps one there from its first month",
        "{out} 中還沒有歷史記錄：執行 clerk run 後，從第一個月起便會保存",
        "{out} 中还没有历史记录：运行 clerk run 后，从第一个月起便会保存",
    ]),
    ("history.nothing", ["No finding of the history matches.", "歷史記錄中沒有相符的問題。", "历史记录中没有相符的问题。"]),
    ("history.month", ["{month}: {n} finding{n|s}", "{month}：{n} 項問題", "{month}：{n} 项问题"]),
    ("history.row", [
        "{rule} {record} — {status} (first reported {first}) — {message}",
        "{rule} {record}——{status}（首次報告：{first}）——{message}",
        "{rule} {record}——{status}（首次报告：{first}）——{message}",
    ]),
];
