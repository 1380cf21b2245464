#include "ui/kit/context.hpp"
#include "ui/backlog/view.hpp"
#include "ui/compare/view.hpp"
#include "ui/documents/view.hpp"
#include "ui/framework/view.hpp"
#include "ui/insights/view.hpp"
#include "ui/map/view.hpp"
#include "ui/maturity/view.hpp"
#include "ui/personas/view.hpp"

namespace wm::ui {

const std::vector<ViewInfo>& views() {
    static const std::vector<ViewInfo> kViews = {
        {"framework", "Framework", false, &draw_framework_view},
        {"journey", "Journey", true, &draw_journey_view},
        {"compare", "Compare", true, &draw_compare_view},
        {"backlog", "Backlog", false, &draw_backlog_view},
        {"insights", "Insights", false, &draw_insights_view},
        {"personas", "Personas", false, &draw_personas_view},
        {"maturity", "Maturity scan", false, &draw_maturity_view},
        {"documents", "Documents", false, &draw_documents_view},
    };
    return kViews;
}

const ViewInfo* find_view(std::string_view key) {
    for (const auto& view : views())
        if (key == view.key) return &view;
    return nullptr;
}

}  // namespace wm::ui
