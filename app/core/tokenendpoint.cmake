# Direct requests to a token endpoint: the password and client credentials grants, refresh (RFC 6749
# §6) and revocation (RFC 7009), with the configured client authentication.
target_sources(postern_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/tokenendpointjob.h ${CMAKE_CURRENT_LIST_DIR}/tokenendpointjob.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokenendpointclient.h ${CMAKE_CURRENT_LIST_DIR}/tokenendpointclient.cpp
)
