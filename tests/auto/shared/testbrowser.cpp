// postern-test-browser AUTHORIZATION_URL
//
// Stands in for the user's browser in the system-browser tests: started through $BROWSER like a real one,
// it plays the user against the sandbox instance over HTTP and then follows the redirect to the
// loopback receiver, as a browser would.
//
//   GET  authorization URL      → 302 /oauth_login.do?request=ID
//   GET  the login page         → 200
//   POST /oauth_login.do        → 302 /oauth_consent.do?request=ID   (request, user_name, user_password)
//   GET  the consent page       → 200
//   POST /oauth_consent.do      → 302 http://127.0.0.1:PORT/…       (request, action=allow|deny)
//  [GET  /favicon.ico on the loopback port → 404, and a connection sending junk → 400]
//   GET  the redirect URI       → 200, the receiver's page
//
// Environment: POSTERN_TEST_BROWSER_USER and POSTERN_TEST_BROWSER_PASSWORD (admin/admin by default),
// POSTERN_TEST_BROWSER_DECISION=deny clicks Deny, POSTERN_TEST_BROWSER_NOISE=1 sends the bracketed
// requests first. Exits 0 when every step went as above, otherwise prints what went wrong (statuses and
// paths, never a query, code or password) and exits 1.

#include "base/formurlencoded.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;
using Postern::FormFields;
namespace Form = Postern::FormUrlEncoded;

namespace {

constexpr int stepTimeout = 10000;

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "postern-test-browser: %s\n", qPrintable(message));
    std::fflush(stderr);
    std::exit(1);
}

QString envOr(const char *name, const QString &fallback)
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

// The sandbox's error pages say what was wrong in one paragraph; it names no secret.
QString errorText(const QByteArray &html)
{
    static const QRegularExpression error(u"<p class=\"error\"[^>]*>([^<]*)</p>"_s);
    const QRegularExpressionMatch match = error.match(QString::fromUtf8(html));
    return match.hasMatch() ? u" \u2014 \u201c%1\u201d"_s.arg(match.captured(1).left(300)) : QString();
}

struct Answer
{
    int status = 0;
    QUrl location; // resolved
    QByteArray contentType;
    QByteArray body;
};

class Browser
{
public:
    Browser()
    {
        m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        m_manager.setProxy(QNetworkProxy::NoProxy);
    }

    Answer get(const QUrl &url) { return send(QNetworkRequest(url), "GET"_ba, QByteArray()); }

