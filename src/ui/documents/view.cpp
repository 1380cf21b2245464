// The documents view: every workspace stored in this browser (open, rename, duplicate, merge into the
// open one, delete to the trash and back), new documents (blank, from a lane template, the sample), the open document's
// saved versions (restore one: restoring adds a version, nothing is destroyed), and whether the
// browser promised to keep the storage.
#include "ui/documents/view.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "imgui.h"
#include "edit/commands.hpp"
#include "model/limits.hpp"
#include "model/sample.hpp"
#include "model/templates.hpp"
#include "store/persistence.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"

namespace wm::ui {
namespace {

using store::SnapshotInfo;
using store::StoredDoc;

std::string when(double ms) { return local_time(ms); }

// A blank workspace whose first macro journey is laid out with the chosen lane template.
Workspace from_template(LaneTemplate t) {
    Workspace ws = blank_workspace(std::string(template_info(t).name) + " workspace");
    ws.settings.default_template = std::string(template_info(t).key);
    Journey j;
    j.id = new_id();
    j.title = "First journey";
    j.level = 1;
    j.stages = default_stages();
    j.lanes = make_template_lanes(t);
    const Journey& lifecycle = ws.journeys.front();
    ws.links.push_back(JourneyLink{lifecycle.id, j.id, lifecycle.stages.front().id, {}});
    ws.journeys.push_back(std::move(j));
    return ws;
}

const StoredDoc* stored(const Persistence& storage, std::string_view id) {
    for (const StoredDoc& doc : storage.docs())
        if (doc.id == id) return &doc;
    return nullptr;
}

void new_documents(const ViewContext& ctx) {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("New document");
    ImGui::PopFont();
    Persistence& storage = *ctx.storage;
    // The buttons wrap where the window is narrower than their row (a large text size).
    if (ImGui::Button("Blank workspace")) documents_action(ctx, storage, "new-blank", "");
    same_line_if_fits(button_width("The sample (Lumen Mobile)"));
    if (ImGui::Button("The sample (Lumen Mobile)")) documents_action(ctx, storage, "new-sample", "");
    for (const auto& info : kLaneTemplates) {
        const std::string label = "From template: " + std::string(info.name);
        same_line_if_fits(button_width(label.c_str()));
        if (ImGui::Button(label.c_str())) documents_action(ctx, storage, "new-template", info.key);
        ImGui::SetItemTooltip("%s", std::string(info.description).c_str());
    }
}

void document_row(const ViewContext& ctx, Persistence& storage, const StoredDoc& doc) {
    ImGui::PushID(doc.id.c_str());
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    const bool open = doc.id == storage.doc_id();
    std::string name;
    // The open document is renamed by an (undoable) edit of its workspace; others by a new save.
    const std::string& shown = open ? ctx.ws.name : doc.name;
    if (text_field(("##Name of " + shown).c_str(), shown, &name, -1)) documents_action(ctx, storage, "rename", doc.id, name);
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(when(doc.modified).c_str());
    ImGui::TableSetColumnIndex(2);
    ImGui::Text("%d", doc.journeys);
    ImGui::TableSetColumnIndex(3);
    ImGui::Text("%d", doc.cards);
    ImGui::TableSetColumnIndex(4);
    ImGui::TextUnformatted(size_text(doc.size).c_str());
    ImGui::TableSetColumnIndex(5);
    if (open) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kOk), "Open");
    } else {
        if (ImGui::SmallButton(("Open##" + doc.name).c_str())) documents_action(ctx, storage, "open", doc.id);
    }
    // The buttons wrap where the column is narrower than their row (a large text size).
    same_line_if_fits(button_width("Duplicate"));
    if (ImGui::SmallButton(("Duplicate##" + doc.name).c_str())) documents_action(ctx, storage, "duplicate", doc.id);
    if (!open) {
        same_line_if_fits(button_width("Merge"));
        ImGui::BeginDisabled(storage.read_only());
        if (ImGui::SmallButton(("Merge##" + doc.name).c_str())) documents_action(ctx, storage, "merge", doc.id);
        ImGui::EndDisabled();
        ImGui::SetItemTooltip("Merge this document into the open one: what was done in either copy is kept (one undo step)");
    }
    same_line_if_fits(button_width("Delete"));
    ImGui::BeginDisabled(open);
    if (ImGui::SmallButton(("Delete##" + doc.name).c_str())) documents_action(ctx, storage, "delete", doc.id);
    ImGui::EndDisabled();
    if (open) ImGui::SetItemTooltip("Open another document before deleting this one.");
    ImGui::PopID();
}

}  // namespace

