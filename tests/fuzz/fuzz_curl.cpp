// A pasted curl command (File > Import, paste into the URL field): split as a shell would, then read
// as curl(1) reads its options. When it reads as a request, Copy as cURL of that request must read
// back as the same request.
#include "curl/curlcommand.h"
#include "fuzzinput.h"

#include <cstdio>
#include <cstdlib>

using namespace Postern;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const CurlImport first = CurlCommand::parse(QString::fromUtf8(PosternFuzz::bytes(data, size)));
    if (!first.ok())
        return 0;
    QString why;
    const QString again = CurlCommand::toCurl(first.request, CurlCommand::Secrets::Include, &why);
    if (again.isEmpty())
        return 0; // a request Copy as cURL refuses, with a reason
    const CurlImport second = CurlCommand::parse(again);
    if (!second.ok() || second.request.method != first.request.method
        || second.request.url != first.request.url) {
        std::fprintf(stderr, "Copy as cURL does not read back:\n%s\nfirst: [%s] [%s]\nagain: [%s] [%s] %s\n",
                     qPrintable(again), qPrintable(first.request.method), qPrintable(first.request.url),
                     qPrintable(second.request.method), qPrintable(second.request.url),
                     qPrintable(second.error));
        std::abort();
    }
    return 0;
}
