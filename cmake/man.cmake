# Man pages. Each docs/man/NAME.scd (scdoc) becomes build/man/NAME, e.g.
# docs/man/roster-list.1.scd -> build/man/roster-list.1, at build time, so
# `man -l build/man/roster-list.1` previews a page and tests/man checks every
# page against `--help`. `cmake --install` puts them in share/man/man1.
# Installed gzipped (gzip -n: no name or time inside), as Debian keeps man
# pages. The date in each page's footer is SOURCE_DATE_EPOCH when set, else
# the last commit's, so two builds of one commit make the same bytes.
find_program(SCDOC_EXECUTABLE scdoc REQUIRED)
find_program(GZIP_EXECUTABLE gzip REQUIRED)
include(GNUInstallDirs)
if(DEFINED ENV{SOURCE_DATE_EPOCH})
  set(ROSTER_MAN_EPOCH $ENV{SOURCE_DATE_EPOCH})
else()
  execute_process(COMMAND git log -1 --format=%ct WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    OUTPUT_VARIABLE ROSTER_MAN_EPOCH OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
endif()
if(NOT ROSTER_MAN_EPOCH MATCHES "^[0-9]+$")
  string(TIMESTAMP ROSTER_MAN_EPOCH "%s")
endif()

file(GLOB ROSTER_MAN_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/docs/man/*.scd)
list(SORT ROSTER_MAN_SOURCES)
set(ROSTER_MAN_PAGES)
set(ROSTER_MAN_GZ)
foreach(source ${ROSTER_MAN_SOURCES})
  get_filename_component(page ${source} NAME)
  string(REGEX REPLACE "\\.scd$" "" page ${page})
  set(output ${CMAKE_BINARY_DIR}/man/${page})
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
    # Through a temporary file, so a page scdoc refuses leaves no output that
    # would look up to date on the next build.
    COMMAND ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=${ROSTER_MAN_EPOCH} ${SCDOC_EXECUTABLE} < ${source} > ${output}.tmp
    COMMAND ${CMAKE_COMMAND} -E rename ${output}.tmp ${output}
    COMMAND ${GZIP_EXECUTABLE} -9nf -k ${output}
    DEPENDS ${source}
    BYPRODUCTS ${output}.gz
    COMMENT "Writing the man page ${page}"
    VERBATIM)
  list(APPEND ROSTER_MAN_PAGES ${output})
  list(APPEND ROSTER_MAN_GZ ${output}.gz)
endforeach()
add_custom_target(roster_man ALL DEPENDS ${ROSTER_MAN_PAGES})
install(FILES ${ROSTER_MAN_GZ} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
