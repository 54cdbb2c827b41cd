// The response viewer's indexes over an answer's bytes: the JSON index (Pretty and Tree) with every
// line drawn, and the body index that picks the view by Content-Type (the input's first byte) and
// content: XML and HTML pretty-printed, text in its charset, binary as hex.
#include "bodyview/bodyindex.h"
#include "bodyview/jsonindex.h"
#include "bodyview/rawlines.h"
#include "fuzzinput.h"

using namespace Postern;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const QByteArray types[] = { "application/json",
                                        "application/xml",
                                        "text/html; charset=utf-8",
                                        "text/plain; charset=iso-8859-1",
                                        "application/octet-stream",
                                        "text/plain; charset=utf-16",
                                        "image/svg+xml",
                                        "" };
    const QByteArray &type = types[data[0] % (sizeof(types) / sizeof(types[0]))];
    const QByteArray body = PosternFuzz::bytes(data + 1, size - 1);

    const JsonIndex json(body);
    for (qsizetype line = 0; line < json.lineCount() && line < 4096; ++line)
        json.lineText(line);

    const BodyIndex index = BodyIndex::build(body, type);
    for (const auto &lines : { index.pretty, std::static_pointer_cast<const LineSource>(index.raw) }) {
        for (qsizetype line = 0; lines && line < lines->lineCount() && line < 4096; ++line)
            lines->lineText(line);
    }
    return 0;
}
