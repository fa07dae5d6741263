//! The command line (SPEC 4). Every option and argument has its own line of help, true for the
//! command it belongs to (a test walks them all); `clerk completions SHELL` writes the shell's
//! completion script from this same definition.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "clerk",
    version,
    about = "Checks the month's Excel registers against the company's review and record rules and writes the monthly report.",
    after_help = "Examples:\n  clerk run inbox --month 2026-10        the monthly job: reports/2026-10/\n  clerk check inbox/contracts.xlsx       check one register before handing it in\n  clerk rules CR02                       what a rule checks and why\n  clerk completions bash                 completion of commands and options in bash"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

const LANG_HELP: &str = "en, zh-Hant or zh-Hans (default: the language of the settings, else en)";

#[derive(Subcommand, Debug)]
pub enum Command {
    /// The monthly job: read every register in INBOX, check it, write the report files.
    #[command(
        mut_arg("month", |a| a.help("Report month, YYYY-MM (default: the month before today)")),
        mut_arg("lang", |a| a.help(format!("Language of the report and the terminal: {LANG_HELP}")))
    )]
    Run(RunArgs),
    /// Check registers and print the findings; writes no files.
    #[command(
        mut_arg("month", |a| a.help("Check only the rows of this month, YYYY-MM (default: every row)")),
        mut_arg("lang", |a| a.help(format!("Language of the findings: {LANG_HELP}")))
    )]
    Check(CheckArgs),
    /// Write blank register templates and a commented clerk.toml into DIR.
    Init {
        /// The folder to write the templates into (made if missing; files already there are kept).
        dir: PathBuf,
        /// Language of the templates' headers and notes: en, zh-Hant or zh-Hans (default: en).
        #[arg(long)]
        lang: Option<String>,
    },
    /// List the rules, or explain one.
    Rules {
        /// A rule id such as CR02; without it, every rule on one line each.
        id: Option<String>,
        #[arg(long, help = format!("Language of the rules' texts: {LANG_HELP}"))]
        lang: Option<String>,
        /// Settings file whose values the explanation shows (default: clerk.toml in the current
        /// folder, else the built-in settings).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Send packaged messages (.eml, written by `run --email`) over SMTP.
    #[command(
        after_help = "The SMTP server, user and security come from [email] in the settings the run used (or --config);\nthe password from the environment variable named by email.password_env (default CLERK_SMTP_PASSWORD).\nThe Date header says the time of sending. A message sent before is sent again, with a note.\n\nExamples:\n  clerk send reports/2026-10/*.eml --dry-run   what would be sent, without connecting\n  clerk send reports/2026-10/clerk-2026-10.eml"
    )]
    Send(SendArgs),
    /// The months a record or a rule appeared in, with each finding's status, from the history.
    #[command(
        after_help = "The history is OUT/clerk-history.sqlite, kept by `clerk run`. Phone numbers and birthdays are masked.\n\nExamples:\n  clerk history --record HT-2026-031          every month the order had a finding\n  clerk history --rule GH03 --format json     a rule's findings, month by month"
    )]
    History(HistoryArgs),
    /// Print the completion script of a shell, for commands, options and their values.
    #[command(
        after_help = "Examples:\n  clerk completions bash > ~/.local/share/bash-completion/completions/clerk\n  clerk completions zsh > ~/.zfunc/_clerk               (with fpath+=~/.zfunc in ~/.zshrc)\n  clerk completions fish > ~/.config/fish/completions/clerk.fish\n  clerk completions powershell >> $PROFILE"
    )]
    Completions {
        /// The shell to write the script for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Args, Debug)]
pub struct SendArgs {
    /// The .eml files to send.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Settings file (default: the one the run that packaged the message used, named in
    /// send-settings.toml beside it; else clerk.toml in the current folder, else the built-in
    /// settings).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Check everything a send checks and print sender, recipients, subject and size of each
    /// message; connect to nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, help = format!("Language of the lines printed: {LANG_HELP}"))]
    pub lang: Option<String>,
}

/// Options shared by `run` and `check` (each gives `--month` and `--lang` help of its own).
#[derive(Args, Debug)]
pub struct Common {
    /// The folder (or one file) of registers.
    pub inbox: PathBuf,
    /// A month, YYYY-MM.
    #[arg(long, conflicts_with = "period")]
    pub month: Option<String>,
    /// A quarter, half-year or year instead of a month: 2026-Q3, 2026-H2, 2026.
    #[arg(long)]
    pub period: Option<String>,
    /// Settings file (default: clerk.toml in the inbox, else in the current folder, else the
    /// built-in settings).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// en, zh-Hant or zh-Hans.
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
    /// Also package the report as e-mail messages (.eml), one per audience.
    #[arg(long)]
    pub email: bool,
    /// With --email: also send the messages over SMTP, each once (a message already sent from
    /// the month's folder is not sent again); for a scheduled monthly job.
    #[arg(long, requires = "email")]
    pub send: bool,
    /// With --send: send the month's messages again, those already sent too.
    #[arg(long, requires = "send")]
    pub resend: bool,
    /// Run without the history (OUT/clerk-history.sqlite): neither read nor written, so no
    /// statuses since last month.
    #[arg(long)]
    pub no_history: bool,
}

#[derive(Args, Debug)]
pub struct HistoryArgs {
    /// The output folder `clerk run` wrote the reports and the history into.
    #[arg(long, default_value = "reports")]
    pub out: PathBuf,
    /// Only the findings of this record (its id as the reports show it).
    #[arg(long)]
    pub record: Option<String>,
    /// Only the findings of this rule (e.g. CR02).
    #[arg(long)]
    pub rule: Option<String>,
    /// How to print the findings.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    #[arg(long, help = format!("Language of the lines printed: {LANG_HELP}"))]
    pub lang: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One line per finding, then the summary line.
    Text,
    /// The findings as findings.json holds them.
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Status 1 when there is an error.
    Error,
    /// Status 1 when there is a warning or an error.
    Warning,
    /// Status 1 when there is any finding.
    Info,
    /// Status 0 whatever is found.
    Never,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: Common,
    /// How to print the findings.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    /// Exit with status 1 when a finding of this severity or above exists.
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    /// Every command, option and argument says what it is, in its own line of help.
    #[test]
    fn every_argument_of_every_command_has_help() {
        let cli = Cli::command();
        let mut missing = Vec::new();
        for command in cli.get_subcommands() {
            if command.get_about().is_none() {
                missing.push(command.get_name().to_string());
            }
            for arg in command.get_arguments() {
                if arg.get_help().is_none_or(|h| h.to_string().trim().is_empty()) {
                    missing.push(format!("{} {}", command.get_name(), arg.get_id()));
                }
            }
        }
        assert!(missing.is_empty(), "without help: {missing:?}");
    }
}