    Answer post(const QUrl &url, const FormFields &form)
    {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
        return send(request, "POST"_ba, Form::encode(form));
    }

private:
    Answer send(QNetworkRequest request, const QByteArray &verb, const QByteArray &body)
    {
        request.setTransferTimeout(stepTimeout);
        QNetworkReply *reply = m_manager.sendCustomRequest(request, verb, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QString where = request.url().path();
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (answer.status == 0)
            // The error's name only: Qt's errorString() can hold the whole URL, query and all.
            fail(u"%1 %2 failed: %3"_s.arg(
                QString::fromLatin1(verb), where,
                QString::fromLatin1(
                    QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(reply->error()))));
        answer.contentType = reply->rawHeader("Content-Type");
        answer.body = reply->readAll();
        const QByteArray location = reply->rawHeader("Location");
        if (!location.isEmpty())
            answer.location = reply->url().resolved(QUrl::fromEncoded(location));
        reply->deleteLater();
        return answer;
    }

    QNetworkAccessManager m_manager; // keeps the sandbox's session cookie between steps
};

void expectRedirect(const Answer &answer, const QString &step, const QString &path)
{
    if (answer.status != 302 || answer.location.path() != path)
        fail(u"%1: expected a redirect to %2, got HTTP %3 to %4%5"_s.arg(
            step, path, QString::number(answer.status), answer.location.path(), errorText(answer.body)));
}

void expectPage(const Answer &answer, const QString &step)
{
    if (answer.status != 200)
        fail(u"%1: expected a page, got HTTP %2%3"_s.arg(step, QString::number(answer.status),
                                                         errorText(answer.body)));
}

// A connection that sends bytes no browser would; the receiver must answer 400 or hang up, and live on.
void sendJunk(const QUrl &loopback)
{
    QTcpSocket socket;
    QByteArray received;
    QEventLoop loop;
    QObject::connect(&socket, &QIODevice::readyRead, &loop, [&] { received += socket.readAll(); });
    QObject::connect(&socket, &QAbstractSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QAbstractSocket::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(stepTimeout, &loop, &QEventLoop::quit);
    socket.connectToHost(loopback.host(), quint16(loopback.port()));
    socket.write("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03 not a request\r\n\r\n"_ba);
    loop.exec();
    received += socket.readAll();
    if (socket.state() != QAbstractSocket::UnconnectedState)
        fail(u"the loopback receiver kept a junk connection open"_s);
    if (!received.isEmpty() && !received.startsWith("HTTP/1.1 400 "))
        fail(u"the loopback receiver answered junk with something other than 400"_s);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2)
        fail(u"usage: postern-test-browser AUTHORIZATION_URL"_s);
    const QUrl authorization = QUrl::fromEncoded(arguments.at(1).toUtf8(), QUrl::StrictMode);
    if (!authorization.isValid() || authorization.scheme() != u"http"_s)
        fail(u"the argument is not an http URL"_s);

    const QString user = envOr("POSTERN_TEST_BROWSER_USER", u"admin"_s);
    const QString password = envOr("POSTERN_TEST_BROWSER_PASSWORD", u"admin"_s);
    const QString decision = envOr("POSTERN_TEST_BROWSER_DECISION", u"allow"_s);
    const bool noise = qEnvironmentVariable("POSTERN_TEST_BROWSER_NOISE") == u"1"_s;
    if (decision != u"allow"_s && decision != u"deny"_s)
        fail(u"POSTERN_TEST_BROWSER_DECISION must be allow or deny"_s);

    Browser browser;
    const Answer start = browser.get(authorization);
    expectRedirect(start, u"authorization request"_s, u"/oauth_login.do"_s);
    const QString request
        = Form::value(Form::parse(start.location.query(QUrl::FullyEncoded).toUtf8()), u"request"_s);
    if (request.isEmpty())
        fail(u"the login redirect carries no request id"_s);
    const Answer loginPage = browser.get(start.location);
    expectPage(loginPage, u"login page"_s);
    // The form's hidden token against forged posts, as a browser would send it back.
    static const QRegularExpression tokenField(u"name=\"sysparm_ck\" value=\"([^\"]*)\""_s);
    const QString formToken = tokenField.match(QString::fromUtf8(loginPage.body)).captured(1);

    const Answer login = browser.post(authorization.resolved(QUrl(u"/oauth_login.do"_s)),
                                      { { u"request"_s, request },
                                        { u"sysparm_ck"_s, formToken },
                                        { u"user_name"_s, user },
                                        { u"user_password"_s, password } });
    if (login.status == 200)
        fail(u"the sandbox did not accept the user name or password"_s);
    expectRedirect(login, u"login"_s, u"/oauth_consent.do"_s);
    expectPage(browser.get(login.location), u"consent page"_s);

    const Answer consent = browser.post(authorization.resolved(QUrl(u"/oauth_consent.do"_s)),
                                        { { u"request"_s, request }, { u"action"_s, decision } });
    const QUrl callback = consent.location;
    if (consent.status != 302 || callback.scheme() != u"http"_s
        || (callback.host() != u"127.0.0.1"_s && callback.host() != u"localhost"_s) || callback.port() <= 0)
        fail(u"consent: expected a redirect to a loopback redirect URI, got HTTP %1 to %2://%3%4"_s.arg(
            QString::number(consent.status), callback.scheme(), callback.host(), callback.path()));

    if (noise) {
        QUrl favicon = callback.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
        favicon.setPath(u"/favicon.ico"_s);
        const Answer icon = browser.get(favicon);
        if (icon.status != 404)
            fail(u"the loopback receiver answered /favicon.ico with HTTP %1"_s.arg(icon.status));
        sendJunk(callback);
    }

    const Answer page = browser.get(callback);
    if (page.status != 200 || !page.contentType.startsWith("text/html"))
        fail(u"the loopback receiver answered the callback with HTTP %1 (%2)"_s.arg(
            QString::number(page.status), QString::fromLatin1(page.contentType)));
    return 0;
}
