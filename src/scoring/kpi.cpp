#include "scoring/kpi.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>
#include <utility>

namespace wm::kpi {

namespace {

const Reading kEmpty{};
const Reading kEmptyComputed{{}, std::nullopt, std::nullopt, Health::no_data, true};
const std::vector<std::string> kNoSegments;
const std::vector<Id> kNoIds;

// "" first, then the others in order.
bool segment_less(const std::string& a, const std::string& b) { return a < b; }

void finish(const Metric& m, Reading& r, bool computed) {
    r.computed = computed;
    if (!r.series.empty()) {
        r.latest = r.series.back().value;
        r.latest_date = r.series.back().date;
    }
    r.health = health_of(m, r.latest);
}

// Sorted by date; on a repeated date the later value in `points` wins.
void tidy(std::vector<Point>& points) {
    std::stable_sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.date < b.date; });
    std::size_t out = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (out > 0 && points[out - 1].date == points[i].date) points[out - 1] = points[i];
        else points[out++] = points[i];
    }
    points.resize(out);
}

// The inputs of a computed metric that exist, once each, in list order.
std::vector<Id> inputs_of(const Metric& m, const std::unordered_map<Id, std::size_t>& position) {
    std::vector<Id> out;
    for (const Id& input : m.rollup_inputs)
        if (input != m.id && position.count(input) && std::find(out.begin(), out.end(), input) == out.end())
            out.push_back(input);
    return out;
}

// One rolled-up series: `inputs` are the inputs' readings for the segment (null: no series there).
std::vector<Point> roll(RollUp rule, const std::vector<const Reading*>& inputs, const std::vector<double>& weights) {
    std::vector<Date> dates;
    for (const Reading* r : inputs)
        if (r)
            for (const Point& p : r->series) dates.push_back(p.date);
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());

    std::vector<std::size_t> cursor(inputs.size(), 0);  // points of input i at or before the date
    std::vector<double> values, w;
    std::vector<Point> out;
    out.reserve(dates.size());
    for (const Date& date : dates) {
        values.clear();
        w.clear();
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            if (!inputs[i]) continue;
            const auto& series = inputs[i]->series;
            while (cursor[i] < series.size() && series[cursor[i]].date <= date) ++cursor[i];
            if (cursor[i] == 0) continue;  // no value yet
            values.push_back(series[cursor[i] - 1].value);
            w.push_back(weights[i]);
        }
        if (const auto v = combine(rule, values, w)) out.push_back(Point{date, *v});
    }
    return out;
}

}  // namespace

Health health_of(const Metric& m, std::optional<double> value) {
    if (!value) return Health::no_data;
    if (!m.target) return Health::no_target;
    const bool ok = m.direction == Direction::higher_is_better ? *value >= *m.target : *value <= *m.target;
    return ok ? Health::on_target : Health::off_target;
}

const char* health_name(Health h) {
    switch (h) {
        case Health::on_target: return "on target";
        case Health::off_target: return "off target";
        case Health::no_target: return "no target";
        case Health::no_data: break;
    }
    return "no data";
}

bool is_computed(const Workspace& ws, const Metric& m) {
    if (m.rollup == RollUp::none) return false;
    for (const Id& input : m.rollup_inputs)
        if (input != m.id && find_by_id(ws.metrics, input)) return true;
    return false;
}

std::optional<double> combine(RollUp rule, const std::vector<double>& values, const std::vector<double>& weights) {
    if (values.empty()) return std::nullopt;
    switch (rule) {
        case RollUp::none: return std::nullopt;
        case RollUp::sum: {
            double s = 0;
            for (double v : values) s += v;
            return s;
        }
        case RollUp::average: {
            double s = 0;
            for (double v : values) s += v;
            return s / static_cast<double>(values.size());
        }
        case RollUp::weighted_average: {
            double s = 0, ws = 0;
            for (std::size_t i = 0; i < values.size(); ++i) {
                const double w = i < weights.size() ? weights[i] : 1.0;
                s += w * values[i];
                ws += w;
            }
            if (!(ws > 0)) return std::nullopt;
            return s / ws;
        }
        case RollUp::min: return *std::min_element(values.begin(), values.end());
        case RollUp::max: return *std::max_element(values.begin(), values.end());
    }
    return std::nullopt;
}

