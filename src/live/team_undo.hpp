// Undo in a live session (issue 16): when a change from the team arrives, the history's positional
// entries become TeamChanges — each one of my edits held as records (io/take_back.hpp) — so that undo
// and redo take back or put again only my edits, on whatever the team made of the workspace since.
//
//     live::TeamRebaser rebaser(replica_id);   // the session's writer id in the room
//     doc.apply_remote(std::move(merged), &rebaser);
//
// This layer exists because it needs both the history (src/edit) and the records (src/io), which do
// not know each other. docs/design.md, "Undo with a team".
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "edit/history.hpp"
#include "io/take_back.hpp"

namespace wm::live {

// One of my edits as records. Undo writes the values from before it as a new edit of mine (stamped
// by `replica`), only where the content still shows what it made; outcome() says what stayed.
class TeamChange final : public edit::Change {
public:
    TeamChange(io::RecordEdit edit, std::uint64_t replica) : edit_(std::move(edit)), replica_(replica) {}
    void undo(Workspace& ws) override { apply(ws, true); }
    void redo(Workspace& ws) override { apply(ws, false); }
    [[nodiscard]] bool by_position() const override { return false; }
    [[nodiscard]] std::string outcome() const override { return outcome_; }
    [[nodiscard]] const io::RecordEdit& edit() const { return edit_; }

private:
    void apply(Workspace& ws, bool undo);

    io::RecordEdit edit_;
    std::uint64_t replica_;
    std::string outcome_;
};

// Makes TeamChanges of the history's entries (Document::apply_remote).
class TeamRebaser final : public edit::Document::Rebaser {
public:
    explicit TeamRebaser(std::uint64_t replica) : replica_(replica) {}
    // The states walked through are copies, stamped only to be compared: their stamps go nowhere.
    void settle(Workspace& state) override;
    std::unique_ptr<edit::Change> rebase(const Workspace& before, const Workspace& after) override;

private:
    std::uint64_t replica_;
};

}  // namespace wm::live
