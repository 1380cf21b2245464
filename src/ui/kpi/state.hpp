// The KPI editor's UI state (kpi/editor.cpp): which anchor it is open on, the KPI being edited and
// the new-value row being typed. Not document state: closing the editor loses nothing.
#pragma once

#include <string>

#include "model/id.hpp"

namespace wm::ui {

struct KpiEditorState {
    bool open = false;            // the editor is on screen
    bool request_open = false;    // open the popup on the next frame
    Id journey, stage, step;      // the anchor: a journey, one of its stages, or a step
    Id selected;                  // the KPI being edited (nil: the first one)
    Id focus_name;                // a KPI just added: activate its name field once
    std::string new_date, new_value, new_segment;  // the "add a value" row
};

}  // namespace wm::ui
