#pragma once

#include "base/jsonfile.h"
#include "http/httprequest.h"
#include "workspace/collection.h"
#include "workspace/environment.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace Postern {

// What a file the user chose to import turned out to be and what it gives.
struct InteropImport
{
    enum class Kind {
        None,
        PostmanCollection,
        PostmanEnvironment,
        PosternCollection,
        PosternEnvironment,
        Curl
    };

    Kind kind = Kind::None;
    Collection collection; // a collection file
    Environment environment; // an environment or globals file
    std::optional<HttpRequest> request; // a curl command
    QStringList summary; // one line per thing the user should know about
    QString error; // why nothing was imported (a sentence); empty on success

    bool ok() const { return error.isEmpty(); }
};

// File > Import without the window: which format a file is, found by its content in one parse, and
// its import. A Postman collection (v2.0, v2.1), a Postman environment or globals file, a Postern
// collection or environment file, or a text file holding a curl command. A refused file gets the
// reader's own reason (not valid JSON at byte N, nested too deeply, empty, v1, …). Putting the result
// into the workspace is the caller's job.
class Interop
{
    Q_DECLARE_TR_FUNCTIONS(Postern::Interop)

public:
    static constexpr qsizetype maxFileSize = JsonFile::maxBytes;

    static InteropImport read(const QByteArray &data);
};

} // namespace Postern
