#include "base/memorycap.h"

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

// clang says __has_feature(address_sanitizer), g++ defines __SANITIZE_ADDRESS__.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POSTERN_ADDRESS_SANITIZER 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define POSTERN_ADDRESS_SANITIZER 1
#endif

namespace Postern {

bool capDataMemory(quint64 bytes)
{
#if defined(Q_OS_UNIX) && !defined(POSTERN_ADDRESS_SANITIZER)
    rlimit limit {};
    if (getrlimit(RLIMIT_DATA, &limit) != 0)
        return false;
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur <= bytes)
        return true;
    limit.rlim_cur = rlim_t(bytes);
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_cur > limit.rlim_max)
        limit.rlim_cur = limit.rlim_max;
    return setrlimit(RLIMIT_DATA, &limit) == 0;
#else
    Q_UNUSED(bytes);
    return false;
#endif
}

} // namespace Postern
