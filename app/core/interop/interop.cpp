#include "interop/interop.h"

#include "curl/curlcommand.h"
#include "interop/postmancollection.h"
#include "interop/postmanenvironment.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

InteropImport refused(const QString &error)
{
    InteropImport result;
    result.error = error;
    return result;
}

bool isCurlCommand(const QByteArray &data)
{
    const QByteArray head = data.left(64).trimmed();
    return head.startsWith("curl ") || head.startsWith("curl\t") || head.startsWith("curl\\\n")
        || head.startsWith("curl\\\r\n");
}

} // namespace

InteropImport Interop::read(const QByteArray &data)
{
    if (data.size() > maxFileSize)
        return refused(Interop::tr("The file is larger than %1 MiB; Postern does not import it.")
                           .arg(maxFileSize / (1024 * 1024)));
    if (data.trimmed().isEmpty())
        return refused(Interop::tr("The file is empty."));

    InteropImport result;
    if (isCurlCommand(data)) {
        const CurlImport imported = CurlCommand::parse(QString::fromUtf8(data).trimmed());
        if (!imported.ok())
            return refused(imported.error);
        result.kind = InteropImport::Kind::Curl;
        result.request = imported.request;
        result.summary = imported.notes;
        return result;
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return refused(Interop::tr("It is not valid JSON (%1 at byte %2).")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
    if (!document.isObject())
        return refused(
            Interop::tr("It is not a collection or an environment: the file holds a list, not an object."));
    const QJsonObject root = document.object();

    const QString marker = root.value(u"postern"_s).toString();
    if (marker == u"collection"_s) {
        result.kind = InteropImport::Kind::PosternCollection;
        result.collection = Collection::fromJson(root, &result.summary);
        return result;
    }
    if (marker == u"environment"_s) {
        result.kind = InteropImport::Kind::PosternEnvironment;
        result.environment = Environment::fromJson(root, &result.summary);
        return result;
    }
    if (PostmanEnvironment::looksLikePostman(root)) {
        if (data.size() > PostmanEnvironment::maxFileSize)
            return refused(
                Interop::tr("The environment file is larger than %1 MiB; Postern does not import it.")
                    .arg(PostmanEnvironment::maxFileSize / (1024 * 1024)));
        const PostmanEnvironmentImport imported = PostmanEnvironment::importObject(root);
        if (!imported.ok())
            return refused(imported.error);
        result.kind = InteropImport::Kind::PostmanEnvironment;
        result.environment = imported.environment;
        result.summary = imported.summary;
        return result;
    }
    // A file with "info" or "item" is meant as a Postman collection: its reader says what is wrong.
    if (PostmanCollection::looksLikePostman(root) || root.contains(u"info"_s) || root.contains(u"item"_s)) {
        const PostmanImport imported = PostmanCollection::importObject(root, data);
        if (!imported.ok())
            return refused(imported.error);
        result.kind = InteropImport::Kind::PostmanCollection;
        result.collection = imported.collection;
        result.summary = imported.summary;
        return result;
    }
    return refused(Interop::tr(
        "It is not a Postman collection (v2.0 or v2.1), a Postman environment, a Postern collection "
        "or environment, or a curl command."));
}

} // namespace Postern
