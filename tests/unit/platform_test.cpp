// The software rasterisers View › About names, from the renderer strings browsers report.
#include <doctest/doctest.h>

#include "platform/platform.hpp"

TEST_CASE("software_renderer names the software rasterisers browsers report, and nothing else") {
    using wm::platform::software_renderer;
    CHECK(software_renderer("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)") == "SwiftShader");
    CHECK(software_renderer("Google SwiftShader") == "SwiftShader");
    CHECK(software_renderer("ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)") == "WARP");
    CHECK(software_renderer("llvmpipe (LLVM 15.0.6, 256 bits)") == "llvmpipe");
    CHECK(software_renderer("ANGLE (Mesa, softpipe, OpenGL 4.5)") == "softpipe");
    CHECK(software_renderer("ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)").empty());
    CHECK(software_renderer("ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)").empty());
    CHECK(software_renderer("Apple M2").empty());
    CHECK(software_renderer("").empty());
}

TEST_CASE("text_scale_from reads a stored percentage, clamped to 90-200 %, and ignores anything else") {
    using wm::platform::text_scale_from;
    CHECK(text_scale_from("100") == doctest::Approx(1.0));
    CHECK(text_scale_from("150") == doctest::Approx(1.5));
    CHECK(text_scale_from("200") == doctest::Approx(2.0));
    CHECK(text_scale_from("90") == doctest::Approx(0.9));
    CHECK(text_scale_from("50") == doctest::Approx(0.9));
    CHECK(text_scale_from("400") == doctest::Approx(2.0));
    CHECK(text_scale_from("") == doctest::Approx(1.0));
    CHECK(text_scale_from("1.5") == doctest::Approx(1.0));
    CHECK(text_scale_from("-120") == doctest::Approx(1.0));
    CHECK(text_scale_from("99999999999999") == doctest::Approx(1.0));
}
