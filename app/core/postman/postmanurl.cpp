#include "postman/postmanurl.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

const auto urlKey = u"url"_s;
const auto urlStringKey = u"urlString"_s;
const auto disabledQueryKey = u"disabledQuery"_s;
const auto queryRowsKey = u"queryRows"_s;

// A host or path given as text or as a list of text (or of {value} objects for path segments).
QStringList segments(const QJsonValue &value, bool *wrongType)
{
    if (value.isArray()) {
        QStringList list;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &segment : array) {
            if (segment.isObject())
                list.append(PostmanJson::text(segment.toObject().value(u"value"_s), wrongType));
            else
                list.append(PostmanJson::text(segment, wrongType));
        }
        return list;
    }
    if (value.isUndefined() || value.isNull())
        return {};
    return { PostmanJson::text(value, wrongType) };
}

QString joinParts(const QJsonObject &object, const QStringList &query, bool *wrongType)
{
    QString url;
    const QString protocol = PostmanJson::text(object.value(u"protocol"_s), wrongType);
    if (!protocol.isEmpty())
        url += protocol + u"://"_s;
    const QJsonObject auth = object.value(u"auth"_s).toObject();
    if (!auth.isEmpty()) {
        url += PostmanJson::text(auth.value(u"user"_s), wrongType);
        const QString password = PostmanJson::text(auth.value(u"password"_s), wrongType);
        if (!password.isEmpty())
            url += u':' + password;
        url += u'@';
    }
    url += segments(object.value(u"host"_s), wrongType).join(u'.');
    const QString port = PostmanJson::text(object.value(u"port"_s), wrongType);
    if (!port.isEmpty())
        url += u':' + port;
    const QJsonValue pathValue = object.value(u"path"_s);
    const QString path = segments(pathValue, wrongType).join(u'/');
    if (!path.isEmpty() || pathValue.isArray())
        url += path.startsWith(u'/') ? path : u'/' + path;
    if (!query.isEmpty())
        url += u'?' + query.join(u'&');
    const QString hash = PostmanJson::text(object.value(u"hash"_s), wrongType);
    if (!hash.isEmpty())
        url += u'#' + hash;
    return url;
}

} // namespace

QString PostmanUrl::read(const QJsonValue &value, const QString &where, QJsonObject *foreign,
                         PostmanJson::Notes *notes, QStringList *unknownFields)
{
    if (value.isString()) {
        if (!value.toString().isEmpty())
            foreign->insert(urlStringKey, true);
        return value.toString();
    }
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isObject()) {
        notes->add(where,
                   PostmanUrl::tr("“url” is %1; the URL is left empty").arg(PostmanJson::typeName(value)));
        return QString();
    }
    QJsonObject object = value.toObject();
    bool wrongType = false;
    QStringList enabled;
    QJsonArray disabled;
    PostmanJson::RowExtras rows;
    const QJsonValue query = object.take(u"query"_s);
    if (query.isArray()) {
        const QJsonArray entries = query.toArray();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            QJsonObject entry = entries.at(i).toObject();
            if (!entries.at(i).isObject()) {
                wrongType = true;
                continue;
            }
            if (entry.value(u"disabled"_s).toBool() || !entry.value(u"enabled"_s).toBool(true)) {
                disabled.append(QJsonObject { { u"index"_s, i }, { u"param"_s, entry } });
                continue;
            }
            const QString key = PostmanJson::text(entry.take(u"key"_s), &wrongType);
            const QJsonValue paramValue = entry.take(u"value"_s);
            entry.remove(u"disabled"_s);
            entry.remove(u"enabled"_s);
            if (entry.value(u"type"_s) == u"text"_s)
                entry.remove(u"type"_s);
            rows.add(key, entry);
            enabled.append(paramValue.isNull() || paramValue.isUndefined()
                               ? key
                               : key + u'=' + PostmanJson::text(paramValue, &wrongType));
        }
    } else if (!query.isUndefined() && !query.isNull()) {
        notes->add(where,
                   PostmanUrl::tr("“url.query” is %1, not a list; it was ignored")
                       .arg(PostmanJson::typeName(query)));
    }

    const QJsonValue raw = object.take(u"raw"_s);
    const QString url = raw.isString() ? raw.toString() : joinParts(object, enabled, &wrongType);
    for (const QString &part : { u"protocol"_s, u"auth"_s, u"host"_s, u"port"_s, u"path"_s, u"hash"_s })
        object.remove(part);
    if (wrongType)
        notes->add(where, PostmanUrl::tr("parts of the URL have the wrong type and were left out"));

    if (!disabled.isEmpty()) {
        foreign->insert(disabledQueryKey, disabled);
        notes->add(where,
                   PostmanUrl::tr("%1 kept for export but not shown")
                       .arg(PostmanJson::count(disabled.size(), PostmanUrl::tr("disabled query parameter is"),
                                               PostmanUrl::tr("disabled query parameters are"))));
    }
    if (!rows.isEmpty())
        foreign->insert(queryRowsKey, rows.toJson());
    const QJsonArray variables = object.value(u"variable"_s).toArray();
    if (!variables.isEmpty()) {
        notes->add(where,
                   PostmanUrl::tr("%1 kept for export but not substituted")
                       .arg(PostmanJson::count(variables.size(), PostmanUrl::tr("path variable (:name) is"),
                                               PostmanUrl::tr("path variables (:name) are"))));
    }
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key() != u"variable"_s)
            unknownFields->append(u"url."_s + it.key());
    }
    if (!object.isEmpty())
        foreign->insert(urlKey, object);
    return url;
}

