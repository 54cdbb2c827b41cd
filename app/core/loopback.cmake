# Authorization through the system browser (RFC 8252): a one-shot loopback receiver for the redirect and
# a launcher for the user's browser. Core only, no widgets.
target_sources(postern_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/loopbackreceiver.h ${CMAKE_CURRENT_LIST_DIR}/loopbackreceiver.cpp
    ${CMAKE_CURRENT_LIST_DIR}/browserlauncher.h ${CMAKE_CURRENT_LIST_DIR}/browserlauncher.cpp
)
