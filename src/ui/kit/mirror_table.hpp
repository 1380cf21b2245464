// A view shown to screen readers as a table (issue 19; web/mirror.js draws it): a caption, column
// headers, and rows of text, one cell of each row its header (the name a reader announces with
// every cell). Views that are lists of things — the backlog, insights, personas — describe
// themselves with it; the shell sends the result only when it changed (App::update_mirror).
//
//   {"view": "backlog", "title": "Backlog", "table": {"caption": "…", "columns": ["Rank", …],
//    "header": 1, "rows": [{"id": "<id>", "cells": ["#1", "Plan comparison table", …]}]}}
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "ui/kit/json_text.hpp"

namespace wm::ui {

class MirrorTable {
public:
    // header: the column whose cell names its row.
    MirrorTable(std::string_view view, std::string_view title, std::string_view caption, std::initializer_list<std::string_view> columns, int header) {
        out_ = "{\"view\":";
        json::append_string(out_, view);
        out_ += ",\"title\":";
        json::append_string(out_, title);
        out_ += ",\"table\":{\"caption\":";
        json::append_string(out_, caption);
        out_ += ",\"header\":" + std::to_string(header) + ",\"columns\":[";
        for (const std::string_view c : columns) {
            if (out_.back() != '[') out_.push_back(',');
            json::append_string(out_, c);
        }
        out_ += "],\"rows\":[";
    }
    void row(std::string_view id, std::initializer_list<std::string_view> cells) {
        if (out_.back() != '[') out_.push_back(',');
        out_ += "{\"id\":";
        json::append_string(out_, id);
        out_ += ",\"cells\":[";
        for (const std::string_view c : cells) {
            if (out_.back() != '[') out_.push_back(',');
            json::append_string(out_, c);
        }
        out_ += "]}";
    }
    [[nodiscard]] std::string done() && { return std::move(out_) + "]}}"; }

private:
    std::string out_;
};

}  // namespace wm::ui
