# cmake --install layout and CPack's .deb. Man pages are the programs' --help turned into
# troff by help2man, when it is installed.
find_program(HELP2MAN help2man)
if(HELP2MAN)
  foreach(prog kautiond kautionctl)
    if(prog STREQUAL "kautiond")
      set(section 8)
      set(summary "rent deposit bank synchronisation daemon")
    else()
      set(section 1)
      set(summary "command line for the operators and support staff of kautiond")
    endif()
    add_custom_command(
      OUTPUT ${PROJECT_BINARY_DIR}/man/${prog}.${section}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
      COMMAND ${HELP2MAN} --no-info --section=${section} --version-string=${PROJECT_VERSION}
              "--name=${summary}" --output=${PROJECT_BINARY_DIR}/man/${prog}.${section}
              $<TARGET_FILE:${prog}>
      DEPENDS ${prog}
      VERBATIM)
    add_custom_target(man_${prog} ALL DEPENDS ${PROJECT_BINARY_DIR}/man/${prog}.${section})
    install(FILES ${PROJECT_BINARY_DIR}/man/${prog}.${section}
            DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
  endforeach()
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kautiond)
set(CPACK_PACKAGE_CONTACT "kautiond maintainers <kautiond@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "rent deposit bank synchronisation daemon")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/systemd/debian/postinst)
include(CPack)
