#pragma once

#include <QtGlobal>

namespace Postern {

// Caps this process's data memory (RLIMIT_DATA: the heap and private mappings) at bytes, where the
// limit is higher or unlimited, so that a script that asks for gigabytes fails in its own process
// instead of taking the machine's memory. Does nothing where there is no such limit, and in a build
// with AddressSanitizer, whose shadow memory is terabytes of reserved address space that the limit
// counts. Returns whether the cap is in place.
bool capDataMemory(quint64 bytes);

} // namespace Postern