namespace {

// The URL with every {{variable}} whose name holds a character that separates URL parts (.:/?#@&])
// masked, at the same length: the parts are found in the mask and cut from the URL, so such a
// variable stays whole, as Postman's parser keeps it.
QString maskVariables(const QString &url)
{
    static const QRegularExpression reserved(u"\\{\\{[^{}]*[.:/?#@&\\]][^{}]*\\}\\}"_s);
    QString masked = url;
    QRegularExpressionMatchIterator it = reserved.globalMatch(url);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        masked.replace(match.capturedStart(), match.capturedLength(), QString(match.capturedLength(), u'_'));
    }
    return masked;
}

// text split at each separator found in mask (text's masked twin).
QStringList splitMasked(const QString &text, const QString &mask, QChar separator)
{
    QStringList list;
    qsizetype from = 0;
    for (qsizetype at = mask.indexOf(separator); at >= 0; at = mask.indexOf(separator, from)) {
        list.append(text.mid(from, at - from));
        from = at + 1;
    }
    list.append(text.mid(from));
    return list;
}

} // namespace

QJsonObject PostmanUrl::parts(const QString &url)
{
    // Postman's order: hash, query, protocol, path, auth, port, host; scheme, host and port may be
    // {{variables}} ("{{proto}}://{{host}}:{{port}}/a", "{{baseUrl}}/x").
    QJsonObject object;
    qsizetype lead = 0;
    while (lead < url.size() && url.at(lead).isSpace())
        ++lead;
    QString rest = url.mid(lead);
    rest.replace(u'\\', u'/');
    QString mask = maskVariables(rest);
    const auto cut = [&](qsizetype from, qsizetype to) {
        rest = rest.mid(from, to - from);
        mask = mask.mid(from, to - from);
    };
    if (const qsizetype hash = mask.indexOf(u'#'); hash >= 0) {
        object.insert(u"hash"_s, rest.mid(hash + 1));
        cut(0, hash);
    }
    QStringList pairs;
    QStringList maskedPairs;
    const qsizetype question = mask.indexOf(u'?');
    if (question >= 0) {
        pairs = splitMasked(rest.mid(question + 1), mask.mid(question + 1), u'&');
        maskedPairs = mask.mid(question + 1).split(u'&');
        cut(0, question);
    }
    if (const qsizetype scheme = mask.indexOf(u"://"_s); scheme >= 0) {
        const QString protocol = rest.left(scheme);
        object.insert(u"protocol"_s, protocol);
        qsizetype from = scheme + 3;
        while (from < mask.size() && mask.at(from) == u'/')
            ++from;
        if (protocol.compare(u"file"_s, Qt::CaseInsensitive) == 0 && from > scheme + 3)
            --from; // file:///path keeps the path's slash
        cut(from, rest.size());
    }
    if (const qsizetype slash = mask.indexOf(u'/'); slash >= 0) {
        object.insert(
            u"path"_s,
            QJsonArray::fromStringList(splitMasked(rest.mid(slash + 1), mask.mid(slash + 1), u'/')));
        cut(0, slash);
    }
    if (const qsizetype at = mask.lastIndexOf(u'@'); at >= 0) {
        const QString userInfo = rest.left(at);
        const qsizetype colon = mask.left(at).indexOf(u':');
        QJsonObject auth { { u"user"_s, colon < 0 ? userInfo : userInfo.left(colon) } };
        if (colon >= 0)
            auth.insert(u"password"_s, userInfo.mid(colon + 1));
        object.insert(u"auth"_s, auth);
        cut(at + 1, rest.size());
    }
    if (const qsizetype colon = mask.lastIndexOf(u':'); colon >= 0 && !mask.mid(colon + 1).contains(u']')) {
        object.insert(u"port"_s, rest.mid(colon + 1));
        cut(0, colon);
    }
    object.insert(u"host"_s,
                  QJsonArray::fromStringList(rest.isEmpty() ? QStringList() : splitMasked(rest, mask, u'.')));
    if (question >= 0) {
        // "flag" has no value (null) and "flag=" an empty one: each is written back as it was typed.
        QJsonArray params;
        for (qsizetype i = 0; i < pairs.size(); ++i) {
            const QString &pair = pairs.at(i);
            if (pair.isEmpty())
                continue;
            const qsizetype equals = maskedPairs.at(i).indexOf(u'=');
            params.append(QJsonObject {
                { u"key"_s, equals < 0 ? pair : pair.left(equals) },
                { u"value"_s,
                  equals < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(pair.mid(equals + 1)) } });
        }
        object.insert(u"query"_s, params);
    }
    return object;
}

QJsonValue PostmanUrl::write(const QString &url, const QJsonObject &foreign)
{
    const QJsonArray disabled = foreign.value(disabledQueryKey).toArray();
    const QJsonObject urlForeign = foreign.value(urlKey).toObject();
    PostmanJson::RowExtras rows = PostmanJson::RowExtras::fromJson(foreign.value(queryRowsKey));
    if ((foreign.value(urlStringKey).toBool() || url.isEmpty()) && disabled.isEmpty() && urlForeign.isEmpty()
        && rows.isEmpty()) {
        return url;
    }
    QJsonObject object = parts(url);
    object.insert(u"raw"_s, url);
    QJsonArray query;
    for (const QJsonValue &value : object.value(u"query"_s).toArray()) {
        QJsonObject param = value.toObject();
        PostmanJson::merge(param, rows.take(param.value(u"key"_s).toString()));
        query.append(param);
    }
    for (const QJsonValue &value : disabled) {
        const QJsonObject entry = value.toObject();
        const int index = qBound(0, entry.value(u"index"_s).toInt(), int(query.size()));
        query.insert(index, entry.value(u"param"_s));
    }
    if (query.isEmpty())
        object.remove(u"query"_s);
    else
        object.insert(u"query"_s, query);
    PostmanJson::merge(object, urlForeign);
    return object;
}

} // namespace Postern
