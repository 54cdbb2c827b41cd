#include "echoserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

// Adds key=value; a key seen twice becomes an array, as postman-echo shows it.
void addValue(QJsonObject *object, const QString &key, const QString &value)
{
    if (!object->contains(key)) {
        object->insert(key, value);
        return;
    }
    QJsonValue existing = object->value(key);
    QJsonArray values = existing.isArray() ? existing.toArray() : QJsonArray { existing };
    values.append(value);
    object->insert(key, values);
}

QJsonObject queryObject(const QString &query)
{
    QJsonObject args;
    const QList<QPair<QString, QString>> items = QUrlQuery(query).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items)
        addValue(&args, key, value);
    return args;
}

QByteArray parameter(const QByteArray &header, const QByteArray &name)
{
    for (const QByteArray &part : header.split(';')) {
        const QByteArray trimmed = part.trimmed();
        if (trimmed.startsWith(QByteArray(name + '='))) {
            QByteArray value = trimmed.mid(name.size() + 1);
            if (value.startsWith('"') && value.endsWith('"') && value.size() >= 2)
                value = value.mid(1, value.size() - 2);
            return value;
        }
    }
    return QByteArray();
}

// multipart/form-data: text fields into form, files (name → file name) into files.
void parseMultipart(const QByteArray &body, const QByteArray &boundary, QJsonObject *form, QJsonObject *files)
{
    const QByteArray delimiter = "--" + boundary;
    qsizetype at = body.indexOf(delimiter);
    while (at >= 0) {
        const qsizetype start = at + delimiter.size();
        if (body.mid(start, 2) == "--")
            return;
        const qsizetype next = body.indexOf(delimiter, start);
        if (next < 0)
            return;
        QByteArray part = body.mid(start, next - start);
        if (part.startsWith("\r\n"))
            part.remove(0, 2);
        if (part.endsWith("\r\n"))
            part.chop(2);
        const qsizetype split = part.indexOf("\r\n\r\n");
        const QByteArray headers = split < 0 ? part : part.left(split);
        const QByteArray content = split < 0 ? QByteArray() : part.mid(split + 4);
        QByteArray disposition;
        for (const QByteArray &line : headers.split('\n')) {
            if (line.trimmed().toLower().startsWith("content-disposition:"))
                disposition = line.trimmed().mid(20);
        }
        const QString name = QString::fromUtf8(parameter(disposition, "name"));
        const QByteArray fileName = parameter(disposition, "filename");
        if (!fileName.isEmpty())
            addValue(files, QString::fromUtf8(fileName),
                     u"data:application/octet-stream;base64,"_s + QString::fromLatin1(content.toBase64()));
        else
            addValue(form, name, QString::fromUtf8(content));
        at = next;
    }
}

TestHttpServer::Reply json(int status, const QByteArray &reason, const QJsonObject &object)
{
    TestHttpServer::Reply reply;
    reply.status = status;
    reply.reason = reason;
    reply.headers = { { "Content-Type", "application/json; charset=utf-8" } };
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

} // namespace

EchoServer::EchoServer(QObject *parent)
    : TestHttpServer(parent)
{
    setHandler([this](const Request &request) {
        return answer(request, url().toString(QUrl::RemovePath).toUtf8());
    });
}

TestHttpServer::Reply EchoServer::answer(const Request &request, const QByteArray &origin)
{
    const QByteArray target = request.target;
    const qsizetype question = target.indexOf('?');
    const QByteArray path = question < 0 ? target : target.left(question);
    const QString query = question < 0 ? QString() : QString::fromUtf8(target.mid(question + 1));
    QJsonObject headers;
    for (const auto &[name, value] : request.headers)
        headers.insert(QString::fromLatin1(name).toLower(), QString::fromUtf8(value));
    const QString url = QString::fromUtf8(origin + target);

    if (path == "/headers")
        return json(200, "OK", { { u"headers"_s, headers } });
    if (path == "/basic-auth") {
        if (request.header("Authorization") == "Basic " + QByteArray("postman:password").toBase64())
            return json(200, "OK", { { u"authenticated"_s, true } });
        Reply refused;
        refused.status = 401;
        refused.reason = "Unauthorized";
        refused.headers
            = { { "Content-Type", "text/plain" }, { "WWW-Authenticate", "Basic realm=\"Users\"" } };
        refused.body = "Unauthorized";
        return refused;
    }
    if (path == "/digest-auth")
        return json(200, "OK", { { u"authenticated"_s, true } });
    const QByteArray method = request.method;
    if (path == "/get" && (method == "GET" || method == "HEAD" || method == "OPTIONS"))
        return json(200, "OK",
                    { { u"args"_s, queryObject(query) }, { u"headers"_s, headers }, { u"url"_s, url } });
    if (path == "/" + method.toLower() && method != "GET") {
        QJsonObject form;
        QJsonObject files;
        QJsonValue parsedJson = QJsonValue::Null;
        QString data;
        const QByteArray type = request.header("Content-Type");
        if (type.startsWith("multipart/form-data")) {
            parseMultipart(request.body, parameter(type, "boundary"), &form, &files);
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            form = queryObject(QString::fromUtf8(request.body));
        } else {
            data = QString::fromUtf8(request.body);
            if (type.contains("json")) {
                const QJsonDocument document = QJsonDocument::fromJson(request.body);
                parsedJson
                    = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
                if (document.isNull())
                    parsedJson = QJsonValue::Null;
            }
        }
        return json(200, "OK",
                    { { u"args"_s, queryObject(query) },
                      { u"data"_s, data },
                      { u"files"_s, files },
                      { u"form"_s, form },
                      { u"headers"_s, headers },
                      { u"json"_s, parsedJson },
                      { u"url"_s, url } });
    }
    Reply missing;
    missing.status = 404;
    missing.reason = "Not Found";
    missing.headers = { { "Content-Type", "text/plain" } };
    missing.body = "Not Found";
    return missing;
}
