# Token storage: metadata in a JSON file, secrets in the OS keychain through QtKeychain (plaintext
# fallback off), in memory for the session, or in a libsodium-encrypted file when the user asks.
find_package(Qt6Keychain REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)

target_sources(postern_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/secretstore.h ${CMAKE_CURRENT_LIST_DIR}/secretstore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/memorysecretstore.h ${CMAKE_CURRENT_LIST_DIR}/memorysecretstore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keychainsecretstore.h ${CMAKE_CURRENT_LIST_DIR}/keychainsecretstore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/encryptedfilesecretstore.h ${CMAKE_CURRENT_LIST_DIR}/encryptedfilesecretstore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/secretstoreprobe.h ${CMAKE_CURRENT_LIST_DIR}/secretstoreprobe.cpp
    ${CMAKE_CURRENT_LIST_DIR}/secretstoreondemand.h ${CMAKE_CURRENT_LIST_DIR}/secretstoreondemand.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokenstore.h ${CMAKE_CURRENT_LIST_DIR}/tokenstore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokenstoremode.cpp
)
target_link_libraries(postern_core PRIVATE qt6keychain PkgConfig::SODIUM)
