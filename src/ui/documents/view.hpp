#pragma once
#include "ui/kit/context.hpp"
#include "ui/kit/json_text.hpp"
namespace wm::ui {
// Stored documents, new documents, and the open document's saved versions.
void draw_documents_view(const ViewContext& ctx);
// The test hook's stats().storage: {doc, status, writer, persisted, problem, notice, snapshots}.
void write_storage_stats(json::Writer& w, const Persistence& storage);
}
