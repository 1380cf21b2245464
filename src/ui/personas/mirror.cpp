// The personas for screen readers: see mirror.hpp.
#include "ui/personas/mirror.hpp"

#include "ui/kit/mirror_table.hpp"

namespace wm::ui {
namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : "; ") + s;
    return out;
}

}  // namespace

std::string personas_mirror(const Workspace& ws) {
    MirrorTable table("personas", "Personas", std::to_string(ws.personas.size()) + (ws.personas.size() == 1 ? " persona" : " personas"),
                      {"Persona", "Role", "Segment", "Quote", "Goals", "Needs", "Pains", "Jobs to be done"}, 0);
    for (const Persona& p : ws.personas)
        table.row(p.id.str(), {p.name, p.role, p.segment, p.quote, joined(p.goals), joined(p.needs), joined(p.pains), joined(p.jobs)});
    return std::move(table).done();
}

}  // namespace wm::ui
