// Undo in a live session: see team_undo.hpp.
#include "live/team_undo.hpp"

#include "io/records.hpp"
#include "io/stamp.hpp"

namespace wm::live {

void TeamChange::apply(Workspace& ws, bool undo) {
    outcome_.clear();
    if (edit_.empty()) return;
    // Two steps in one frame (the History panel) find the content not yet stamped.
    io::Replica replica{replica_, 0};
    io::stamp(ws, replica);
    io::TakeBack r = io::take_back(ws, edit_, undo, replica_);
    if (!r.error.empty()) {
        outcome_ = "Nothing was changed: " + r.error + ".";
        return;
    }
    if (r.workspace) ws = std::move(*r.workspace);
    if (r.left > 0)
        outcome_ = std::to_string(r.left) + (r.left == 1 ? " change stays" : " changes stay") + " as someone else made " +
                   (r.left == 1 ? "it" : "them") + " since.";
    if (!r.notes.empty()) {
        outcome_ += (outcome_.empty() ? "" : " ") + r.notes.front();
        if (r.notes.size() > 1) outcome_ += " (and " + std::to_string(r.notes.size() - 1) + " more)";
    }
}

void TeamRebaser::settle(Workspace& state) {
    io::Replica scratch{replica_, 0};
    io::stamp(state, scratch);
}

std::unique_ptr<edit::Change> TeamRebaser::rebase(const Workspace& before, const Workspace& after) {
    const io::RecordSet* b = io::current_records(before);
    const io::RecordSet* a = io::current_records(after);
    if (!a || !b) return nullptr;
    return std::make_unique<TeamChange>(io::record_edit(*b, *a), replica_);
}

}  // namespace wm::live
