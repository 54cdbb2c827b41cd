# Token tools: reading JWTs, checking their signatures against a JWK Set with libcrypto (EVP API
# only), fetching key sets, and authorization server metadata discovery (RFC 8414, OIDC Discovery).
find_package(OpenSSL 3.0 REQUIRED)

set(POSTERN_TOKENTOOLS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/jwt.h ${CMAKE_CURRENT_LIST_DIR}/jwt.cpp
    ${CMAKE_CURRENT_LIST_DIR}/jwtverifier.h ${CMAKE_CURRENT_LIST_DIR}/jwtverifier.cpp
    ${CMAKE_CURRENT_LIST_DIR}/jwksfetcher.h ${CMAKE_CURRENT_LIST_DIR}/jwksfetcher.cpp
    ${CMAKE_CURRENT_LIST_DIR}/discoveryresult.h ${CMAKE_CURRENT_LIST_DIR}/discoveryresult.cpp
    ${CMAKE_CURRENT_LIST_DIR}/discovery.h ${CMAKE_CURRENT_LIST_DIR}/discovery.cpp
)
target_sources(postern_core PRIVATE ${POSTERN_TOKENTOOLS_SOURCES})
# Deprecated libcrypto calls do not even compile here.
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/jwtverifier.cpp PROPERTIES
    COMPILE_DEFINITIONS "OPENSSL_API_COMPAT=30000;OPENSSL_NO_DEPRECATED")
target_link_libraries(postern_core PRIVATE OpenSSL::Crypto)