std::string version_name(const SnapshotInfo& s) { return s.label.empty() ? "Version of " + when(s.time) : s.label; }

std::string version_row(const SnapshotInfo& s) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", s.key);
    return buffer;
}

std::string documents_action(const ViewContext& ctx, Persistence& storage, std::string_view action, std::string_view row, std::string_view text) {
    if (action == "new-blank") {
        ctx.later([open = ctx.open_new] { open(blank_workspace("Untitled workspace"), "blank"); });
        return {};
    }
    if (action == "new-sample") {
        ctx.later([open = ctx.open_new] { open(sample_workspace(), "sample"); });
        return {};
    }
    if (action == "new-template") {
        for (const auto& info : kLaneTemplates)
            if (info.key == row) {
                ctx.later([open = ctx.open_new, t = info.id] { open(from_template(t), "template"); });
                return {};
            }
        return "there is no such template";
    }
    if (action == "restore-version") {
        const auto& history = storage.history();
        for (std::size_t i = 0; i < history.size(); ++i) {
            if (version_row(history[i]) != row) continue;
            if (i == 0) return "that version is the current one";
            if (storage.read_only()) return "this tab is read-only";
            ctx.later([&storage, key = history[i].key] { storage.restore_snapshot(key); });
            return {};
        }
        return "that version is no longer kept";
    }
    const StoredDoc* doc = stored(storage, row);
    if (!doc) return "that document is no longer stored in this browser";
    const bool open = doc->id == storage.doc_id();
    const std::string id = doc->id, name = doc->name;
    if (action == "rename") {
        const std::string name_typed = trimmed(text);
        if (name_typed.empty()) return "a document needs a name";
        if (name_typed.size() > limits::kMaxTextBytes) return "that name is too long";
        // The open document is renamed by an (undoable) edit of its workspace; others by a new save.
        if (open) ctx.emit(edit::set_workspace_name(name_typed));
        else storage.rename(id, name_typed);
        return {};
    }
    if (action == "restore" || action == "purge") {
        if (!doc->deleted) return "that document is not in the trash";
        if (action == "restore") storage.trash(id, false);
        else storage.purge(id);
        return {};
    }
    if (doc->deleted) return "that document is in the trash: restore it first";
    if (action == "open") {
        if (open) return "that document is open already";
        ctx.later([&storage, id] { storage.open_doc(id); });
        return {};
    }
    if (action == "duplicate") {
        storage.duplicate(id);
        return {};
    }
    if (action == "merge") {
        // Merge its work into the open document (a copy of the same workspace: one imported twice,
        // or a colleague's file kept as a document); the merge room reports what happened.
        if (open) return "that document is the open one";
        if (storage.read_only()) return "this tab is read-only";
        storage.read_doc(id, [merge = ctx.merge_in, &ui = ctx.ui, name](std::optional<Workspace> ws, std::string error) {
            if (!ws) {
                ui.message = std::move(error);
                ui.message_is_error = true;
                ui.redraw(3);
                return;
            }
            merge(std::move(*ws), "the document \xE2\x80\x9C" + name + "\xE2\x80\x9D");
        });
        return {};
    }
    if (action == "delete") {
        if (open) return "open another document before deleting this one";
        storage.trash(id, true);
        return {};
    }
    return "there is no such action";
}

