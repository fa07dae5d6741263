//! The command line (SPEC 4).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "clerk",
    version,
    about = "Checks the month's Excel registers against the company's review and record rules and writes the monthly report.",
    after_help = "Examples:\n  clerk run inbox --month 2026-10        the monthly job: reports/2026-10/\n  clerk check inbox/contracts.xlsx       check one register before handing it in\n  clerk rules CR02                       what a rule checks and why"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// The monthly job: read every register in INBOX, check it, write the report files.
    Run(RunArgs),
    /// Check registers and print the findings; no report files.
    Check(CheckArgs),
    /// Write blank register templates and a commented clerk.toml into DIR.
    Init {
        dir: PathBuf,
        #[arg(long)]
        lang: Option<String>,
    },
    /// List the rules, or explain one.
    Rules {
        /// A rule id such as CR02.
        id: Option<String>,
        #[arg(long)]
        lang: Option<String>,
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Send packaged messages (.eml, written by `run --email`) over SMTP.
    #[command(
        after_help = "The SMTP server, user and security come from [email] in the settings; the password from the\nenvironment variable named by email.password_env (default CLERK_SMTP_PASSWORD).\n\nExamples:\n  clerk send reports/2026-10/*.eml --dry-run   what would be sent, without connecting\n  clerk send reports/2026-10/clerk-2026-10.eml"
    )]
    Send(SendArgs),
}

#[derive(Args, Debug)]
pub struct SendArgs {
    /// The .eml files to send.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Settings file (default: clerk.toml in the current folder).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Print sender, recipients, subject and size of each message; connect to nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Language of the messages printed: en, zh-Hant, zh-Hans.
    #[arg(long)]
    pub lang: Option<String>,
}

/// Options shared by `run` and `check`.
#[derive(Args, Debug)]
pub struct Common {
    /// The folder (or one file) of registers.
    pub inbox: PathBuf,
    /// Report month, YYYY-MM. `run` defaults to the month before today.
    #[arg(long, conflicts_with = "period")]
    pub month: Option<String>,
    /// A quarter, half-year or year instead of a month: 2026-Q3, 2026-H2, 2026.
    #[arg(long)]
    pub period: Option<String>,
    /// Settings file (default: clerk.toml in the inbox, else in the current folder).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Language of the report: en, zh-Hant, zh-Hans.
    #[arg(long)]
    pub lang: Option<String>,
}

#[derive(Args, Debug)]
pub struct RunArgs {
    #[command(flatten)]
    pub common: Common,
    /// Where to write the report (a folder per month is made inside).
    #[arg(long, default_value = "reports")]
    pub out: PathBuf,
    /// Also package the report as an e-mail (.eml).
    #[arg(long)]
    pub email: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: Common,
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    /// Exit with status 1 when a finding of this severity or above exists.
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
}
