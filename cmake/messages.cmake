# Message catalogs (GNU gettext). po/zh_CN.po is compiled at build time into
# build/locale/zh_CN/LC_MESSAGES/roster.mo, where build/roster finds it
# (catalog_dir_for in src/domain/i18n.cpp), so the build tree works without
# installing. `cmake --build build --target roster_pot` re-extracts
# po/roster.pot from the sources; scripts/check-i18n.py checks the catalog.
set(ROSTER_LANGUAGES zh_CN)
set(ROSTER_MO_FILES)
foreach(lang ${ROSTER_LANGUAGES})
  set(mo ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES/roster.mo)
  add_custom_command(
    OUTPUT ${mo}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES
    COMMAND ${GETTEXT_MSGFMT_EXECUTABLE} --check-format --check-header -o ${mo} ${CMAKE_SOURCE_DIR}/po/${lang}.po
    DEPENDS ${CMAKE_SOURCE_DIR}/po/${lang}.po
    COMMENT "Compiling the ${lang} message catalog")
  list(APPEND ROSTER_MO_FILES ${mo})
endforeach()
add_custom_target(roster_catalogs ALL DEPENDS ${ROSTER_MO_FILES})
add_dependencies(roster roster_catalogs)

file(GLOB_RECURSE ROSTER_I18N_SOURCES RELATIVE ${CMAKE_SOURCE_DIR} CONFIGURE_DEPENDS
  src/*.cpp src/*.h include/*.h)
list(SORT ROSTER_I18N_SOURCES)
add_custom_target(roster_pot
  COMMAND ${XGETTEXT_EXECUTABLE} --language=C++ --from-code=UTF-8 --package-name=roster
    --package-version=${PROJECT_VERSION} --msgid-bugs-address=roster --sort-by-file --add-comments=TRANSLATORS:
    --keyword=tr --keyword=trf --keyword=N_ --keyword=trc:1c,2 --keyword=trn:1,2 --keyword=trfn:1,2
    -o ${CMAKE_SOURCE_DIR}/po/roster.pot ${ROSTER_I18N_SOURCES}
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  COMMENT "Extracting po/roster.pot")
