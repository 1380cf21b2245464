// Dear ImGui compile-time configuration for Waymark (IMGUI_USER_CONFIG).
#pragma once

// 16-bit indices draw garbage past 65,535 vertices on WebGL2; big maps exceed that easily.
#define ImDrawIdx unsigned int

// Characters outside the Basic Multilingual Plane (emoji, 𝄞, mathematical letters) are data: with
// 16-bit ImWchar, InputText turns them into U+FFFD when a field holding them is edited, and typed
// ones never arrive. 32-bit ImWchar keeps every code point.
#define IMGUI_USE_WCHAR32

// The item hooks let the app report widget rectangles by label to the browser tests
// (window.waymark.rect); they cost one hash-map write per item and only run while enabled.
#define IMGUI_ENABLE_TEST_ENGINE

#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_DEBUG_TOOLS
#define IMGUI_DISABLE_FILE_FUNCTIONS          // no stdio: documents live in IndexedDB
#define IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS // links are opened through the platform bridge
