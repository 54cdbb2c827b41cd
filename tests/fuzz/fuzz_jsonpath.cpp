// The body's filter: a JSONPath expression (RFC 9535) as typed, with its I-Regexp functions, parsed
// and, when valid, run over a ServiceNow-shaped answer.
#include "bodyview/jsonindex.h"
#include "bodyview/jsonnodes.h"
#include "bodyview/jsonpath.h"
#include "fuzzinput.h"

#include <memory>

using namespace Postern;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const JsonNodes nodes(std::make_shared<const JsonIndex>(QByteArrayLiteral(
        R"({"result": [{"number": "INC0010001", "priority": "1", "caller_id": {"link": "x", "value": "6816f79c"},)"
        R"( "tags": [], "active": true, "reassignment_count": 2.5e1, "empty": null},)"
        R"( {"number": "INC0010002", "priority": "3", "short_description": "Caf\u00e9 \"quoted\"",)"
        R"( "nested": [[1, [2, [3]]], {"a": {"b": {"c": []}}}]}], "count": 2})")));
    JsonPath::Error error;
    const JsonPath path = JsonPath::parse(QString::fromUtf8(PosternFuzz::bytes(data, size)), &error);
    if (path.isValid())
        path.select(nodes);
    return 0;
}
