#include "shared/sandboxhttp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

QByteArray SandboxHttp::Result::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return QByteArray();
}

Postern::FormFields SandboxHttp::Result::locationQuery() const
{
    return Postern::FormUrlEncoded::parse(location.query(QUrl::FullyEncoded).toLatin1());
}

Postern::FormFields SandboxHttp::Result::locationFragment() const
{
    return Postern::FormUrlEncoded::parse(location.fragment(QUrl::FullyEncoded).toLatin1());
}

QString SandboxHttp::Result::json(const QString &key) const
{
    const QJsonValue value = QJsonDocument::fromJson(body).object().value(key);
    return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
}

SandboxHttp::SandboxHttp(const QUrl &base)
    : m_base(base)
    , m_manager(std::make_unique<QNetworkAccessManager>())
{
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

QUrl SandboxHttp::url(const QString &pathAndQuery) const
{
    return QUrl(m_base.toString() + pathAndQuery, QUrl::TolerantMode);
}

SandboxHttp::Result SandboxHttp::get(const QString &pathAndQuery,
                                     const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("GET"_ba, pathAndQuery, QByteArray(), headers);
}

SandboxHttp::Result SandboxHttp::post(const QString &path, const QByteArray &body,
                                      const QByteArray &contentType,
                                      const QList<QPair<QByteArray, QByteArray>> &headers)
{
    auto all = headers;
    if (!contentType.isEmpty())
        all.prepend({ "Content-Type"_ba, contentType });
    return send("POST"_ba, path, body, all);
}

SandboxHttp::Result SandboxHttp::send(const QByteArray &verb, const QString &pathAndQuery,
                                      const QByteArray &body,
                                      const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url(pathAndQuery));
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    QNetworkReply *reply = m_manager->sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        qWarning("request did not finish");
    Result result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    const QByteArray location = reply->rawHeader("Location");
    if (!location.isEmpty())
        result.location = reply->url().resolved(QUrl::fromEncoded(location));
    reply->deleteLater();
    return result;
}

QString SandboxHttp::requestId(const Result &redirect)
{
    return Postern::FormUrlEncoded::value(redirect.locationQuery(), u"request"_s);
}

QString SandboxHttp::formToken(const Result &loginPage)
{
    static const QRegularExpression field(u"name=\"sysparm_ck\" value=\"([^\"]*)\""_s);
    return field.match(QString::fromUtf8(loginPage.body)).captured(1);
}

QByteArray SandboxHttp::basic(const QString &id, const QString &secret)
{
    return "Basic "
        + QByteArray(Postern::FormUrlEncoded::encodeComponent(id) + ':'
                     + Postern::FormUrlEncoded::encodeComponent(secret))
              .toBase64();
}

QByteArray SandboxHttp::plainBasic(const QByteArray &user, const QByteArray &password)
{
    return "Basic " + QByteArray(user + ':' + password).toBase64();
}
