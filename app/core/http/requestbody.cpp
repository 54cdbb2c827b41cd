#include "http/requestbody.h"

#include "base/formurlencoded.h"
#include "base/httpvalidation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QRandomGenerator>

#include <optional>

using namespace Qt::StringLiterals;

namespace Postern::RequestBody {

namespace {

const QString formType = u"application/x-www-form-urlencoded"_s;

QString shownPath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString shownName(const QString &name)
{
    constexpr qsizetype limit = 60;
    return name.size() > limit ? name.left(limit) + u'\u2026' : name;
}

FormFields enabledFields(const HttpRequest &request)
{
    FormFields fields;
    for (const KeyValue &field : request.formFields) {
        if (field.enabled && !(field.key.isEmpty() && field.value.isEmpty()))
            fields.append({ field.key, field.value });
    }
    return fields;
}

QList<FormPart> enabledParts(const HttpRequest &request)
{
    QList<FormPart> parts;
    for (const FormPart &part : request.formParts) {
        if (part.enabled && !(part.key.isEmpty() && part.value.isEmpty()))
            parts.append(part);
    }
    return parts;
}

QString mimeTypeForName(const QString &path)
{
    return QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchExtension).name();
}

// The last enabled Content-Type the user typed (the one that goes on the wire), if any.
std::optional<QString> userContentType(const KeyValueList &headers)
{
    std::optional<QString> found;
    for (const KeyValue &header : headers) {
        if (header.enabled && header.key.trimmed().compare(u"Content-Type"_s, Qt::CaseInsensitive) == 0)
            found = header.value.trimmed();
    }
    return found;
}

QByteArray boundaryParameter(const QString &contentType)
{
    const QStringList parameters = contentType.split(u';');
    for (qsizetype i = 1; i < parameters.size(); ++i) {
        const QString parameter = parameters.at(i).trimmed();
        if (parameter.startsWith(u"boundary="_s, Qt::CaseInsensitive)) {
            QString value = parameter.mid(9).trimmed();
            if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
                value = value.mid(1, value.size() - 2);
            return value.toUtf8();
        }
    }
    return QByteArray();
}

QString tooLarge(const QString &path, qint64 budget)
{
    if (budget < MaxFileSize)
        return QCoreApplication::translate(
                   "Postern::RequestBody",
                   "The files in the body add up to more than %1 MiB, the most Postern sends in one body.")
            .arg(MaxFileSize >> 20);
    return QCoreApplication::translate(
               "Postern::RequestBody",
               "The file “%1” is larger than %2 MiB, the most Postern sends in one body.")
        .arg(shownPath(path), QString::number(MaxFileSize >> 20));
}

// What stops the file from being sent, looked up without reading it; counts its size against *budget.
QString fileProblem(const QString &path, qint64 *budget)
{
    const QFileInfo info(path);
    if (!info.exists())
        return QCoreApplication::translate("Postern::RequestBody", "The file “%1” does not exist.")
            .arg(shownPath(path));
    if (info.isDir())
        return QCoreApplication::translate("Postern::RequestBody", "“%1” is a folder, not a file.")
            .arg(shownPath(path));
    if (!info.isFile())
        return QCoreApplication::translate("Postern::RequestBody", "“%1” is not a regular file.")
            .arg(shownPath(path));
    if (!info.isReadable())
        return QCoreApplication::translate("Postern::RequestBody",
                                           "The file “%1” cannot be read: permission denied.")
            .arg(shownPath(path));
    if (info.size() > *budget)
        return tooLarge(path, *budget);
    *budget -= info.size();
    return QString();
}

// The file a request names, read when the working-directory rule allows it (see FileAccess).
std::optional<QByteArray> readFile(const HttpRequest &request, const QString &named, qint64 *budget,
                                   QString *error)
{
    QString path;
    if (const QString refused = request.files.refusal(named, &path); !refused.isEmpty()) {
        *error = refused;
        return std::nullopt;
    }
    qint64 checked = *budget;
    if (const QString problem = fileProblem(path, &checked); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("Postern::RequestBody", "The file “%1” cannot be read: %2.")
                     .arg(shownPath(path), file.errorString());
        return std::nullopt;
    }
    // The size from the lookup above, not a buffer of the whole budget; a file that grew since is
    // noticed by the extra byte.
    QByteArray data = file.read(qMin(file.size(), *budget));
    if (file.error() != QFileDevice::NoError) {
        *error = QCoreApplication::translate("Postern::RequestBody", "The file “%1” cannot be read: %2.")
                     .arg(shownPath(path), file.errorString());
        return std::nullopt;
    }
    if (data.size() == *budget && !file.read(1).isEmpty()) {
        *error = tooLarge(path, *budget);
        return std::nullopt;
    }
    *budget -= data.size();
    return data;
}

// What stops a file the request names from being sent: the working-directory rule, then the file.
QString checkedFileProblem(const HttpRequest &request, const QString &named, qint64 *budget)
{
    QString path;
    if (const QString refused = request.files.refusal(named, &path); !refused.isEmpty())
        return refused;
    return fileProblem(path, budget);
}

// A name or file name in Content-Disposition, escaped as browsers do (WHATWG "multipart/form-data
// encoding algorithm"): the quote and line breaks percent-encoded, everything else UTF-8 as it is.
QByteArray dispositionValue(const QString &text)
{
    QByteArray out = text.toUtf8();
    out.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    return out;
}

struct Piece
{
    QByteArray headers;
    QByteArray content;
};

bool occursIn(const QList<Piece> &pieces, const QByteArray &boundary)
{
    for (const Piece &piece : pieces) {
        if (piece.headers.contains(boundary) || piece.content.contains(boundary))
            return true;
    }
    return false;
}

bool isBoundary(const QByteArray &candidate)
{
    // RFC 2046 §5.1.1 bchars, without the space (it would need quoting) and at most 70 of them.
    static const QByteArray allowed = "'()+_,-./:=?"_ba;
    if (candidate.isEmpty() || candidate.size() > 70)
        return false;
    for (const char c : candidate) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && !allowed.contains(c))
            return false;
    }
    return true;
}

