# Installation in Debian's layout (`cmake --install build --prefix P`) and the
# .deb (`cpack -G DEB` in the build folder). The binary finds its catalogs in
# P/share/locale and its data files in P/share/roster, wherever P is
# (catalog_dir_for, data_dir_for); in the build tree it finds build/locale and
# build/data, so build/roster works without installing.
include(GNUInstallDirs)

set(ROSTER_DATA_FILES sectors.csv stages.csv template-members.csv demo-members.csv)
set(ROSTER_BUILD_DATA)
foreach(name ${ROSTER_DATA_FILES})
  add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/data/${name}
    COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/data/${name} ${CMAKE_BINARY_DIR}/data/${name}
    DEPENDS ${CMAKE_SOURCE_DIR}/data/${name})
  list(APPEND ROSTER_BUILD_DATA ${CMAKE_BINARY_DIR}/data/${name})
endforeach()
add_custom_target(roster_data ALL DEPENDS ${ROSTER_BUILD_DATA})
add_dependencies(roster roster_data)

install(TARGETS roster RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
foreach(lang ${ROSTER_LANGUAGES})
  install(FILES ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES/roster.mo
          DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
endforeach()
install(FILES ${ROSTER_BUILD_DATA} ${CMAKE_SOURCE_DIR}/data/README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/roster)
install(FILES README.md CONTRIBUTING.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs FILES_MATCHING PATTERN "*.md" PATTERN man EXCLUDE)
# Debian keeps a package's licence in /usr/share/doc/PACKAGE/copyright.
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)

# The .deb: roster_VERSION_ARCH.deb, its library dependencies computed by
# dpkg-shlibdeps from the binary (package dpkg-dev), installed under /usr.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME roster)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "roster maintainers <roster@example.org>")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "roster maintainers <roster@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "membership tracker for industry associations / 行业协会会员管理工具")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "roster keeps an association's members in one SQLite file and tells how far it
is toward its goal (e.g. 200 members by a date), which key sectors are strong
or thin, and what changed each week, in tables, CSV, JSON, Markdown, HTML and
chat posts; for secretariat staff at a terminal, cron jobs and pipelines.
.
roster 用一个 SQLite 文件管理协会的会员单位：距离发展目标（如某日前达到200家）
还有多远、重点行业的强弱、每周的入会与退会，可输出表格、CSV、JSON、Markdown、
HTML 和群聊消息；适用于秘书处日常操作、定时任务和管道处理。")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "sqlite3, jq, bash-completion")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
include(CPack)
