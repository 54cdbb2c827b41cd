# The canary sweep (canary-sweep.sh): after the whole end-to-end suite, every secret its tests used or
# were issued is searched for in CTest's log, the reports they kept and whatever they left on disk.
# Included by the folders whose tests record their secrets; CTest's fixture postern_canaries runs the
# setup before the first of those tests and the sweep after the last, however the run is filtered.
#
#   postern_canary_tests(tst_a tst_b)      after the tests are added: they record, inside the fixture
#   postern_add_canary_sweep(tst_a=12 …)   once: the setup and the sweep, with each test's fewest secrets

set(POSTERN_CANARY_SWEEP_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/canary-sweep.sh")
set(POSTERN_CANARY_SWEEP_DIR "${PROJECT_BINARY_DIR}/canary-sweep")

function(postern_canary_tests)
    foreach(test IN LISTS ARGN)
        # Appended, so that what the test's own ENVIRONMENT sets (the sanitizer options) stays.
        set_property(TEST ${test} APPEND PROPERTY FIXTURES_REQUIRED postern_canaries)
        set_property(TEST ${test} APPEND PROPERTY ENVIRONMENT
            "POSTERN_CANARY_FILE=${POSTERN_CANARY_SWEEP_DIR}/secrets.txt"
            "POSTERN_CANARY_DIR=${POSTERN_CANARY_SWEEP_DIR}/reports")
    endforeach()
endfunction()

# Arguments: TEST=FEWEST, the fewest secrets TEST records when it passes; the sweep fails when the tests
# that passed recorded fewer in all. Nothing secret may be on this command line: CTest logs it.
function(postern_add_canary_sweep)
    add_test(NAME canary_sweep_setup COMMAND bash ${POSTERN_CANARY_SWEEP_SCRIPT} setup ${POSTERN_CANARY_SWEEP_DIR})
    set_tests_properties(canary_sweep_setup PROPERTIES FIXTURES_SETUP postern_canaries TIMEOUT 60 LABELS canary)
    add_test(NAME canary_sweep
        COMMAND bash ${POSTERN_CANARY_SWEEP_SCRIPT} sweep ${POSTERN_CANARY_SWEEP_DIR} ${PROJECT_BINARY_DIR} ${ARGN})
    # Exit code 77: no test that records secrets passed and none were recorded (all skipped).
    set_tests_properties(canary_sweep PROPERTIES FIXTURES_CLEANUP postern_canaries TIMEOUT 600 LABELS canary
        SKIP_RETURN_CODE 77)
endfunction()
