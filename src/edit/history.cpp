#include "edit/history.hpp"

#include <cassert>
#include <utility>

#include "model/limits.hpp"
#include "model/validate.hpp"

namespace wm::edit {

Document::Document(Workspace ws, std::size_t max_depth) : ws_(std::move(ws)), max_depth_(max_depth < 1 ? 1 : max_depth) {}

void Document::reset(Workspace ws) {
    ws_ = std::move(ws);
    entries_.clear();
    position_ = 0;
    dropped_ = 0;
    saved_ = 0;
    last_change_.clear();
    ++revision_;
}

Result Document::execute(const Command& command) {
    Transaction tx(ws_);
    Result result;
    try {
        result = command.apply(tx);
    } catch (...) {
        tx.rollback();  // an exception (out of memory) must not leave half an edit behind
        throw;
    }
    if (!result) {
        tx.rollback();
        return result;
    }
    if (tx.empty()) return result;  // nothing changed: nothing to undo, views need not redraw
    if (Result within = check_limits_after(command, tx); !within) return within;
    ++revision_;

    std::string label = tx.label().empty() ? std::string("Edit") : tx.label();
    last_change_ = label;
    push_entry(std::move(label), tx.take_changes());
    return result;
}

// One set of limits for files and edits: an edit that would make the workspace something the loader
// refuses (a text over the limit, too many cards, invalid UTF-8, a file over the size cap) is rolled
// back and refused, so no save or export of an accepted edit can later fail to open. The file-size
// bound only refuses growth: a workspace loaded near the cap can still be edited and made smaller.
Result Document::check_limits_after(const Command& command, Transaction& tx) {
    const LimitCheck after = check_limits(ws_);
    if (after.problem.empty() && after.file_bytes <= limits::kMaxFileBytes) return Result::ok();
    tx.rollback();
    if (after.problem.empty()) {
        const LimitCheck before = check_limits(ws_);
        if (after.file_bytes <= before.file_bytes) {
            // Not growing: apply it again (commands are deterministic) and keep it.
            Result again = command.apply(tx);
            if (!again) tx.rollback();
            return again;
        }
        return Result::refuse("This would make the workspace larger than a Waymark file can hold (" +
                              std::to_string(limits::kMaxFileBytes / (1024 * 1024)) + " MB); nothing was changed.");
    }
    return Result::refuse(after.problem + "; nothing was changed.");
}

void Document::push_entry(std::string label, ChangeList changes) {
    // A new edit after undos abandons the redo branch; if the saved state was on it, it is gone.
    if (saved_ && *saved_ > absolute_position()) saved_.reset();
    entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(position_), entries_.end());
    entries_.push_back(Entry{std::move(label), std::move(changes)});
    ++position_;
    while (entries_.size() > max_depth_) {
        // Dropping the oldest step: positions stay absolute, so a saved marker at or before the
        // dropped step simply becomes unreachable.
        entries_.pop_front();
        --position_;
        ++dropped_;
    }
}

void Document::apply_remote(Workspace ws) {
    ws_ = std::move(ws);
    entries_.clear();
    dropped_ += position_;
    position_ = 0;
    saved_.reset();
    last_change_ = "Changes from the team";
    ++revision_;
}

bool Document::undo() {
    if (!can_undo()) return false;
    Entry& entry = entries_[position_ - 1];
    for (auto it = entry.changes.rbegin(); it != entry.changes.rend(); ++it) (*it)->undo(ws_);
    last_change_ = "Undone: " + entry.label;
    --position_;
    ++revision_;
    return true;
}

bool Document::redo() {
    if (!can_redo()) return false;
    Entry& entry = entries_[position_];
    for (auto& change : entry.changes) change->redo(ws_);
    last_change_ = "Redone: " + entry.label;
    ++position_;
    ++revision_;
    return true;
}

std::string Document::undo_label() const { return can_undo() ? entries_[position_ - 1].label : std::string(); }
std::string Document::redo_label() const { return can_redo() ? entries_[position_].label : std::string(); }

void Document::mark_saved() { saved_ = absolute_position(); }

bool Document::is_dirty() const { return !saved_ || *saved_ != absolute_position(); }

std::vector<std::string> Document::labels() const {
    std::vector<std::string> out;
    out.reserve(entries_.size());
    for (const auto& entry : entries_) out.push_back(entry.label);
    return out;
}

}  // namespace wm::edit
