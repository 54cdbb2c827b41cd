// `postern run -d` and the runner's data files: CSV (RFC 4180 and what spreadsheets write) and JSON,
// one iteration per row.
#include "fuzzinput.h"
#include "runner/datafile.h"

using namespace Postern;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = PosternFuzz::bytes(data, size);
    DataFile::parseCsv(input);
    DataFile::parseJson(input);
    return 0;
}
