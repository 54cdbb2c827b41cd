// Cookies from outside: a cookie jar file (tough-cookie's, as newman's --cookie-jar writes it), and
// the Set-Cookie headers of an answer (one header a line) as the cookie store takes them.
#include "fuzzinput.h"
#include "history/cookiestore.h"
#include "http/httpresponse.h"
#include "interop/cookiejarfile.h"

#include <QUrl>

using namespace Postern;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = PosternFuzz::bytes(data, size);
    CookieJarFile::read(input);

    HttpResponse response;
    response.statusCode = 200;
    response.url = QUrl(QStringLiteral("https://dev12345.service-now.com/api/now/table/incident"));
    for (const QByteArray &line : input.split('\n'))
        response.headers.append({ QByteArrayLiteral("Set-Cookie"), line });
    const QList<QNetworkCookie> cookies = CookieStore::cookiesSetBy(response);
    CookieJarFile::write(cookies);
    return 0;
}
