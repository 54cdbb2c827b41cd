# The options every test of a sanitizer build (POSTERN_SANITIZE) runs with: POSTERN_SANITIZER_ENVIRONMENT,
# a list for CTest's ENVIRONMENT property; empty in any other build.
#
# - new_delete_type_mismatch=0: Chromium (Qt WebEngine, in the tests that open the login window) frees
#   some of its objects through a base class of another size; that mismatch is Chromium's own, in a
#   library this project does not build.
# - Leaks are checked at every test program's exit, with the suppressions of
#   tests/sanitizers/lsan.supp (each one a library outside the project, with its reason).
# - Any report of either sanitizer ends the program with an error (halt_on_error, and
#   -fno-sanitize-recover at build time), so a report is a failed test.
set(POSTERN_SANITIZER_ENVIRONMENT "")
if(POSTERN_SANITIZE)
    set(POSTERN_SANITIZER_ENVIRONMENT
        "ASAN_OPTIONS=new_delete_type_mismatch=0:detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=0"
        "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/sanitizers/lsan.supp:print_suppressions=0"
        "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
endif()
