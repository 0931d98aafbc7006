//! The target emotion of the selected persona at the selected stage, in the version the
//! board shows: one pick, one undoable edit.

use egui::{RichText, Ui};

use super::command::Commands;
use super::data::ViewData;
use crate::i18n::format::signed;
use crate::i18n::{Text, Tr};
use crate::model::{PersonaId, Score, Stage, VersionId};
use crate::store::edit::Edit;

/// "Target emotion [+2 ▾]": the scores −5…+5, and the model's expected level (no target set).
pub fn target_ui(
    ui: &mut Ui,
    tr: Tr,
    data: &ViewData,
    (version, persona, stage): (VersionId, PersonaId, Stage),
    out: &mut Commands,
) {
    let targets = data.targets.get(&version);
    let explicit = targets.and_then(|t| t.explicit(persona, stage));
    let expected = format!("{} ({})", tr.t(Text::ExpectedLevel), signed(stage.expected_score()));
    let current = explicit.map_or_else(|| expected.clone(), |s| signed(s.get()));
    ui.horizontal(|ui| {
        let label = ui
            .label(RichText::new(tr.t(Text::TargetEmotion)).strong())
            .on_hover_text(tr.t(Text::TargetEmotionTip));
        egui::ComboBox::from_id_salt("target_emotion")
            .selected_text(current)
            .width(140.0)
            .show_ui(ui, |ui| {
                let mut pick = |score: Option<Score>, text: String| {
                    if ui.selectable_label(explicit == score, text).clicked() && explicit != score {
                        out.send(Edit::SetTarget { version, persona, stage, score });
                    }
                };
                pick(None, expected.clone());
                for value in (Score::MIN..=Score::MAX).rev() {
                    let Ok(score) = Score::new(i64::from(value)) else { continue };
                    pick(Some(score), signed(value));
                }
            })
            .response
            .labelled_by(label.id);
    });
}
