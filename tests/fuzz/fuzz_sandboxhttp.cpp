// The sandbox instance's HTTP server reads whatever a client sends: the request framing (head, Content-
// Length, chunked bodies, fed in the pieces the input's first bytes choose) and, from the request
// line's query, the Table API's sysparm_* parameters with the encoded query.
#include "base/formurlencoded.h"
#include "fuzzinput.h"
#include "sandbox/requestframer.h"
#include "sandbox/tablequery.h"

#include <algorithm>

using namespace Postern;
using namespace Postern::Sandbox;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = PosternFuzz::bytes(data, size);
    RequestLimits limits;
    limits.requestLine = 4096;
    limits.headerBytes = 8192;
    limits.body = 65536;
    RequestFramer framer(limits);
    const qsizetype step = size > 0 ? 1 + data[0] % 64 : 1;
    for (qsizetype at = 0; at < input.size() && framer.verdict() == RequestFramer::Verdict::Fine; at += step)
        framer.feed(QByteArrayView(input).sliced(at, std::min(step, input.size() - at)));

    const qsizetype query = input.indexOf('?');
    const qsizetype end = input.indexOf(' ', query + 1);
    if (query >= 0) {
        const FormFields parameters
            = FormUrlEncoded::parse(input.mid(query + 1, end < 0 ? -1 : end - query - 1));
        QString error;
        TableQuery::fromParameters(parameters, &error);
    }
    return 0;
}
