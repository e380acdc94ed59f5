# Shell completion (data/completions/), installed where Debian's bash-completion,
# zsh and fish look for a package's scripts, so `roster <TAB>` works after
# `cmake --install` or the .deb with nothing in the user's rc files. Each
# script asks `roster __complete` for the candidates.
include(GNUInstallDirs)
install(FILES ${CMAKE_SOURCE_DIR}/data/completions/roster.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME roster)
install(FILES ${CMAKE_SOURCE_DIR}/data/completions/_roster
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${CMAKE_SOURCE_DIR}/data/completions/roster.fish
  DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
