// The mirror's forms (src/ui/kit/mirror_form.hpp): the JSON a dialog is made from, and the values
// its groups of checkboxes send back, read again against the workspace.
#include <doctest/doctest.h>

#include <string>

#include "ui/kit/mirror_form.hpp"

using namespace wm;
using namespace wm::ui;

namespace {

Workspace one_journey() {
    Workspace ws;
    Journey j;
    j.id = new_id();
    j.title = "Buying a plan";
    Stage stage;
    stage.id = new_id();
    stage.name = "Order";
    for (const char* name : {"Orders online", "Passes the credit check"}) {
        Step s;
        s.id = new_id();
        s.name = name;
        stage.steps.push_back(s);
    }
    j.stages.push_back(stage);
    ws.journeys.push_back(j);
    Persona p;
    p.id = new_id();
    p.name = "Zoë";
    ws.personas.push_back(p);
    return ws;
}

}  // namespace

TEST_CASE("a form is one JSON object: its title, the view it answers to, each field's row, action, name, kind and value") {
    MirrorForm f("KPIs of \xE2\x80\x9CX\xE2\x80\x9D", "anchor:1", "kpi", "kpis");
    f.heading("KPI \xE2\x80\x9CNPS\xE2\x80\x9D");
    f.edits("m1");
    f.text("name", "Name", "NPS \"net\"");
    f.lines("values", "Values", {"2026-01-01; 3", "2026-02-01; 4"});
    f.check("done", "Done", true);
    f.choice("direction", "Better when it is", {{"higher-is-better", "Higher"}, {"lower-is-better", "Lower"}}, "lower-is-better");
    f.button("delete", "Delete", true);
    const std::string json = std::move(f).done("m1|name");
    CHECK(json.rfind(R"({"ok":true,"title":"KPIs of “X”","view":"kpis","fields":[)", 0) == 0);
    CHECK(json.find(R"({"row":"anchor:1","action":"kpi","name":"","label":"KPI “NPS”","kind":"heading","value":""})") != std::string::npos);
    CHECK(json.find(R"({"row":"m1","action":"kpi","name":"name","label":"Name","kind":"text","value":"NPS \"net\""})") != std::string::npos);
    CHECK(json.find(R"("name":"values","label":"Values","kind":"lines","value":"2026-01-01; 3\n2026-02-01; 4")") != std::string::npos);
    CHECK(json.find(R"("name":"done","label":"Done","kind":"check","value":"true")") != std::string::npos);
    CHECK(json.find(R"("name":"direction","label":"Better when it is","options":[{"value":"higher-is-better","label":"Higher"},{"value":"lower-is-better","label":"Lower"}],"value":"lower-is-better")") !=
          std::string::npos);
    CHECK(json.find(R"("kind":"button","disabled":true,"value":"")") != std::string::npos);
    const std::string tail = R"(],"focus":"m1|name"})";
    REQUIRE(json.size() > tail.size());
    CHECK(json.substr(json.size() - tail.size()) == tail);
}

TEST_CASE("a lines value reads back one trimmed item per line, empty lines dropped") {
    CHECK(form_lines("") == std::vector<std::string>{});
    CHECK(form_lines("  one \n\n two\r\n three") == std::vector<std::string>{"one", "two", "three"});
    CHECK(form_lines("\n\n") == std::vector<std::string>{});
}

TEST_CASE("steps are offered as Journey › Stage › Step and read back by id; a step that is gone is refused") {
    const Workspace ws = one_journey();
    const Journey& j = ws.journeys[0];
    const std::vector<FormOption> options = step_options(ws);
    REQUIRE(options.size() == 2);
    CHECK(options[1].label == "Buying a plan \xE2\x80\xBA Order \xE2\x80\xBA Passes the credit check");
    const auto back = form_steps(ws, options[1].value + "\n" + options[0].value);
    REQUIRE(back.has_value());
    CHECK(*back == std::vector<StepRef>{{j.id, j.stages[0].steps[1].id}, {j.id, j.stages[0].steps[0].id}});
    CHECK(step_option_values(*back) == std::vector<std::string>{options[1].value, options[0].value});
    CHECK(form_steps(ws, j.id.str() + "/" + new_id().str()) == std::nullopt);     // no such step
    CHECK(form_steps(ws, new_id().str() + "/" + j.stages[0].steps[0].id.str()) == std::nullopt);   // no such journey
    CHECK(form_steps(ws, "not a step") == std::nullopt);
    CHECK(form_steps(ws, "")->empty());
}

TEST_CASE("ids in a group of checkboxes read back only while they are in the workspace") {
    const Workspace ws = one_journey();
    const Id zoe = ws.personas[0].id;
    const auto options = id_options(ws.personas, [](const Persona& p) { return p.name; });
    REQUIRE(options.size() == 1);
    CHECK(options[0].value == zoe.str());
    CHECK(options[0].label == "Zo\xC3\xAB");
    CHECK(form_ids(ws.personas, zoe.str()) == std::vector<Id>{zoe});
    CHECK(form_ids(ws.personas, zoe.str() + "\n" + new_id().str()) == std::nullopt);
    CHECK(id_values({zoe}) == std::vector<std::string>{zoe.str()});
}
