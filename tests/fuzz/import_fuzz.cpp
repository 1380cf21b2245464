// libFuzzer target for everything that reads outside bytes: import_json and load_snapshot.
// Built and run by scripts/fuzz (clang++ -fsanitize=fuzzer,address,undefined).
//
// Beyond "no crash, no sanitizer report", it checks the promises of file_format.hpp:
//  * a load either yields a workspace or a non-empty error (never both, never neither);
//  * whatever loads, exports deterministically: export -> import -> export is byte-identical,
//    and the same holds for snapshots.
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string_view>

#include "io/file_format.hpp"

namespace {

[[noreturn]] void broken(const char* what) {
    std::fprintf(stderr, "import_fuzz: %s\n", what);
    std::abort();
}

void check_loaded(const wm::io::LoadResult& r) {
    if (r.workspace.has_value() == !r.error.empty()) broken("LoadResult holds both or neither of workspace and error");
    if (!r) return;
    const std::string json = wm::io::export_json(*r.workspace);
    const auto again = wm::io::import_json(json);
    if (!again) broken(("an exported workspace does not import: " + again.error).c_str());
    if (wm::io::export_json(*again.workspace) != json) broken("export -> import -> export differs");
    const std::string snap = wm::io::save_snapshot(*r.workspace);
    const auto back = wm::io::load_snapshot(snap);
    if (!back || !(*back.workspace == *r.workspace)) broken("snapshot round trip differs");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    check_loaded(wm::io::import_json(bytes));
    check_loaded(wm::io::load_snapshot(bytes));
    return 0;
}
