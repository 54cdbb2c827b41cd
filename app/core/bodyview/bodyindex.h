#pragma once

#include "bodyview/bodysniffer.h"
#include "bodyview/jsonindex.h"
#include "bodyview/rawlines.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>
#include <utility>

namespace Postern {

// Everything a view needs of one body, made in one go (on a worker thread): what kind of body it is,
// its text in UTF-8 (from the charset of its Content-Type) as raw lines and, for JSON, XML and HTML,
// the lines of its pretty form.
struct BodyIndex
{
    BodyKind kind = BodyKind::Empty;
    std::shared_ptr<const RawLines> raw;
    std::shared_ptr<const JsonIndex> json; // for JSON, whether it validated or not (see ok())
    // The pretty form, when the body has one: JSON's index, or the lines of the XML or HTML indented.
    std::shared_ptr<const LineSource> pretty;
    QString prettyError; // why a JSON or XML body has no pretty form ("Unexpected '}' at line 3, ...")
    // What to tell about the body as a whole: its charset (BodyText::note), or that it is labelled JSON
    // or XML but is not and is shown raw (one only taken for JSON by its first bytes is just raw).
    // Usually empty.
    QString note;

    // A set cancel flag stops early (the parts made are canceled()). When body's bytes belong to
    // something else (QByteArray::fromRawData over a mapped file), owner is that something: the parts
    // that read those bytes keep it alive.
    static BodyIndex build(const QByteArray &body, const QByteArray &contentType,
                           const std::atomic_bool *cancel = nullptr,
                           const std::shared_ptr<const void> &owner = {});
};

// part, made to keep owner alive for as long as any copy of it lives (shared_ptr's aliasing
// constructor): for a part that reads bytes it does not own. Without an owner, part as it is.
template<typename T>
std::shared_ptr<const T> keepingAlive(std::shared_ptr<const T> part, const std::shared_ptr<const void> &owner)
{
    if (!owner || !part)
        return part;
    const auto both = std::make_shared<std::pair<std::shared_ptr<const T>, std::shared_ptr<const void>>>(
        std::move(part), owner);
    return std::shared_ptr<const T>(both, both->first.get());
}

} // namespace Postern
