# The rule of src/ui's rooms, checked at every native build (cmake -DROOT=<source dir> -P this file):
# views include the kit and other rooms, never the shell (ui/shell: the app, its menus, the test hook),
# so a view can be read, moved or tested without the whole app above it.
file(GLOB_RECURSE sources "${ROOT}/src/ui/*.cpp" "${ROOT}/src/ui/*.hpp" "${ROOT}/src/ui/*.h")
set(offenders "")
foreach(file ${sources})
  file(RELATIVE_PATH rel "${ROOT}" "${file}")
  if(rel MATCHES "^src/ui/shell/")
    continue()
  endif()
  file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]ui/shell/")
  if(lines)
    list(APPEND offenders "${rel}: ${lines}")
  endif()
endforeach()
if(offenders)
  list(JOIN offenders "\n  " text)
  message(FATAL_ERROR "A view includes the shell (src/ui/shell); views include ui/kit and other rooms only:\n  ${text}")
endif()
