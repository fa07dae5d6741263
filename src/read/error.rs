//! Why a file could not be read ([`ReadError`]), and the catalogue texts of the reasons and of
//! the files and sheets skipped ([`TEXTS`]).

/// Why a file could not be read: a catalogue key (`read.<key>`) and the values its text names, so
/// the one line the user sees is in the report language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl ReadError {
    pub(super) fn new(key: &'static str) -> ReadError {
        ReadError { key, args: Vec::new() }
    }

    pub(super) fn with(key: &'static str, args: &[(&'static str, String)]) -> ReadError {
        ReadError {
            key,
            args: args.to_vec(),
        }
    }

    /// The reader stopped without a reason (a panic it could not recover from).
    pub fn gave_up() -> ReadError {
        ReadError::new("gave_up")
    }

    /// A contained reader stopped for using too much `memory` or `time`.
    pub fn stopped(what: &str) -> ReadError {
        ReadError::new(if what == "time" {
            "stopped_time"
        } else {
            "stopped_memory"
        })
    }

    /// A reason that crossed a process boundary as text, back to a catalogue key.
    pub fn from_parts(key: &str, args: Vec<(String, String)>) -> ReadError {
        const NAMES: [&str; 9] = ["detail", "sheet", "parts", "max", "part", "mb", "kb", "cell", "rows"];
        let full = format!("read.{key}");
        let key = TEXTS
            .iter()
            .find(|(k, _)| *k == full)
            .and_then(|(k, _)| k.strip_prefix("read."))
            .unwrap_or("gave_up");
        let args = args
            .into_iter()
            .filter_map(|(name, value)| NAMES.iter().find(|n| **n == name).map(|n| (*n, value)))
            .collect();
        ReadError { key, args }
    }

    /// A parser's or the system's own words, kept as the detail of "cannot be read".
    pub fn damaged(detail: impl std::fmt::Display) -> ReadError {
        ReadError::with("damaged", &[("detail", describe(&detail))])
    }

    /// The one-line reason in a language.
    pub fn text(&self, catalogue: &crate::base::i18n::Catalogue) -> String {
        let args: Vec<(&str, &str)> = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        catalogue.fmt(&format!("read.{}", self.key), &args)
    }
}

