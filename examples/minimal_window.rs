//! The smallest eframe window, built like Fanpath's (glow, same window size): the baseline
//! for the first-frame measurement in `scripts/measure_open.sh`. With
//! `FANPATH_EXIT_AFTER_FIRST_FRAME` set it prints the time to its first frame and closes,
//! as `fanpath` does.

use std::time::Instant;

struct Minimal {
    started: Instant,
    exit_after_first_frame: bool,
    frames: u64,
}

impl eframe::App for Minimal {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.label("Hello");
        });
        self.frames += 1;
        if self.exit_after_first_frame && self.frames == 1 {
            eprintln!("first frame after {} ms", self.started.elapsed().as_millis());
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

fn main() -> eframe::Result<()> {
    let started = Instant::now();
    let exit_after_first_frame = std::env::var_os("FANPATH_EXIT_AFTER_FIRST_FRAME").is_some();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_title("Minimal").with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Minimal",
        options,
        Box::new(move |_cc| Ok(Box::new(Minimal { started, exit_after_first_frame, frames: 0 }))),
    )
}
