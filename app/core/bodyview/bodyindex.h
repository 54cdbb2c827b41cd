#pragma once

#include "bodyview/jsonindex.h"
#include "bodyview/rawlines.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>

namespace Postern {

// Everything a view needs of one body, made in one go (on a worker thread): its text in UTF-8 (from the
// charset of its Content-Type), its raw lines and, for JSON, the lines of its pretty form.
struct BodyIndex
{
    std::shared_ptr<const RawLines> raw;
    std::shared_ptr<const JsonIndex> pretty; // null when the body was not taken for JSON
    QString note; // about the charset (BodyText::note); usually empty

    // json: index the pretty form too. A set cancel flag stops early (the parts made are canceled()).
    static BodyIndex build(const QByteArray &body, const QByteArray &contentType, bool json,
                           const std::atomic_bool *cancel = nullptr);
};

} // namespace Postern
