#include "base/httpvalidation.h"

using namespace Qt::StringLiterals;

namespace Postern::HttpValidation {

namespace {

bool isTokenChar(QChar c)
{
    if (c.unicode() > 0x7e || c.unicode() <= 0x20)
        return false;
    static const QString separators = u"\"(),/:;<=>?@[\\]{}"_s;
    return !separators.contains(c);
}

QString describe(QChar c)
{
    switch (c.unicode()) {
    case u' ':
        return u"a space"_s;
    case u'\t':
        return u"a tab"_s;
    case u'\r':
        return u"a carriage return (CR)"_s;
    case u'\n':
        return u"a line feed (LF)"_s;
    case 0:
        return u"a NUL character"_s;
    default:
        break;
    }
    if (c.unicode() < 0x20 || c.unicode() == 0x7f)
        return u"the control character U+%1"_s.arg(int(c.unicode()), 4, 16, QChar(u'0'));
    return u"'%1'"_s.arg(c);
}

QString tokenError(const QString &text, const QString &what)
{
    if (text.isEmpty())
        return u"The %1 is empty."_s.arg(what);
    for (const QChar c : text) {
        if (!isTokenChar(c))
            return u"The %1 \u201c%2\u201d contains %3, which is not allowed in a %1."_s.arg(
                what, text.trimmed().left(60), describe(c));
    }
    return QString();
}

} // namespace

QString headerNameError(const QString &name)
{
    return tokenError(name, u"header name"_s);
}

QString headerValueError(const QString &value)
{
    for (const QChar c : value) {
        if (c == u'\r' || c == u'\n' || c.unicode() == 0)
            return u"A header value contains %1, which would break the request."_s.arg(describe(c));
    }
    return QString();
}

QString methodError(const QString &method)
{
    return tokenError(method, u"method"_s);
}

QString urlError(const QString &urlText, QUrl *url)
{
    const QString text = urlText.trimmed();
    if (text.isEmpty())
        return u"Enter a URL to send the request to."_s;
    const qsizetype schemeEnd = text.indexOf(u"://"_s);
    if (schemeEnd <= 0)
        return u"The URL has no scheme: start it with http:// or https://."_s;
    const QString scheme = text.left(schemeEnd).toLower();
    if (scheme != u"http"_s && scheme != u"https"_s)
        return u"The scheme \u201c%1\u201d is not supported: use http:// or https://."_s.arg(
            text.left(schemeEnd).left(20));
    const QUrl parsed(text, QUrl::TolerantMode);
    if (!parsed.isValid())
        return u"The URL is not valid: %1."_s.arg(parsed.errorString());
    if (parsed.host().isEmpty())
        return u"The URL has no host: write it as %1://host/path."_s.arg(scheme);
    if (url)
        *url = parsed;
    return QString();
}

} // namespace Postern::HttpValidation
