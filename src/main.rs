//! The `report-tui` binary: parse arguments, run, map errors to exit codes.

fn main() {
    std::process::exit(report_tui::cli::main());
}
