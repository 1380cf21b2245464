# The browser app (included from CMakeLists.txt when configured with emcmake).
# Output: ${CMAKE_BINARY_DIR}/site — a plain static folder any static host can serve.
set(IMGUI_DIR "${CMAKE_SOURCE_DIR}/.cache/imgui-1.90.1" CACHE PATH "Dear ImGui 1.90.1 source (scripts/setup)")
set(EM_INCLUDE "${CMAKE_SOURCE_DIR}/.cache/em-include" CACHE PATH "symlinks to boost, cereal, rapidjson, doctest")
set(SITE_DIR "${CMAKE_BINARY_DIR}/site")
# -O2 rather than -O3: nearly the same speed, noticeably smaller wasm to download.
set(CMAKE_CXX_FLAGS_RELEASE "-O2 -DNDEBUG" CACHE STRING "" FORCE)

# -fwasm-exceptions: cereal reports bad input by throwing; JS-emulated exceptions are 4-8x slower.
set(WM_FLAGS -fwasm-exceptions)
foreach(layer ${WM_LAYERS})
  target_compile_options(wm_${layer} PRIVATE ${WM_FLAGS})
  target_include_directories(wm_${layer} SYSTEM PUBLIC ${EM_INCLUDE})
endforeach()

# ImGui is configured through our own header (32-bit indices, test-engine hooks for waymark.rect()).
add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp
  ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends ${IMGUI_DIR}/misc/cpp)
target_include_directories(imgui PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_compile_definitions(imgui PUBLIC IMGUI_USER_CONFIG="ui/kit/imgui_config.h" IMGUI_IMPL_OPENGL_ES3)
target_compile_options(imgui PRIVATE ${WM_FLAGS})

file(GLOB_RECURSE UI_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp)
file(GLOB PLATFORM_SOURCES CONFIGURE_DEPENDS src/platform/*.cpp)
add_executable(waymark ${UI_SOURCES} ${PLATFORM_SOURCES})
target_compile_options(waymark PRIVATE ${WM_FLAGS} -Wall -Wextra -Wno-unused-parameter)
target_link_libraries(waymark PRIVATE waymark_core imgui)
set(WM_EXPORTS _main,_malloc,_free,_wm_start,_wm_frame,_wm_resize,_wm_mouse_move,_wm_mouse_button,_wm_wheel,_wm_key,_wm_text,_wm_focus,_wm_font_loaded,_wm_page_message,_wm_test_hook,_wm_clipboard_set_from_page,_wm_storage_reply,_wm_is_ready,_wm_prefers_dark_changed)
target_link_options(waymark PRIVATE ${WM_FLAGS} -O2
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sTOTAL_STACK=1048576 -sENVIRONMENT=web -sDYNAMIC_EXECUTION=0 -sTEXTDECODER=2 -sFILESYSTEM=0
  -sEXPORTED_FUNCTIONS=${WM_EXPORTS} -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
  -sINCOMING_MODULE_JS_API=locateFile,onAbort,onRuntimeInitialized,print,printErr,canvas,preRun
  --js-library ${CMAKE_SOURCE_DIR}/src/platform/bridge.js)
set_target_properties(waymark PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${SITE_DIR} SUFFIX ".js"
  LINK_DEPENDS ${CMAKE_SOURCE_DIR}/src/platform/bridge.js)

# Fonts from Debian's packages, subset at build time (fonttools): the UI font covers Latin, Greek,
# Cyrillic and common symbols and loads before the first frame; CJK and symbols (emoji) are separate
# files fetched lazily the first time such a character must be drawn.
set(NOTO /usr/share/fonts/truetype/noto)
add_custom_command(OUTPUT ${SITE_DIR}/fonts/ui.ttf ${SITE_DIR}/fonts/ui-bold.ttf ${SITE_DIR}/fonts/cjk.ttf ${SITE_DIR}/fonts/symbols.ttf
  COMMAND ${CMAKE_COMMAND} -E make_directory ${SITE_DIR}/fonts
  COMMAND ${CMAKE_SOURCE_DIR}/scripts/make-fonts ${SITE_DIR}/fonts
  DEPENDS ${CMAKE_SOURCE_DIR}/scripts/make-fonts VERBATIM)

# The static shell: HTML, CSS, JS, service worker, manifest, icons. scripts/stage-web stamps the
# build id into the service worker and the HTML so that one version's files are never mixed.
file(GLOB WEB_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
add_custom_target(site ALL
  COMMAND ${CMAKE_SOURCE_DIR}/scripts/stage-web ${CMAKE_SOURCE_DIR}/web ${SITE_DIR}
  DEPENDS waymark ${SITE_DIR}/fonts/ui.ttf ${WEB_FILES} ${CMAKE_SOURCE_DIR}/scripts/stage-web
  VERBATIM)