// [SECTION] Evaluation -------------------------------------------------------------------------------

Evaluation::Evaluation(const Workspace& ws) {
    index(ws);
    std::vector<char> state(ws.metrics.size(), 0);
    for (std::size_t i = 0; i < ws.metrics.size(); ++i)
        if (state[i] == 0) evaluate(ws, i, state);
}

void Evaluation::index(const Workspace& ws) {
    position_.clear();
    dependents_.clear();
    position_.reserve(ws.metrics.size());
    for (std::size_t i = 0; i < ws.metrics.size(); ++i) position_.emplace(ws.metrics[i].id, i);
    for (const Metric& m : ws.metrics)
        if (m.rollup != RollUp::none)
            for (const Id& input : inputs_of(m, position_)) dependents_[input].push_back(m.id);
}

// Depth-first with an explicit stack (a long chain in a hostile file must not overflow it).
// state: 0 = to compute, 1 = being computed (its inputs first), 2 = done.
void Evaluation::evaluate(const Workspace& ws, std::size_t start, std::vector<char>& state) {
    struct Frame {
        std::size_t at;
        std::vector<Id> inputs;
        std::size_t next = 0;
    };
    std::vector<Frame> stack;
    auto push = [&](std::size_t at) {
        state[at] = 1;
        const Metric& m = ws.metrics[at];
        stack.push_back(Frame{at, m.rollup != RollUp::none ? inputs_of(m, position_) : std::vector<Id>{}});
    };
    push(start);
    while (!stack.empty()) {
        Frame& f = stack.back();
        if (f.next < f.inputs.size()) {
            const std::size_t j = position_.at(f.inputs[f.next++]);
            if (state[j] == 0) push(j);  // invalidates f
            continue;
        }
        const Metric& m = ws.metrics[f.at];
        Entry entry;
        if (!f.inputs.empty()) {
            // Inputs on a loop (state 1) are left out.
            std::vector<const Entry*> in;
            std::vector<double> weights;
            for (const Id& id : f.inputs) {
                const std::size_t j = position_.at(id);
                if (state[j] != 2) continue;
                const auto e = entries_.find(id);
                in.push_back(e == entries_.end() ? nullptr : &e->second);
                weights.push_back(ws.metrics[j].weight);
            }
            for (const Entry* e : in)
                if (e) entry.segments.insert(entry.segments.end(), e->segments.begin(), e->segments.end());
            std::sort(entry.segments.begin(), entry.segments.end(), segment_less);
            entry.segments.erase(std::unique(entry.segments.begin(), entry.segments.end()), entry.segments.end());
            std::vector<const Reading*> parts(in.size());
            for (const std::string& segment : entry.segments) {
                for (std::size_t i = 0; i < in.size(); ++i) {
                    parts[i] = nullptr;
                    if (!in[i]) continue;
                    const auto& segs = in[i]->segments;
                    const auto it = std::lower_bound(segs.begin(), segs.end(), segment, segment_less);
                    if (it != segs.end() && *it == segment) parts[i] = &in[i]->readings[static_cast<std::size_t>(it - segs.begin())];
                }
                Reading r;
                r.series = roll(m.rollup, parts, weights);
                finish(m, r, true);
                entry.readings.push_back(std::move(r));
            }
            // A segment whose dates all had zero total weight keeps an empty series: drop it.
            for (std::size_t i = entry.segments.size(); i-- > 0;)
                if (entry.readings[i].series.empty()) {
                    entry.segments.erase(entry.segments.begin() + static_cast<std::ptrdiff_t>(i));
                    entry.readings.erase(entry.readings.begin() + static_cast<std::ptrdiff_t>(i));
                }
        } else {
            for (const MetricValue& v : m.values) {
                const auto it = std::lower_bound(entry.segments.begin(), entry.segments.end(), v.segment, segment_less);
                const auto k = static_cast<std::size_t>(it - entry.segments.begin());
                if (it == entry.segments.end() || *it != v.segment) {
                    entry.segments.insert(it, v.segment);
                    entry.readings.insert(entry.readings.begin() + static_cast<std::ptrdiff_t>(k), Reading{});
                }
                entry.readings[k].series.push_back(Point{v.date, v.value});
            }
            for (Reading& r : entry.readings) {
                tidy(r.series);
                finish(m, r, false);
            }
        }
        entry.computed = !f.inputs.empty();
        entry.inputs = std::move(f.inputs);
        entries_[m.id] = std::move(entry);
        state[f.at] = 2;
        stack.pop_back();
    }
}

