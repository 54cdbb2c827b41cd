#include "bodyview/bodyindex.h"

#include "bodyview/bodytext.h"

namespace Postern {

BodyIndex BodyIndex::build(const QByteArray &body, const QByteArray &contentType, bool json,
                           const std::atomic_bool *cancel)
{
    const BodyText text = BodyText::decode(body, contentType);
    BodyIndex index;
    index.note = text.note;
    index.raw = std::make_shared<const RawLines>(text.utf8, cancel);
    if (json && !(cancel && cancel->load()))
        index.pretty = std::make_shared<const JsonIndex>(text.utf8, 2, cancel);
    return index;
}

} // namespace Postern
