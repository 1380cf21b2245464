// Writes the sample workspace as a .waymark.json file: the embedded default document
// (assets/sample.waymark.json). Regenerate it after changing src/model/sample*.cpp:
//     make_sample assets/sample.waymark.json
// tests/unit/sample_test.cpp fails while the committed asset differs from the code.
#include <cstdio>
#include <fstream>

#include "io/file_format.hpp"
#include "model/sample.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUTPUT.waymark.json\n", argv[0]);
        return 2;
    }
    const std::string json = wm::io::export_json(wm::sample_workspace());
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out.write(json.data(), static_cast<std::streamsize>(json.size()));
    out.close();
    if (!out) {
        std::fprintf(stderr, "make_sample: cannot write %s\n", argv[1]);
        return 1;
    }
    std::printf("wrote %s (%zu bytes)\n", argv[1], json.size());
    return 0;
}
