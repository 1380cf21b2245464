#pragma once
#include <string>
#include <string_view>

#include "store/storage.hpp"
#include "ui/kit/context.hpp"
#include "ui/kit/json_text.hpp"
namespace wm::ui {
// Stored documents, new documents, and the open document's saved versions.
void draw_documents_view(const ViewContext& ctx);

// What a button of the documents view does, from the canvas or the screen-reader mirror
// (documents/mirror.hpp): "new-blank", "new-sample", "new-template" (row: the template's key);
// on a stored document (row: its id) "open", "rename" (text: the new name), "duplicate", "merge"
// (into the open one), "delete" (to the trash), "restore" and "purge" (from the trash); on a saved
// version (row: version_row) "restore-version". "" when done (or under way), else why not, in words.
std::string documents_action(const ViewContext& ctx, Persistence& storage, std::string_view action, std::string_view row,
                             std::string_view text = {});

// A saved version by the change it holds ("Move card", "Undone: Move card"); one saved before saves
// were always named, by its time.
std::string version_name(const store::SnapshotInfo& s);
// A saved version's row id in the mirror: its storage key as text.
std::string version_row(const store::SnapshotInfo& s);

// The test hook's stats().storage: {doc, status, writer, persisted, problem, notice, snapshots}.
void write_storage_stats(json::Writer& w, const Persistence& storage);
}
