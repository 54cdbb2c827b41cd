// File > Import, `postern run` and "Open With Postern" read these files: Postman collections (v2.0,
// v2.1), environments and globals, and Postern's own collection and environment files.
#include "fuzzinput.h"
#include "interop/interop.h"
#include "interop/postmancollection.h"
#include "interop/postmanenvironment.h"

using namespace Postern;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = PosternFuzz::bytes(data, size);
    Interop::read(input);
    PostmanCollection::import(input);
    PostmanEnvironment::import(input);
    return 0;
}