void Evaluation::update(const Workspace& ws, Id changed) {
    // Who rolled the metric up before the edit and who does now (an edit may add or drop inputs).
    // The index is rebuilt only when the edit could have changed it: a metric added or removed, or
    // the changed metric's inputs.
    const auto old_at = position_.find(changed);
    const auto old_entry = entries_.find(changed);
    const bool same_shape = old_at != position_.end() && old_entry != entries_.end() && position_.size() == ws.metrics.size() &&
                            old_at->second < ws.metrics.size() && ws.metrics[old_at->second].id == changed &&
                            old_entry->second.inputs == (ws.metrics[old_at->second].rollup != RollUp::none
                                                             ? inputs_of(ws.metrics[old_at->second], position_) : std::vector<Id>{});
    std::unordered_map<Id, std::vector<Id>> before;
    if (!same_shape) {
        before = std::move(dependents_);
        index(ws);
    }
    std::unordered_set<Id> affected{changed};
    std::vector<Id> pending{changed};
    while (!pending.empty()) {
        const Id id = pending.back();
        pending.pop_back();
        for (const auto* map : {&before, &dependents_}) {
            const auto it = map->find(id);
            if (it == map->end()) continue;
            for (const Id& d : it->second)
                if (affected.insert(d).second) pending.push_back(d);
        }
    }
    std::vector<char> state(ws.metrics.size(), 2);
    for (const Id& id : affected) {
        const auto at = position_.find(id);
        if (at == position_.end()) entries_.erase(id);
        else state[at->second] = 0;
    }
    for (std::size_t i = 0; i < ws.metrics.size(); ++i)
        if (state[i] == 0) evaluate(ws, i, state);
}

const Reading& Evaluation::reading(Id metric) const { return reading(metric, std::string()); }

const Reading& Evaluation::reading(Id metric, const std::string& segment) const {
    const auto e = entries_.find(metric);
    if (e == entries_.end()) return kEmpty;
    const auto& segs = e->second.segments;
    const auto it = std::lower_bound(segs.begin(), segs.end(), segment, segment_less);
    if (it != segs.end() && *it == segment) return e->second.readings[static_cast<std::size_t>(it - segs.begin())];
    return e->second.computed ? kEmptyComputed : kEmpty;
}

const std::vector<std::string>& Evaluation::segments(Id metric) const {
    const auto e = entries_.find(metric);
    return e == entries_.end() ? kNoSegments : e->second.segments;
}

const Reading& Evaluation::headline(Id metric, std::string* segment_out) const {
    if (segment_out) segment_out->clear();
    const auto e = entries_.find(metric);
    if (e == entries_.end()) return kEmpty;
    const Entry& entry = e->second;
    for (std::size_t i = 0; i < entry.segments.size(); ++i)
        if (entry.readings[i].latest) {
            if (segment_out) *segment_out = entry.segments[i];
            return entry.readings[i];
        }
    return entry.computed ? kEmptyComputed : kEmpty;
}

