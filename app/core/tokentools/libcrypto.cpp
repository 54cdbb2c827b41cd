#include "tokentools/libcrypto.h"

#include <QCoreApplication>
#include <QLibrary>

#include <memory>
#include <openssl/opensslv.h>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

struct Loaded
{
    // The soname of the major version the headers are of (libcrypto.so.3): its ABI is stable across
    // the minor versions. Never unloaded (QLibrary's destructor leaves it loaded): the functions below
    // stay valid to the end, and Qt Network's TLS backend may use the same library.
    std::unique_ptr<QLibrary> library = std::make_unique<QLibrary>(u"crypto"_s, OPENSSL_VERSION_MAJOR);
    LibCrypto functions;
    QString problem; // empty when every function was found
};

Loaded loadLibrary()
{
    Loaded result;
    QLibrary *library = result.library.get();
    if (!library->load()) {
        result.problem = QCoreApplication::translate("Postern::LibCrypto",
                                                     "OpenSSL's libcrypto %1 cannot be loaded (%2); "
                                                     "install libssl3")
                             .arg(OPENSSL_VERSION_MAJOR)
                             .arg(library->errorString());
        return result;
    }
    QStringList missing;
#define POSTERN_LIBCRYPTO_RESOLVE(name)                                                                      \
    result.functions.name = reinterpret_cast<decltype(&::name)>(library->resolve(#name));                    \
    if (!result.functions.name)                                                                              \
        missing << QStringLiteral(#name);
    POSTERN_LIBCRYPTO_FUNCTIONS(POSTERN_LIBCRYPTO_RESOLVE)
#undef POSTERN_LIBCRYPTO_RESOLVE
    if (!missing.isEmpty()) {
        result.problem
            = QCoreApplication::translate("Postern::LibCrypto", "%1 lacks %2: it is older than OpenSSL %3.0")
                  .arg(library->fileName(), missing.join(u", "_s))
                  .arg(OPENSSL_VERSION_MAJOR);
    }
    return result;
}

} // namespace

const LibCrypto *LibCrypto::load(QString *error)
{
    static const Loaded loaded = loadLibrary(); // once, whichever thread comes first
    if (!loaded.problem.isEmpty()) {
        if (error)
            *error = loaded.problem;
        return nullptr;
    }
    return &loaded.functions;
}

} // namespace Postern
