// The open document: the workspace, and the one history every change goes through.
//
// The UI holds a `const Workspace&` (Document::workspace()) and never writes to it; it builds commands
// (edit/commands.hpp), queues them while drawing, and calls execute() after the UI pass. Undo/redo
// walk the history. A gesture is one command, so one undo step: drags emit their command on release,
// text fields when editing ends (ui/widgets). "Unsaved" is the history position differing from the
// position marked saved, never a flag set by hand, so undoing back to the saved point makes the
// document clean again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "edit/command.hpp"

namespace wm::edit {

class Document {
public:
    static constexpr std::size_t kDefaultDepth = 1000;

    explicit Document(Workspace ws = {}, std::size_t max_depth = kDefaultDepth);

    [[nodiscard]] const Workspace& workspace() const { return ws_; }

    // Replace the whole document (a file was opened) and forget the history; the new document is
    // clean.
    void reset(Workspace ws);

    // The merge metadata (Workspace::merge) is not content: io::stamp (which src/edit cannot call)
    // rewrites it before every save, export and merge, like this:
    //     doc.stamp_with([&](Workspace& ws) { io::stamp(ws, replica); });
    // It is no edit: no history entry, no new revision, nothing to undo; `stamper` must change
    // nothing but `merge`.
    void stamp_with(const std::function<void(Workspace&)>& stamper) { stamper(ws_); }

    // Rebuilds history entries so that they survive changes made by others (live co-editing; the
    // implementation holds them as records: io/take_back.hpp, ui/shell/live.cpp). `settle` is called
    // on each state the history walks through before `rebase` compares two of them (it stamps it).
    class Rebaser {
    public:
        virtual ~Rebaser() = default;
        virtual void settle(Workspace& state) = 0;
        // The entry that turned `before` into `after`, as a change that is not positional; null if it
        // cannot be made (the entry and everything older are then forgotten).
        virtual std::unique_ptr<Change> rebase(const Workspace& before, const Workspace& after) = 0;
    };
    // How many of the newest positional entries a change from the team rebases (each costs two
    // stamps of the workspace); older ones are forgotten.
    static constexpr std::size_t kMaxRebased = 100;

    // Changes that arrived from the team (live co-editing: io::merge_records): the content becomes
    // `ws` without a history entry, so undo never takes back someone else's edit. The recorded
    // changes address lists by position (change.hpp) and are only valid on the content they made:
    // without a rebaser the history is forgotten; with one, each entry is first rebuilt (newest
    // first, walking back from the content as it is before `ws` arrives) into a change that finds
    // its things again by id, and undo then takes back my edits only. The document counts as unsaved
    // until the next save.
    void apply_remote(Workspace ws, Rebaser* rebaser = nullptr);
    // What the last undo or redo could not do, in words ("" when it did all of it: always so for
    // positional entries).
    [[nodiscard]] const std::string& last_outcome() const { return last_outcome_; }

    // Apply a command. On refusal the document is unchanged and the result says why. A command that
    // changes nothing succeeds and records nothing. Executing after some undos drops the redo steps.
    // Every command is also held to the loader's limits (check_limits, model/validate.hpp): what the
    // loader would refuse is refused here, whatever command made it.
    Result execute(const Command& command);

    bool undo();
    bool redo();
    [[nodiscard]] bool can_undo() const { return position_ > 0; }
    [[nodiscard]] bool can_redo() const { return position_ < entries_.size(); }
    [[nodiscard]] std::string undo_label() const;  // "" when nothing to undo; e.g. "Move card"
    [[nodiscard]] std::string redo_label() const;
    // What the last change to the content was, in words: the edit's label after execute or redo
    // ("Move card", "Redone: Move card"), "Undone: Move card" after an undo, "Changes from the team";
    // "" after reset. Saved versions are named by it (an undo is a change worth naming too).
    [[nodiscard]] const std::string& last_change() const { return last_change_; }
    // Saved position (drives the unsaved indicator and autosave).
    void mark_saved();
    [[nodiscard]] bool is_dirty() const;

    // Changes whenever the document content changes (execute, undo, redo, reset): views and autosave
    // compare it with the value they last saw.
    [[nodiscard]] std::uint64_t revision() const { return revision_; }

    // History panel: labels oldest first; entries [0, position()) are applied, the rest can be redone.
    [[nodiscard]] std::vector<std::string> labels() const;
    [[nodiscard]] std::size_t position() const { return position_; }
    [[nodiscard]] std::size_t size() const { return entries_.size(); }
    [[nodiscard]] std::size_t max_depth() const { return max_depth_; }

private:
    struct Entry {
        std::string label;
        ChangeList changes;
    };

    // Position counted from the first entry ever recorded, so that the saved marker survives the
    // oldest entries being dropped at the depth limit.
    [[nodiscard]] std::uint64_t absolute_position() const { return dropped_ + position_; }
    void push_entry(std::string label, ChangeList changes);
    void rebase_history(Rebaser& rebaser);
    void forget_oldest(std::size_t n);
    [[nodiscard]] static bool by_position(const Entry& e);
    [[nodiscard]] static std::string outcome_of(const Entry& entry);
    Result check_limits_after(const Command& command, Transaction& tx);

    Workspace ws_;
    std::deque<Entry> entries_;
    std::size_t position_ = 0;
    std::size_t max_depth_;
    std::uint64_t dropped_ = 0;
    std::optional<std::uint64_t> saved_ = 0;  // nullopt: the saved state can no longer be reached
    std::uint64_t revision_ = 0;
    std::string last_change_;
    std::string last_outcome_;
};

}  // namespace wm::edit
