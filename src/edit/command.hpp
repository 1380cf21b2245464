// A command: one user-meaningful edit of the document, applied through a Transaction.
//
// Commands are values the UI creates with the factory functions in edit/commands.hpp (e.g.
// `edit::rename_step(journey, step, "Compare plans")`), queues during the frame and hands to
// Document::execute after the UI pass. A command refers to everything by Id; when it runs it first
// checks that what it names still exists and that the edit keeps the document valid, and refuses
// with a plain sentence otherwise, leaving the document untouched.
#pragma once

#include <functional>
#include <string>
#include <utility>

#include "edit/change.hpp"

namespace wm::edit {

// The outcome of executing a command: success, or the reason it was refused.
struct Result {
    std::string refusal;  // empty on success

    static Result ok() { return {}; }
    static Result refuse(std::string why) { return Result{std::move(why)}; }
    [[nodiscard]] bool succeeded() const { return refusal.empty(); }
    explicit operator bool() const { return succeeded(); }
};

class Command {
public:
    // Reads tx.ws(), writes through tx, sets tx's label. May record changes and then refuse: the
    // history rolls them back.
    using Apply = std::function<Result(Transaction&)>;

    explicit Command(Apply apply) : apply_(std::move(apply)) {}

    Result apply(Transaction& tx) const { return apply_(tx); }

private:
    Apply apply_;
};

}  // namespace wm::edit
