// The maturity scan for screen readers and keyboards (issue 19): what the page's DOM mirror
// (web/mirror.js) shows of the maturity view — the shown scan's result as headings, paragraphs and
// lists (overall stage, each area's stage and next steps, where answers and evidence disagree, the
// workspace's evidence), and the questionnaire as a real form: one radio group per question (its
// five options), bound to the draft the canvas shows (MaturityDraft), and "Save scan". Sent only
// when it changed (App::update_mirror).
//
//   {"view": "maturity", "title": "Maturity scan",
//    "blocks": [{"h": "Stage 2 · …"}, {"p": "…"}, {"ul": ["…", …]}, …],
//    "form": {"answered": 3, "total": 15, "canSave": false,
//             "questions": [{"area": "Deep customer insight", "text": "…", "options": ["…" ×5], "answer": 0}]}}
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "edit/command.hpp"
#include "model/model.hpp"
#include "scoring/maturity.hpp"
#include "ui/maturity/state.hpp"

namespace wm::ui {

std::string maturity_mirror(const Workspace& ws, const MaturityDraft& draft, const std::vector<maturity::Indicator>& indicators);

// The mirror's form answered question `question` (index into maturity::questionnaire()) with stage
// 1..5, as the canvas's questionnaire does (a draft is started if there is none). Returns why not.
std::string mirror_answer(MaturityDraft& draft, int question, int stage);
// "Save scan": the draft becomes a scan in the workspace, dated `today` (the command), and the
// result page shows it; nothing when not every question is answered.
std::optional<edit::Command> save_scan(MaturityDraft& draft, Date today);

}  // namespace wm::ui
