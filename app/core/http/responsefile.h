#pragma once

#include "http/httpresponse.h"

#include <QString>

#include <atomic>

namespace Postern {

// A response's body written to a file as it came: from memory, or copied from the temporary file a big
// body was kept in, a megabyte at a time, through QSaveFile, so that the file is either whole or not
// there at all (a full disk or a cancel leaves what was there before).
class ResponseFile
{
public:
    // Empty when saved; otherwise why not, in a sentence. A set cancel flag stops the copy.
    static QString save(const HttpResponse &response, const QString &path,
                        const std::atomic_bool *cancel = nullptr);
    // A name to offer: the last part of the URL's path when it has one, else "response" with an extension
    // for its Content-Type (.json, .xml, .html, .txt, .png ...; .bin when unknown).
    static QString suggestedName(const HttpResponse &response);
};

} // namespace Postern
