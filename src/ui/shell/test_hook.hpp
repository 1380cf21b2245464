// The test hook's entry (web/app.js window.waymark → wm_test_hook): browser tests and benchmarks
// read the app's state and drive it through these calls. See test_hook.cpp and the README's table.
#pragma once

#include <string>
#include <string_view>

namespace wm::ui {

class App;

class TestHook {
public:
    explicit TestHook(App& app) : app_(app) {}
    // name + argument text → JSON (or the raw export text for exportJson).
    std::string call(std::string_view name, std::string_view arg);

private:
    std::string stats() const;
    std::string show(std::string_view arg);
    std::string rect(std::string_view label) const;
    std::string generate(std::string_view spec);
    std::string bench_snapshot() const;

    App& app_;
};

}  // namespace wm::ui
