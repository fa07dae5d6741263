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
        "config.in_file",
        ["{path}: {message}", "{path}：{message}", "{path}：{message}"],
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
        "config.department_name",
        [
            "{key}: a department name may hold letters, digits, `-` and `_` only (and not be `manager`)",
            "{key}：部門名稱只能含字母、數字、「-」和「_」（且不可為「manager」）",
            "{key}：部门名称只能含字母、数字、「-」和「_」（且不可为「manager」）",
        ],
    ),
    (
        "config.class_spend",
        [
            "[guests] class_b_spend must not be more than class_a_spend",
            "[guests] class_b_spend 不可大於 class_a_spend",
            "[guests] class_b_spend 不可大于 class_a_spend",
        ],
    ),
];

/// What a key should hold (settings/keys.rs) and what it was found to hold, in plain words.
#[rustfmt::skip]
pub static SHAPE_TEXTS: &[crate::base::i18n::Entry] = &[
    ("config.expects", [
        "{key} should be {expected} (e.g. {example}), but is {found}",
        "{key} 應為{expected}（例如「{example}」），目前填的是{found}",
        "{key} 应为{expected}（例如「{example}」），目前填的是{found}",
    ]),
    ("config.expects_item", [
        "{key} should be {expected} (e.g. {example}), but holds {found}",
        "{key} 應為{expected}（例如「{example}」），但其中有{found}",
        "{key} 应为{expected}（例如「{example}」），但其中有{found}",
    ]),
    ("config.not_section", [
        "{key} should be a section of settings, but is {found}",
        "{key} 應為設定區段，目前填的是{found}",
        "{key} 应为设定区段，目前填的是{found}",
    ]),
    ("config.unknown_key", [
        "{key}: there is no such setting; the settings here are {known}",
        "{key}：沒有這項設定；這裡可用的設定有 {known}",
        "{key}：没有这项设定；这里可用的设定有 {known}",
    ]),
    ("config.missing_key", [
        "{key} is missing (this row needs {keys})",
        "缺少 {key}：{keys} 須一併填寫",
        "缺少 {key}：{keys} 须一并填写",
    ]),
    ("config.unknown_rule", [
        "{key}: {value} names no rule; write a rule id such as {example}, or the first letters of a group of rules: {families}",
        "{key}：{value}不是任何規則；請寫規則編號（如 {example}），或一組規則的開頭字母：{families}",
        "{key}：{value}不是任何规则；请写规则编号（如 {example}），或一组规则的开头字母：{families}",
    ]),
    ("config.quoted", ["\"{value}\"", "「{value}」", "「{value}」"]),
    ("config.found_value", ["{value}", "「{value}」", "「{value}」"]),
    ("config.found_list", ["a list", "一個清單", "一个清单"]),
    ("config.found_table", ["a section", "一個區段", "一个区段"]),
    ("expect.text", ["a text in quotes", "加引號的文字", "加引号的文字"]),
    ("expect.texts", [
        "a list of texts in quotes, in square brackets",
        "方括號內加引號的文字清單",
        "方括号内加引号的文字清单",
    ]),
    ("expect.one_of", ["one of {values}", "{values}其中之一", "{values}其中之一"]),
    ("expect.yes_no", ["true or false", "「true」（是）或「false」（否）", "「true」（是）或「false」（否）"]),
    ("expect.rule_ids", [
        "a list of rule ids or their first letters",
        "規則編號或其開頭字母的清單",
        "规则编号或其开头字母的清单",
    ]),
    ("expect.address", [
        "an e-mail address in quotes, or empty",
        "加引號的電子郵件地址，或留空",
        "加引号的电子邮件地址，或留空",
    ]),
    ("expect.addresses", ["a list of e-mail addresses in quotes", "加引號的電子郵件地址清單", "加引号的电子邮件地址清单"]),
    ("expect.env_name", [
        "the name of an environment variable (letters, digits and _)",
        "環境變數名稱（字母、數字和 _）",
        "环境变量名称（字母、数字和 _）",
    ]),
    ("expect.host", ["a server name without spaces", "不含空格的伺服器名稱", "不含空格的服务器名称"]),
    ("expect.days", ["a whole number of days, {min} or more", "不小於 {min} 的整數天數", "不小于 {min} 的整数天数"]),
    ("expect.hours", ["a whole number of hours, {min} or more", "不小於 {min} 的整數小時數", "不小于 {min} 的整数小时数"]),
    ("expect.months", ["a whole number of months, {min} or more", "不小於 {min} 的整數月數", "不小于 {min} 的整数月数"]),
    ("expect.amount", ["a whole amount of money, {min} or more", "不小於 {min} 的整數金額", "不小于 {min} 的整数金额"]),
    ("expect.rows", ["a whole number of rows, {min} or more", "不小於 {min} 的整數行數", "不小于 {min} 的整数行数"]),
    ("expect.columns", [
        "a whole number of columns from {min} to {max}",
        "介於 {min} 到 {max} 的整數欄數",
        "介于 {min} 到 {max} 的整数栏数",
    ]),
    ("expect.count", ["a whole number, {min} or more", "不小於 {min} 的整數", "不小于 {min} 的整数"]),
    ("expect.megabytes", [
        "a whole number of megabytes, {min} or more",
        "不小於 {min} 的整數（單位 MB）",
        "不小于 {min} 的整数（单位 MB）",
    ]),
    ("expect.seconds", ["a whole number of seconds, {min} or more", "不小於 {min} 的整數秒數", "不小于 {min} 的整数秒数"]),
    ("expect.port", ["a port number from {min} to {max}", "介於 {min} 到 {max} 的連接埠號", "介于 {min} 到 {max} 的端口号"]),
];
