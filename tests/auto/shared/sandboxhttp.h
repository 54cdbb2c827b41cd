#pragma once

#include "base/formurlencoded.h"

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <memory>

// A tiny browser for the tests: one QNetworkAccessManager with its cookie jar, redirects never followed
// so each 302 is seen, and synchronous helpers that wait on the reply's finished signal.
class SandboxHttp
{
public:
    struct Result
    {
        int status = 0;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(QByteArrayView name) const;
        // Location resolved against the request URL.
        QUrl location;
        // Query (or fragment) fields of location.
        Postern::FormFields locationQuery() const;
        Postern::FormFields locationFragment() const;
        QString json(const QString &key) const; // top-level string/number of a JSON object body
    };

    explicit SandboxHttp(const QUrl &base);

    Result get(const QString &pathAndQuery, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Result post(const QString &path, const QByteArray &body,
                const QByteArray &contentType = QByteArrayLiteral("application/x-www-form-urlencoded"),
                const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Result send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body,
                const QList<QPair<QByteArray, QByteArray>> &headers);

    QUrl url(const QString &pathAndQuery) const;

    // The request id from a redirect to the login or consent page.
    static QString requestId(const Result &redirect);
    // The value of the login form's hidden sysparm_ck field (its token against forged posts), or empty.
    static QString formToken(const Result &loginPage);

    static QByteArray basic(const QString &id, const QString &secret); // RFC 6749 §2.3.1 encoding
    static QByteArray plainBasic(const QByteArray &user, const QByteArray &password); // RFC 7617

private:
    QUrl m_base;
    std::unique_ptr<QNetworkAccessManager> m_manager;
};