void draw_documents_view(const ViewContext& ctx) {
    Persistence& storage = *ctx.storage;
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted("Documents");
    ImGui::PopFont();
    const store::Persisted persisted = storage.persisted();
    wrapped_text(persisted == store::Persisted::persistent ? "Stored in this browser; the browser has promised to keep it."
                 : persisted == store::Persisted::best_effort
                     ? "Stored in this browser, which may clear it when space runs low: export important work."
                     : "Stored in this browser. Export a document to share it or keep a copy elsewhere.",
                 color::kMuted);
    ImGui::Spacing();
    new_documents(ctx);
    ImGui::Spacing();

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    int trashed = 0;
    // The figures' columns as wide as what they show, so the name keeps the rest at any text size.
    const float modified = std::ceil(ImGui::CalcTextSize("2026-12-31 23:59").x), cards = std::ceil(ImGui::CalcTextSize("100000").x),
                size = std::ceil(ImGui::CalcTextSize("1023.9 KB").x);
    // The actions as wide as a row's four buttons, the most one shows (a document that is not the
    // open one); where that leaves the name less than 12 letters' room (a large text size), two
    // buttons a line, or one (document_row wraps them to the cell).
    const ImGuiStyle& style = ImGui::GetStyle();
    const float gap = style.ItemSpacing.x, padding = 2 * style.CellPadding.x + 1;
    const float others = fixed_column_width("Modified", modified, false) + fixed_column_width("Journeys", 0, false) +
                         fixed_column_width("Cards", cards, false) + fixed_column_width("Size", size, false) + 6 * padding;
    const float room = ImGui::GetContentRegionAvail().x - others - 12 * ImGui::GetFontSize();
    const float open_width = button_width("Open"), duplicate = button_width("Duplicate"), merge = button_width("Merge"),
                remove = button_width("Delete");
    float actions = open_width + duplicate + merge + remove + 3 * gap;
    if (actions > room) actions = std::max(open_width + duplicate, merge + remove) + gap;
    if (actions > room) actions = std::max({open_width, duplicate, merge, remove});
    if (ImGui::BeginTable("documents", 6, flags)) {
        ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 3);
        fixed_column("Modified", modified);
        fixed_column("Journeys", 0);
        fixed_column("Cards", cards);
        fixed_column("Size", size);
        fixed_column("Actions", std::ceil(actions));
        table_headers_row();
        for (const StoredDoc& doc : storage.docs()) {
            if (doc.deleted) {
                ++trashed;
                continue;
            }
            document_row(ctx, storage, doc);
        }
        ImGui::EndTable();
    }

    if (trashed > 0) {
        ImGui::Spacing();
        const std::string header = "Trash (" + std::to_string(trashed) + ")";
        if (ImGui::CollapsingHeader(header.c_str())) {
            for (const StoredDoc& doc : storage.docs()) {
                if (!doc.deleted) continue;
                ImGui::PushID(doc.id.c_str());
                ImGui::TextUnformatted(doc.name.c_str());
                ImGui::SameLine();
                ImGui::TextDisabled("%s", when(doc.modified).c_str());
                ImGui::SameLine();
                if (ImGui::SmallButton(("Restore##" + doc.name).c_str())) documents_action(ctx, storage, "restore", doc.id);
                ImGui::SameLine();
                if (ImGui::SmallButton(("Delete forever##" + doc.name).c_str())) documents_action(ctx, storage, "purge", doc.id);
                ImGui::PopID();
            }
        }
    }

    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::Text("Saved versions of \xE2\x80\x9C%s\xE2\x80\x9D", ctx.ws.name.c_str());
    ImGui::PopFont();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted),
                       "The last 50 saves are kept. Restoring one adds it as the newest save; nothing is lost.");
    if (ImGui::BeginTable("history", 4, flags)) {
        fixed_column("Saved", 150);
        ImGui::TableSetupColumn("After", ImGuiTableColumnFlags_WidthStretch);
        fixed_column("Size", 70);
        fixed_column("", 120);
        table_headers_row();
        const auto& history = storage.history();
        for (std::size_t i = 0; i < history.size(); ++i) {
            const SnapshotInfo& s = history[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(when(s.time).c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(version_name(s).c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(size_text(s.size).c_str());
            ImGui::TableSetColumnIndex(3);
            if (i == 0) {
                ImGui::TextDisabled("Current");
            } else {
                ImGui::BeginDisabled(storage.read_only());
                if (ImGui::SmallButton(("Restore##version " + std::to_string(i + 1)).c_str()))
                    documents_action(ctx, storage, "restore-version", version_row(s));
                ImGui::EndDisabled();
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
}

void write_storage_stats(json::Writer& w, const Persistence& storage) {
    w.key("storage").begin();
    w.field("doc", storage.doc_id()).field("status", store::status_name(storage.status()));
    w.field("writer", storage.status() != Persistence::Status::read_only).field("persisted", store::persisted_name(storage.persisted()));
    w.field("problem", storage.problem()).field("notice", storage.notice());
    w.field("snapshots", static_cast<double>(storage.history().size()));
    w.key("versions").array();   // the saved versions as the history table names them, newest first
    for (const SnapshotInfo& s : storage.history()) w.begin().field("label", version_name(s)).end();
    w.end_array().end();
}

}  // namespace wm::ui