WireBody encodeFormData(const HttpRequest &request, const std::function<QByteArray()> &boundarySource)
{
    WireBody wire;
    const QList<FormPart> parts = enabledParts(request);
    if (parts.isEmpty())
        return wire;
    qint64 budget = MaxFileSize;
    QList<Piece> pieces;
    for (const FormPart &part : parts) {
        Piece piece;
        piece.headers = "Content-Disposition: form-data; name=\"" + dispositionValue(part.key) + '"';
        QString contentType = part.contentType.trimmed();
        if (part.isFile) {
            if (part.value.isEmpty()) {
                wire.error = QCoreApplication::translate(
                                 "Postern::RequestBody",
                                 "The form-data field “%1” is a file, but no file is chosen.")
                                 .arg(shownName(part.key));
                return wire;
            }
            const std::optional<QByteArray> data = readFile(request, part.value, &budget, &wire.error);
            if (!data)
                return wire;
            piece.content = *data;
            piece.headers += "; filename=\"" + dispositionValue(QFileInfo(part.value).fileName()) + '"';
            if (contentType.isEmpty())
                contentType = mimeTypeForName(part.value);
        } else {
            piece.content = part.value.toUtf8();
        }
        piece.headers += "\r\n";
        if (!contentType.isEmpty()) // a text part without one is text/plain (RFC 7578 §4.4)
            piece.headers += "Content-Type: " + contentType.toUtf8() + "\r\n";
        pieces.append(piece);
    }

    const std::optional<QString> typed = userContentType(request.headers);
    const bool typedMultipart = typed && typed->startsWith(u"multipart/"_s, Qt::CaseInsensitive);
    QByteArray boundary = typedMultipart ? boundaryParameter(*typed) : QByteArray();
    if (!boundary.isEmpty()) {
        if (occursIn(pieces, boundary)) {
            wire.error = QCoreApplication::translate(
                "Postern::RequestBody",
                "The boundary in the Content-Type header occurs in the form data; remove it from the "
                "header and Postern chooses one that does not.");
            return wire;
        }
    } else {
        constexpr int attempts = 16;
        for (int i = 0; i < attempts && boundary.isEmpty(); ++i) {
            const QByteArray candidate = boundarySource ? boundarySource() : newBoundary();
            if (isBoundary(candidate) && !occursIn(pieces, candidate))
                boundary = candidate;
        }
        if (boundary.isEmpty()) {
            wire.error = QCoreApplication::translate(
                "Postern::RequestBody",
                "No multipart boundary could be found that does not occur in the form data.");
            return wire;
        }
        if (!typed)
            wire.contentType = u"multipart/form-data; boundary="_s + QString::fromLatin1(boundary);
        else if (typedMultipart)
            wire.contentType = *typed + u"; boundary="_s + QString::fromLatin1(boundary);
    }

    qsizetype size = 0;
    for (const Piece &piece : std::as_const(pieces))
        size += piece.headers.size() + piece.content.size() + boundary.size() + 8;
    wire.bytes.reserve(size + boundary.size() + 6);
    for (const Piece &piece : std::as_const(pieces)) {
        wire.bytes += "--" + boundary + "\r\n" + piece.headers + "\r\n";
        wire.bytes += piece.content;
        wire.bytes += "\r\n";
    }
    wire.bytes += "--" + boundary + "--\r\n";
    return wire;
}

} // namespace

QJsonObject graphqlVariables(const QString &text, QString *error)
{
    if (text.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QCoreApplication::translate("Postern::RequestBody",
                                             "The GraphQL variables are not valid JSON: %1 at character %2.")
                     .arg(parseError.errorString(), QString::number(parseError.offset));
        return QJsonObject();
    }
    if (!document.isObject()) {
        *error = QCoreApplication::translate(
            "Postern::RequestBody", "The GraphQL variables must be a JSON object, such as {\"id\": 1}.");
        return QJsonObject();
    }
    return document.object();
}

