#include "base/httpvalidation.h"

#include <QCoreApplication>

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
        return QCoreApplication::translate("Postern::HttpValidation", "a space");
    case u'\t':
        return QCoreApplication::translate("Postern::HttpValidation", "a tab");
    case u'\r':
        return QCoreApplication::translate("Postern::HttpValidation", "a carriage return (CR)");
    case u'\n':
        return QCoreApplication::translate("Postern::HttpValidation", "a line feed (LF)");
    case 0:
        return QCoreApplication::translate("Postern::HttpValidation", "a NUL character");
    default:
        break;
    }
    if (c.unicode() < 0x20 || c.unicode() == 0x7f)
        return QCoreApplication::translate("Postern::HttpValidation", "the control character U+%1")
            .arg(int(c.unicode()), 4, 16, QChar(u'0'));
    return u"'%1'"_s.arg(c);
}

enum class Token { HeaderName, Method };

QString tokenError(const QString &text, Token what)
{
    if (text.isEmpty())
        return what == Token::HeaderName
            ? QCoreApplication::translate("Postern::HttpValidation", "The header name is empty.")
            : QCoreApplication::translate("Postern::HttpValidation", "The method is empty.");
    for (const QChar c : text) {
        if (isTokenChar(c))
            continue;
        const QString shown = text.trimmed().left(60);
        if (what == Token::HeaderName)
            return QCoreApplication::translate(
                       "Postern::HttpValidation",
                       "The header name “%1” contains %2, which is not allowed in a header name.")
                .arg(shown, describe(c));
        return QCoreApplication::translate("Postern::HttpValidation",
                                           "The method “%1” contains %2, which is not allowed in a method.")
            .arg(shown, describe(c));
    }
    return QString();
}

} // namespace

QString headerNameError(const QString &name)
{
    return tokenError(name, Token::HeaderName);
}

QString headerValueError(const QString &value)
{
    for (const QChar c : value) {
        if (c == u'\r' || c == u'\n' || c.unicode() == 0)
            return QCoreApplication::translate("Postern::HttpValidation",
                                               "A header value contains %1, which would break the request.")
                .arg(describe(c));
    }
    return QString();
}

QString methodError(const QString &method)
{
    return tokenError(method, Token::Method);
}

QString urlError(const QString &urlText, QUrl *url)
{
    const QString text = urlText.trimmed();
    if (text.isEmpty())
        return QCoreApplication::translate("Postern::HttpValidation", "Enter a URL to send the request to.");
    const qsizetype schemeEnd = text.indexOf(u"://"_s);
    if (schemeEnd <= 0)
        return QCoreApplication::translate("Postern::HttpValidation",
                                           "The URL has no scheme: start it with http:// or https://.");
    const QString scheme = text.left(schemeEnd).toLower();
    if (scheme != u"http"_s && scheme != u"https"_s)
        return QCoreApplication::translate("Postern::HttpValidation",
                                           "The scheme “%1” is not supported: use http:// or https://.")
            .arg(text.left(schemeEnd).left(20));
    const QUrl parsed(text, QUrl::TolerantMode);
    if (!parsed.isValid())
        return QCoreApplication::translate("Postern::HttpValidation", "The URL is not valid: %1.")
            .arg(parsed.errorString());
    if (parsed.host().isEmpty())
        return QCoreApplication::translate("Postern::HttpValidation",
                                           "The URL has no host: write it as %1://host/path.")
            .arg(scheme);
    if (url)
        *url = parsed;
    return QString();
}

} // namespace Postern::HttpValidation