const std::vector<Id>& Evaluation::rolled_up_by(Id metric) const {
    const auto it = dependents_.find(metric);
    return it == dependents_.end() ? kNoIds : it->second;
}

bool operator==(const Evaluation& a, const Evaluation& b) {
    if (a.entries_.size() != b.entries_.size()) return false;
    for (const auto& [id, entry] : a.entries_) {
        const auto it = b.entries_.find(id);
        if (it == b.entries_.end() || it->second.segments != entry.segments || it->second.readings != entry.readings ||
            it->second.computed != entry.computed)
            return false;
    }
    return true;
}

std::string short_number(double v) {
    char buf[48];
    if (std::fabs(v) >= 1000 || std::fabs(v - std::round(v)) < 0.05) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s(buf);
    for (char& c : s)
        if (c == ',') c = '.';   // whatever the C locale says
    return s == "-0" ? "0" : s;
}

std::string headline_text(const Metric& m, const Reading& r) {
    std::string text = m.name;
    if (!r.latest) return text + " \xE2\x80\x94 no values";
    text += " " + short_number(*r.latest);
    if (m.target) text += " / " + short_number(*m.target);
    if (!m.unit.empty()) text += " " + m.unit;
    return text;
}

std::string headline_words(const Metric& m, const Reading& r) { return headline_text(m, r) + " (" + health_name(r.health) + ")"; }

SparkGeometry sparkline_geometry(const Reading& r, const Metric& m, float x0, float y0, float x1, float y1) {
    SparkGeometry g;
    const float h = y1 - y0;
    if (r.series.empty() || x1 - x0 < 4 || h < 4) return g;
    constexpr std::size_t kMax = 64;   // a sparkline is about the recent trend
    const std::size_t first = r.series.size() > kMax ? r.series.size() - kMax : 0;
    const Point* s = r.series.data() + first;
    const std::size_t n = r.series.size() - first;
    double lo = s[0].value, hi = lo;
    for (std::size_t i = 0; i < n; ++i) lo = std::min(lo, s[i].value), hi = std::max(hi, s[i].value);
    if (m.target) lo = std::min(lo, *m.target), hi = std::max(hi, *m.target);
    if (hi - lo < 1e-12) lo -= 1, hi += 1;
    g.dot = std::clamp(h * 0.12f, 2.0f, 4.0f);
    const float left = x0 + g.dot, right = x1 - g.dot, top = y0 + g.dot, bottom = y1 - g.dot;
    auto y_of = [&](double v) { return bottom - static_cast<float>((v - lo) / (hi - lo)) * (bottom - top); };
    // Dates set the x spacing (a gap of three months shows as one).
    const double d0 = s[0].date.days, d1 = s[n - 1].date.days;
    g.points.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const float t = d1 > d0 ? static_cast<float>((s[i].date.days - d0) / (d1 - d0)) : 1.0f;
        g.points.push_back({left + t * (right - left), y_of(s[i].value)});
    }
    if (m.target) g.target_y = y_of(*m.target);
    return g;
}

std::string common_unit(const Workspace& ws, const std::vector<Id>& inputs) {
    auto folded = [](std::string u) {
        while (!u.empty() && u.back() == ' ') u.pop_back();
        while (!u.empty() && u.front() == ' ') u.erase(u.begin());
        std::string key = u;
        for (char& c : key)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return std::pair<std::string, std::string>{u, key};
    };
    std::optional<std::pair<std::string, std::string>> shared;
    for (const Id& id : inputs) {
        const Metric* m = find_by_id(ws.metrics, id);
        if (!m) continue;
        auto unit = folded(m->unit);
        if (unit.second.empty()) return {};
        if (!shared) shared = unit;
        else if (shared->second != unit.second) return {};
    }
    return shared ? shared->first : std::string();
}

}  // namespace wm::kpi
