# `cmake --install` and the Debian package (ci/package.sh runs cpack):
#
#   bin/pgveil                                     the program (stripped in the .deb)
#   share/pgveil/pg.sh                             the throwaway cluster `pgveil demo` starts
#   share/man/man1/pgveil.1.gz                     from the program's own --help (help2man)
#   share/bash-completion/completions/pgveil       subcommands and their flags, read from --help
#   share/doc/pgveil/examples/                     CI jobs and the systemd unit
#
# The .deb's library dependencies come from dpkg-shlibdeps; replicate needs
# pg_dump and pg_restore (postgresql-client-15, or another version's client:
# each provides postgresql-client), the demo a server (postgresql-15,
# recommended).
include(GNUInstallDirs)

install(TARGETS pgveil RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(PROGRAMS ${CMAKE_SOURCE_DIR}/ci/pg.sh DESTINATION ${CMAKE_INSTALL_DATADIR}/pgveil)
install(FILES ${CMAKE_SOURCE_DIR}/cli/pgveil.bash-completion
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME pgveil)
install(FILES ${CMAKE_SOURCE_DIR}/ci/examples/github-actions.yml
              ${CMAKE_SOURCE_DIR}/ci/examples/gitlab-ci.yml
              ${CMAKE_SOURCE_DIR}/ci/examples/branch-github-actions.yml
              ${CMAKE_SOURCE_DIR}/ci/examples/branch-gitlab-ci.yml
              ${CMAKE_SOURCE_DIR}/ci/examples/pgveil-replicate.service
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

find_program(HELP2MAN help2man REQUIRED)
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/pgveil.1.gz
  COMMAND ${HELP2MAN} --no-info --no-discard-stderr --version-string=${PROJECT_VERSION}
          --name "find personal data in PostgreSQL, gate it with a policy, replicate it masked"
          --include ${CMAKE_SOURCE_DIR}/cli/pgveil.h2m
          --output ${CMAKE_BINARY_DIR}/pgveil.1 $<TARGET_FILE:pgveil>
  COMMAND gzip -9nf ${CMAKE_BINARY_DIR}/pgveil.1
  DEPENDS pgveil ${CMAKE_SOURCE_DIR}/cli/pgveil.h2m
  COMMENT "Writing the man page from pgveil --help")
add_custom_target(man_page ALL DEPENDS ${CMAKE_BINARY_DIR}/pgveil.1.gz)
install(FILES ${CMAKE_BINARY_DIR}/pgveil.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pgveil)
set(CPACK_PACKAGE_VENDOR pgveil)
set(CPACK_PACKAGE_CONTACT "pgveil maintainers <maintainers@pgveil.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "find personal data in PostgreSQL, gate it with a policy, replicate it masked")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "postgresql-client-15 | postgresql-client")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "postgresql-15")
include(CPack)
