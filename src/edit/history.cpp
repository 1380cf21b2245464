#include "edit/history.hpp"

#include <algorithm>
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
    last_outcome_.clear();
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
    last_outcome_.clear();
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

void Document::apply_remote(Workspace ws, Rebaser* rebaser) {
    if (rebaser) {
        rebase_history(*rebaser);
    } else {
        dropped_ += position_;
        entries_.clear();
        position_ = 0;
    }
    ws_ = std::move(ws);
    saved_.reset();
    last_change_ = "Changes from the team";
    last_outcome_.clear();
    ++revision_;
}

std::string Document::outcome_of(const Entry& entry) {
    std::string out;
    for (const auto& change : entry.changes) {
        std::string said = change->outcome();
        if (said.empty()) continue;
        out += (out.empty() ? "" : " ") + said;
    }
    return out;
}

bool Document::by_position(const Entry& e) {
    return std::any_of(e.changes.begin(), e.changes.end(), [](const auto& c) { return c->by_position(); });
}

void Document::forget_oldest(std::size_t n) {
    n = std::min(n, entries_.size());
    entries_.erase(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(n));
    const std::size_t applied = std::min(n, position_);
    position_ -= applied;
    dropped_ += applied;
    if (saved_ && *saved_ < dropped_) saved_.reset();
}

// Rebased entries always come first: every entry a change from the team finds is rebased, and an
// undo of a rebased entry forgets the positional ones above it (their positions were taken on the
// content before that undo, which a rebased undo need not restore exactly).
void Document::rebase_history(Rebaser& rebaser) {
    std::size_t first = 0;   // the first positional entry
    while (first < entries_.size() && !by_position(entries_[first])) ++first;
    if (first == entries_.size()) return;
    const std::size_t applied_end = std::max(first, position_);

    // Redo steps first (walking forward from the content), while the content is as they expect.
    if (position_ >= first) {
        Workspace state = ws_;
        rebaser.settle(state);
        for (std::size_t i = position_; i < entries_.size(); ++i) {
            Workspace next = state;
            for (auto& change : entries_[i].changes) change->redo(next);
            rebaser.settle(next);
            std::unique_ptr<Change> rebased = rebaser.rebase(state, next);
            if (!rebased) {
                entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(i), entries_.end());
                break;
            }
            entries_[i].changes.clear();
            entries_[i].changes.push_back(std::move(rebased));
            state = std::move(next);
        }
    }
    // Then the applied ones, newest first, walking back.
    const std::size_t oldest = applied_end - std::min(applied_end - first, kMaxRebased);
    std::size_t forget = oldest > first ? oldest : 0;   // beyond the bound: forgotten with all older
    Workspace after = ws_;
    rebaser.settle(after);
    for (std::size_t i = applied_end; i-- > oldest;) {
        Workspace before = after;
        for (auto it = entries_[i].changes.rbegin(); it != entries_[i].changes.rend(); ++it) (*it)->undo(before);
        rebaser.settle(before);
        std::unique_ptr<Change> rebased = rebaser.rebase(before, after);
        if (!rebased) {
            forget = i + 1;
            break;
        }
        entries_[i].changes.clear();
        entries_[i].changes.push_back(std::move(rebased));
        after = std::move(before);
    }
    if (forget > 0) forget_oldest(forget);
}

bool Document::undo() {
    if (!can_undo()) return false;
    Entry& entry = entries_[position_ - 1];
    for (auto it = entry.changes.rbegin(); it != entry.changes.rend(); ++it) (*it)->undo(ws_);
    last_change_ = "Undone: " + entry.label;
    last_outcome_ = outcome_of(entry);
    --position_;
    if (!by_position(entry)) {
        // Positional redo steps above it expect the content exactly as it was before this undo.
        std::size_t keep = position_ + 1;
        while (keep < entries_.size() && !by_position(entries_[keep])) ++keep;
        if (keep < entries_.size() && saved_ && *saved_ > dropped_ + keep) saved_.reset();
        entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(keep), entries_.end());
    }
    ++revision_;
    return true;
}

bool Document::redo() {
    if (!can_redo()) return false;
    Entry& entry = entries_[position_];
    for (auto& change : entry.changes) change->redo(ws_);
    last_change_ = "Redone: " + entry.label;
    last_outcome_ = outcome_of(entry);
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