bool hasContent(const HttpRequest &request)
{
    switch (request.bodyMode) {
    case BodyMode::Raw:
        return !request.body.isEmpty();
    case BodyMode::UrlEncoded:
        return !enabledFields(request).isEmpty();
    case BodyMode::FormData:
        return !enabledParts(request).isEmpty();
    case BodyMode::Binary:
        return !request.bodyFile.isEmpty();
    case BodyMode::GraphQL:
        return !request.graphqlQuery.trimmed().isEmpty() || !request.graphqlVariables.trimmed().isEmpty();
    }
    return false;
}

QString automaticContentType(const HttpRequest &request)
{
    if (!hasContent(request))
        return QString();
    switch (request.bodyMode) {
    case BodyMode::Raw:
        return request.bodyContentType;
    case BodyMode::UrlEncoded:
        return formType;
    case BodyMode::FormData:
        return u"multipart/form-data; boundary="_s + QString::fromUtf16(BoundaryPlaceholder);
    case BodyMode::Binary:
        return request.bodyContentType.trimmed().isEmpty() ? mimeTypeForName(request.bodyFile)
                                                           : request.bodyContentType.trimmed();
    case BodyMode::GraphQL:
        return u"application/json"_s;
    }
    return QString();
}

QStringList problems(const HttpRequest &request)
{
    QStringList found;
    qint64 budget = MaxFileSize;
    switch (request.bodyMode) {
    case BodyMode::Raw:
    case BodyMode::UrlEncoded:
        break;
    case BodyMode::FormData:
        for (const FormPart &part : enabledParts(request)) {
            if (const QString error = HttpValidation::headerValueError(part.contentType); !error.isEmpty())
                found.append(QCoreApplication::translate("Postern::RequestBody",
                                                         "The content type of the form-data field “%1”: %2")
                                 .arg(shownName(part.key), error));
            if (!part.isFile)
                continue;
            if (part.value.isEmpty())
                found.append(
                    QCoreApplication::translate("Postern::RequestBody",
                                                "The form-data field “%1” is a file, but no file is chosen.")
                        .arg(shownName(part.key)));
            else if (const QString problem = checkedFileProblem(request, part.value, &budget);
                     !problem.isEmpty())
                found.append(problem);
        }
        break;
    case BodyMode::Binary:
        if (!request.bodyFile.isEmpty()) {
            if (const QString problem = checkedFileProblem(request, request.bodyFile, &budget);
                !problem.isEmpty())
                found.append(problem);
        }
        break;
    case BodyMode::GraphQL: {
        QString error;
        graphqlVariables(request.graphqlVariables, &error);
        if (!error.isEmpty())
            found.append(error);
        break;
    }
    }
    return found;
}

WireBody encode(const HttpRequest &request, const std::function<QByteArray()> &boundarySource)
{
    if (request.bodyMode == BodyMode::FormData)
        return encodeFormData(request, boundarySource);
    WireBody wire;
    if (!hasContent(request))
        return wire;
    switch (request.bodyMode) {
    case BodyMode::Raw:
    case BodyMode::FormData:
        wire.bytes = request.body;
        break;
    case BodyMode::UrlEncoded:
        wire.bytes = FormUrlEncoded::encode(enabledFields(request));
        break;
    case BodyMode::Binary: {
        qint64 budget = MaxFileSize;
        const std::optional<QByteArray> data = readFile(request, request.bodyFile, &budget, &wire.error);
        if (!data)
            return wire;
        wire.bytes = *data;
        break;
    }
    case BodyMode::GraphQL: {
        const QJsonObject variables = graphqlVariables(request.graphqlVariables, &wire.error);
        if (!wire.ok())
            return wire;
        QJsonObject object { { u"query"_s, request.graphqlQuery } };
        if (!request.graphqlVariables.trimmed().isEmpty())
            object.insert(u"variables"_s, variables);
        wire.bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
        break;
    }
    }
    if (!userContentType(request.headers))
        wire.contentType = automaticContentType(request);
    return wire;
}

QString fileContentType(const QString &path)
{
    return mimeTypeForName(path);
}

QList<FileReference> fileReferences(const HttpRequest &request)
{
    QList<FileReference> files;
    if (!request.bodyFile.isEmpty())
        files.append({ request.bodyFile, false, QString(), request.bodyMode == BodyMode::Binary });
    for (const FormPart &part : request.formParts) {
        if (part.isFile && !part.value.isEmpty())
            files.append(
                { part.value, true, part.key, request.bodyMode == BodyMode::FormData && part.enabled });
    }
    return files;
}

QByteArray newBoundary()
{
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    QByteArray boundary = "----PosternFormBoundary";
    QRandomGenerator *random = QRandomGenerator::system();
    for (int i = 0; i < 24; ++i)
        boundary += alphabet[random->bounded(int(sizeof(alphabet) - 1))];
    return boundary;
}

} // namespace Postern::RequestBody
