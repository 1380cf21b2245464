// The maturity view's UI state.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "model/model.hpp"
#include "scoring/maturity.hpp"

namespace wm::ui {

// The maturity scan being answered (maturity/view.cpp). It lives in UI state, not in the document:
// a half-answered questionnaire is not a scan, and the workspace's history should hold only scans
// that were saved. Leaving the view keeps it, so the questionnaire resumes where it was left.
struct MaturityDraft {
    bool open = false;                         // the questionnaire is on screen
    std::vector<int> answers;                  // per question of maturity::questionnaire(); 0 = not answered
    int current = 0;                           // question on screen; == answers.size(): the review page
    int highlighted = 0;                       // option (0..4) under the keyboard cursor
    Id shown_scan;                             // scan whose result is shown; nil: the latest
};

}  // namespace wm::ui