/// Catalogue texts of the reasons a file cannot be read.
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    (
        "read.damaged",
        [
            "the file is damaged or unreadable ({detail})",
            "檔案已損壞或無法讀取（{detail}）",
            "文件已损坏或无法读取（{detail}）",
        ],
    ),
    (
        "read.gave_up",
        [
            "the file is damaged (the spreadsheet reader gave up on it)",
            "檔案已損壞（試算表讀取程式無法處理）",
            "文件已损坏（电子表格读取程序无法处理）",
        ],
    ),
    (
        "read.stopped_memory",
        [
            "reading the file needed far more memory than a register can (its declared size is huge); save it again as .xlsx",
            "讀取此檔案所需的記憶體遠超一般台帳（宣告的範圍極大），請另存為 .xlsx",
            "读取此文件所需的内存远超一般台账（声明的范围极大），请另存为 .xlsx",
        ],
    ),
    (
        "read.stopped_time",
        [
            "reading the file took too long and was stopped; it may be damaged — save it again as .xlsx",
            "讀取此檔案時間過長，已停止；檔案可能已損壞，請另存為 .xlsx",
            "读取此文件时间过长，已停止；文件可能已损坏，请另存为 .xlsx",
        ],
    ),
    (
        "read.empty",
        [
            "the file is empty (0 bytes)",
            "檔案是空的（0 位元組）",
            "文件是空的（0 字节）",
        ],
    ),
    (
        "read.password",
        [
            "the file is password-protected; save a copy without a password",
            "檔案有密碼保護，請另存一份沒有密碼的副本",
            "文件有密码保护，请另存一份没有密码的副本",
        ],
    ),
    (
        "read.web_page",
        [
            "this is a web page or XML file saved with a spreadsheet name; open it in Excel and save it as .xlsx",
            "這是以試算表名稱存檔的網頁或 XML 檔，請用 Excel 開啟後另存為 .xlsx",
            "这是以电子表格名称保存的网页或 XML 文件，请用 Excel 打开后另存为 .xlsx",
        ],
    ),
    (
        "read.too_old",
        [
            "an Excel 2–4 worksheet, too old to read; save it as .xlsx",
            "Excel 2–4 格式的工作表，版本太舊無法讀取，請另存為 .xlsx",
            "Excel 2–4 格式的工作表，版本太旧无法读取，请另存为 .xlsx",
        ],
    ),
    (
        "read.unknown",
        [
            "not a spreadsheet file (unknown content); it may be damaged",
            "不是試算表檔案（內容無法辨認），可能已損壞",
            "不是电子表格文件（内容无法识别），可能已损坏",
        ],
    ),
    (
        "read.zip_parts",
        [
            "the workbook holds {parts} parts, more than {max}; it is not a normal workbook",
            "活頁簿含有 {parts} 個部分，超過 {max} 個，不是正常的活頁簿",
            "工作簿含有 {parts} 个部分，超过 {max} 个，不是正常的工作簿",
        ],
    ),
    (
        "read.zip_bomb",
        [
            "part {part} would unpack to {mb} MB from {kb} KB: refused as a zip bomb",
            "部分 {part} 會從 {kb} KB 解壓成 {mb} MB：視為壓縮炸彈，拒絕讀取",
            "部分 {part} 会从 {kb} KB 解压成 {mb} MB：视为压缩炸弹，拒绝读取",
        ],
    ),
    (
        "read.too_big",
        [
            "the workbook would unpack to {mb} MB, more than {max} MB",
            "活頁簿解壓後有 {mb} MB，超過 {max} MB",
            "工作簿解压后有 {mb} MB，超过 {max} MB",
        ],
    ),
    (
        "read.zip_csv",
        [
            "a zip archive named .csv; unpack it first",
            "以 .csv 命名的壓縮檔，請先解壓",
            "以 .csv 命名的压缩文件，请先解压",
        ],
    ),
    (
        "read.zip_other",
        [
            "a zip archive, but not a workbook",
            "是壓縮檔，但不是活頁簿",
            "是压缩文件，但不是工作簿",
        ],
    ),
    (
        "skip.cells_ignored",
        [
            "values beyond the limits on rows and columns (limits.max_rows, limits.max_columns) were not read",
            "超出行數或欄數上限（limits.max_rows、limits.max_columns）的值未讀取",
            "超出行数或列数上限（limits.max_rows、limits.max_columns）的值未读取",
        ],
    ),
    (
        "read.sheet",
        [
            "sheet {sheet}: {detail}",
            "工作表 {sheet}：{detail}",
            "工作表 {sheet}：{detail}",
        ],
    ),
    ("skip.lock_file", ["Excel lock file", "Excel 鎖定檔", "Excel 锁定文件"]),
    ("skip.hidden", ["hidden file", "隱藏檔案", "隐藏文件"]),
    ("skip.not_a_spreadsheet", ["not a spreadsheet", "不是試算表", "不是电子表格"]),
    ("skip.unreadable", ["cannot be read", "無法讀取", "无法读取"]),
    ("skip.not_recognised", ["not recognised as a register", "無法辨識為台帳", "无法识别为台账"]),
    ("skip.empty", ["empty sheet", "空白工作表", "空白工作表"]),
    ("skip.footer", ["footer lines below the last record are not records", "最後一筆記錄下方的表尾不是記錄", "最后一条记录下方的表尾不是记录"]),
];

pub(super) fn describe(err: &dyn std::fmt::Display) -> String {
    let text = err.to_string();
    let line = text.lines().next().unwrap_or("").trim();
    if line.is_empty() {
        "unknown error".to_string()
    } else {
        line.to_string()
    }
}
