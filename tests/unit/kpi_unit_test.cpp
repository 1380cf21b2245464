// A roll-up carries the unit of its inputs up (kpi::common_unit).
#include <doctest/doctest.h>

#include "scoring/kpi.hpp"

using namespace wm;

TEST_CASE("kpi: a roll-up carries up the unit its inputs share") {
    Workspace ws;
    auto metric = [&](std::string unit) {
        Metric m;
        m.id = new_id();
        m.name = "Orders";
        m.unit = std::move(unit);
        ws.metrics.push_back(m);
        return m.id;
    };
    const Id a = metric("count"), b = metric(" Count "), c = metric("EUR"), d = metric("");
    CHECK(kpi::common_unit(ws, {a, b}) == "count");     // the first spelling; case and spaces ignored
    CHECK(kpi::common_unit(ws, {a, c}).empty());        // they differ: nothing carried
    CHECK(kpi::common_unit(ws, {a, d}).empty());        // one has none
    CHECK(kpi::common_unit(ws, {c, new_id()}) == "EUR"); // unknown inputs are left out
    CHECK(kpi::common_unit(ws, {}).empty());
}
