//! Texts of settings errors.

/// Catalogue texts of settings errors. Keys and values of clerk.toml are quoted as written.
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    (
        "config.not_found",
        [
            "{path}: settings file not found",
            "{path}：找不到設定檔",
            "{path}：找不到配置文件",
        ],
    ),
    (
        "config.unreadable",
        [
            "{path}: the settings file cannot be read: {error}",
            "{path}：無法讀取設定檔：{error}",
            "{path}：无法读取配置文件：{error}",
        ],
    ),
    (
        "config.line",
        [
            "line {line}: {message}",
            "第 {line} 行：{message}",
            "第 {line} 行：{message}",
        ],
    ),
    (
        "config.unknown_key",
        [
            "unknown setting `{key}` (the settings here are {known})",
            "沒有「{key}」這個設定項（此處可用的設定項：{known}）",
            "没有「{key}」这个设置项（此处可用的设置项：{known}）",
        ],
    ),
    (
        "config.wrong_type",
        [
            "{key} must be {expected}, but it is {found}",
            "「{key}」應為{expected}，寫的是{found}",
            "「{key}」应为{expected}，写的是{found}",
        ],
    ),
    (
        "config.expected.count",
        ["a whole number, 0 or more", "不小於 0 的整數", "不小于 0 的整数"],
    ),
    (
        "config.expected.port",
        [
            "a port number from 1 to 65535",
            "1 到 65535 之間的連接埠號碼",
            "1 到 65535 之间的端口号",
        ],
    ),
    ("config.expected.integer", ["a whole number", "整數", "整数"]),
    (
        "config.expected.boolean",
        ["true or false", "是非值 true 或 false", "是非值 true 或 false"],
    ),
    (
        "config.expected.string",
        ["text in quotes", "加引號的文字", "加引号的文字"],
    ),
    (
        "config.expected.list",
        [
            "a list in square brackets, [ ]",
            "方括號 [ ] 中的清單",
            "方括号 [ ] 中的列表",
        ],
    ),
    (
        "config.expected.other",
        ["another kind of value", "其他類型的值", "其他类型的值"],
    ),
    (
        "config.found.string",
        ["the text “{value}”", "文字「{value}」", "文字「{value}」"],
    ),
    (
        "config.found.integer",
        ["the number {value}", "數字 {value}", "数字 {value}"],
    ),
    (
        "config.found.float",
        ["the number {value}", "數字 {value}", "数字 {value}"],
    ),
    ("config.found.boolean", ["{value}", "{value}", "{value}"]),
    ("config.found.list", ["a list", "清單", "列表"]),
    ("config.found.other", ["{value}", "{value}", "{value}"]),
    (
        "config.syntax",
        [
            "the file is not written as TOML expects ({detail})",
            "檔案格式不符合 TOML 的寫法（{detail}）",
            "文件格式不符合 TOML 的写法（{detail}）",
        ],
    ),
    (
        "config.not_one_of",
        [
            "{key}: `{value}` is not one of {allowed}",
            "{key}：「{value}」不是 {allowed} 之一",
            "{key}：「{value}」不是 {allowed} 之一",
        ],
    ),
    (
        "config.not_audience",
        [
            "{key}: not an audience; use {known} (departments come from [departments])",
            "{key}：不是收件對象；請用 {known}（部門來自 [departments]）",
            "{key}：不是收件对象；请用 {known}（部门来自 [departments]）",
        ],
    ),
    (
        "config.not_host",
        [
            "email.smtp_host: `{value}` is not a host name",
            "email.smtp_host：「{value}」不是主機名稱",
            "email.smtp_host：「{value}」不是主机名称",
        ],
    ),
    (
        "config.not_port",
        [
            "email.smtp_port: 0 is not a port",
            "email.smtp_port：0 不是有效的連接埠號碼",
            "email.smtp_port：0 不是有效的端口号码",
        ],
    ),
    (
        "config.not_env",
        [
            "email.password_env: `{value}` is not an environment variable name",
            "email.password_env：「{value}」不是環境變數名稱",
            "email.password_env：「{value}」不是环境变量名称",
        ],
    ),
    (
        "config.address_control",
        [
            "{key}: `{value}` holds a line break or control character",
            "{key}：「{value}」含有換行或控制字元",
            "{key}：「{value}」含有换行或控制字符",
        ],
    ),
    (
        "config.not_address",
        [
            "{key}: `{value}` is not an e-mail address",
            "{key}：「{value}」不是電子郵件地址",
            "{key}：「{value}」不是电子邮件地址",
        ],
    ),
    (
        "config.ranking",
        [
            "{key}: list each of {known} exactly once, weakest first",
            "{key}：{known} 每項各列一次，由弱到強排列",
            "{key}：{known} 每项各列一次，由弱到强排列",
        ],
    ),
    (
        "config.unknown_register",
        [
            "{key}: unknown register (use contracts, amendments, feedback, guests, visits or callbacks)",
            "{key}：沒有這種台帳（請用 contracts、amendments、feedback、guests、visits 或 callbacks）",
            "{key}：没有这种台账（请用 contracts、amendments、feedback、guests、visits 或 callbacks）",
        ],
    ),
    (
        "config.no_column",
        [
            "{key}: the {register} register has no column `{column}`",
            "{key}：{register} 台帳沒有「{column}」欄",
            "{key}：{register} 台账没有「{column}」列",
        ],
    ),
    (
        "config.not_enum_column",
        [
            "{key}: `{column}` is not a column with fixed values",
            "{key}：「{column}」不是有固定選項的欄",
            "{key}：「{column}」不是有固定选项的列",
        ],
    ),
    (
        "config.class_spend",
        [
            "guests.class_b_spend: must not exceed guests.class_a_spend",
            "guests.class_b_spend：不可大於 guests.class_a_spend",
            "guests.class_b_spend：不可大于 guests.class_a_spend",
        ],
    ),
    (
        "config.department_name",
        [
            "{key}: a department name may hold letters, digits, `-` and `_` only (and not be `manager`)",
            "{key}：部門名稱只能含字母、數字、「-」和「_」（且不可為「manager」）",
            "{key}：部门名称只能含字母、数字、「-」和「_」（且不可为「manager」）",
        ],
    ),
];
