# Man pages. Each docs/man/NAME.scd (scdoc) becomes build/man/NAME, e.g.
# docs/man/roster-list.1.scd -> build/man/roster-list.1, at build time, so
# `man -l build/man/roster-list.1` previews a page and tests/man checks every
# page against `--help`. `cmake --install` puts them in share/man/man1.
find_program(SCDOC_EXECUTABLE scdoc REQUIRED)
include(GNUInstallDirs)

file(GLOB ROSTER_MAN_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/docs/man/*.scd)
list(SORT ROSTER_MAN_SOURCES)
set(ROSTER_MAN_PAGES)
foreach(source ${ROSTER_MAN_SOURCES})
  get_filename_component(page ${source} NAME)
  string(REGEX REPLACE "\\.scd$" "" page ${page})
  set(output ${CMAKE_BINARY_DIR}/man/${page})
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
    # Through a temporary file, so a page scdoc refuses leaves no output that
    # would look up to date on the next build.
    COMMAND ${SCDOC_EXECUTABLE} < ${source} > ${output}.tmp
    COMMAND ${CMAKE_COMMAND} -E rename ${output}.tmp ${output}
    DEPENDS ${source}
    COMMENT "Writing the man page ${page}"
    VERBATIM)
  list(APPEND ROSTER_MAN_PAGES ${output})
endforeach()
add_custom_target(roster_man ALL DEPENDS ${ROSTER_MAN_PAGES})
install(FILES ${ROSTER_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
