// Composite commands (commands.hpp documents the behaviour).
#include <utility>

#include "edit/commands.hpp"

namespace wm::edit {

// [SECTION] Composite ---------------------------------------------------------------------------------

// All the commands write into the one transaction Document::execute opened, so they become one undo
// step. A refusal needs no undoing here: the command contract (command.hpp) lets a command record
// changes and then refuse, and execute() rolls the whole transaction back, newest change first. That
// also holds for a sequence nested inside another one.
Command sequence(std::string label, std::vector<Command> commands) {
    return Command([label = std::move(label), commands = std::move(commands)](Transaction& tx) -> Result {
        std::string first;
        for (const Command& command : commands) {
            // Cleared so that a command which sets no label (it had nothing to do) is not credited
            // with the previous command's.
            tx.set_label({});
            Result result = command.apply(tx);
            if (!result) return result;
            if (first.empty()) first = tx.label();
        }
        tx.set_label(label.empty() ? std::move(first) : label);
        return Result::ok();
    });
}

}  // namespace wm::edit
